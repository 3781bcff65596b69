//! Regulation editions and regions: which regulation applies to an application.
//!
//! The registry (`data/editions.json`, embedded) lists, for each edition, its
//! scope (national, or a list of regions), the act that approved it, its period
//! of application (open-ended while in force) and the services, actions,
//! categories and channels it provides. [`select`] picks the edition of an
//! application — an explicit `edition` id, or the edition in force on the
//! submission date (a regional edition of the region first, then a national
//! one) — and never defaults silently: when nothing fits, the finding names the
//! closest editions.

use crate::calendar::Date;
use crate::findings::catalog::Localized;
use crate::findings::{Basis, Finding, Findings, Lang, Param, Severity, TermKind};
use crate::model::{Action, Category, Channel, Service};
use crate::terms;

#[cfg(not(target_arch = "wasm32"))]
mod load;
#[cfg(not(target_arch = "wasm32"))]
pub mod spec;

#[cfg(not(target_arch = "wasm32"))]
pub use load::load;

/// A UTC offset in force until an instant (the last entry has no end).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OffsetPeriod {
    /// Unix time at which the offset stops applying, if it does.
    pub until_unix: Option<i64>,
    /// Minutes east of UTC.
    pub minutes: i32,
}

/// A region with regulation editions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    /// Region id, e.g. `almaty_city`.
    pub id: &'static str,
    /// The region's UTC offsets over time.
    pub utc_offsets: &'static [OffsetPeriod],
    /// Source of the offsets (empty in the wasm module, which never shows it).
    pub utc_offsets_basis: &'static str,
}

impl Region {
    /// Name in kk/ru/en (from the terms table).
    pub fn names(&self) -> Localized {
        terms::names(terms::REGION, self.id).unwrap_or_default()
    }

    /// The region's UTC offset (minutes) at a Unix time.
    pub fn utc_offset_at(&self, unix_seconds: i64) -> i32 {
        self.utc_offsets
            .iter()
            .find(|p| p.until_unix.is_none_or(|until| unix_seconds < until))
            .or(self.utc_offsets.last())
            .map_or(0, |p| p.minutes)
    }
}

/// The period an edition applies in: `from` inclusive, `until` exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// First day of application.
    pub from: Date,
    /// First day it no longer applies, if repealed.
    pub until: Option<Date>,
    /// True when a bound is an estimate (publication dates are not in the seeds).
    pub approximate: bool,
    /// How the bounds were derived (empty in the wasm module).
    pub note: &'static str,
}

/// Where an edition applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The whole country (a code or a national order).
    National,
    /// Only these regions (an akimat's regulation).
    Regions(&'static [&'static str]),
}

/// A service as provided by one edition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServiceOffer {
    /// The service.
    pub service: Service,
    /// Actions the edition provides for it.
    pub actions: &'static [Action],
    /// Categories of objects it serves.
    pub categories: &'static [Category],
    /// Channels the edition provides for it.
    pub channels: &'static [Channel],
    /// Clauses that say so.
    pub basis: &'static str,
}

/// What applies instead of a service or category an edition does not provide,
/// e.g. under the 2021 Code a category III object asking for a permit files a
/// declaration. Matches when `service` and `category` (each when given) are the
/// ones asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Instead {
    /// The service asked for (`None`: any).
    pub service: Option<Service>,
    /// The category asked for (`None`: any).
    pub category: Option<Category>,
    /// Finding code (in the message catalog).
    pub code: &'static str,
    /// Its severity (`info` when nothing is needed at all).
    pub severity: Severity,
    /// JSON Pointer it is reported at.
    pub path: &'static str,
    /// The service that applies instead, if one of the library's.
    pub instead: Option<Service>,
    /// Clause of the edition.
    pub basis: &'static str,
}

impl Instead {
    fn matches(&self, service: Service, category: Option<Category>) -> bool {
        self.service.is_none_or(|s| s == service)
            && self
                .category
                .is_none_or(|c| category.is_some_and(|x| x == c))
    }
}

/// The longest validity of a permit under an edition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PermitTerm {
    /// At most this many years (e.g. 5 under the 2007 Code, 10 under the 2021 Code).
    pub max_years: u32,
    /// Statute or edition the rule comes from.
    pub source: &'static str,
    /// Its clause.
    pub clause: &'static str,
    /// Categories whose permits have no term, from a submission date.
    pub unlimited: &'static [(Category, Date)],
}

impl PermitTerm {
    /// The basis of the term.
    pub fn basis(&self) -> Basis {
        Basis::new(self.source, self.clause)
    }

    /// True when a permit of `category` submitted on `on` has no term.
    pub fn unlimited_for(&self, category: Option<Category>, on: Option<Date>) -> bool {
        self.unlimited
            .iter()
            .any(|(c, from)| category == Some(*c) && on.is_some_and(|d| d >= *from))
    }
}

/// Which table checks apply under an edition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tables {
    /// The checks tied to the blank's own structure (required tables and
    /// columns, consecutive years, the year of the previous values); off when the
    /// edition's form could not be read. Arithmetic (sums, units, capacity,
    /// duplicates) always applies.
    pub form_checks: bool,
    /// Clause the figures rest on, when not the seeds' blanks.
    pub basis: Option<&'static str>,
    /// Clause of the refusal ground for a figure that cannot be right, when not
    /// the seeds'.
    pub refusal: Option<&'static str>,
    /// Why (empty in the wasm module).
    pub note: &'static str,
}

/// A period of law the library has no edition for (e.g. the national
/// standards of 2020–2021 under the 2007 Code): a date in it gets a finding
/// that names it instead of a bare "not covered".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unlisted {
    /// Regime id; its name is in the terms table with the editions' (so a
    /// message names it like an edition).
    pub id: &'static str,
    /// First day.
    pub from: Date,
    /// First day after.
    pub until: Date,
    /// What applied and why it is not here (empty in the wasm module).
    pub note: &'static str,
}

/// One regulation edition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edition {
    /// Edition id, e.g. `almaty_city_2019`.
    pub id: &'static str,
    /// Where it applies.
    pub scope: Scope,
    /// Title in kk/ru/en.
    pub names: Localized,
    /// The act, its registration and repeal (empty in the wasm module).
    pub act: &'static str,
    /// Seed files holding its text (none for a code read from its official text,
    /// and none in the wasm module).
    pub seeds: &'static [&'static str],
    /// Period of application.
    pub period: Period,
    /// Services provided.
    pub services: &'static [ServiceOffer],
    /// What applies instead of what is not provided.
    pub instead: &'static [Instead],
    /// The longest validity of a permit, if the edition issues permits with a term.
    pub permit_term: Option<PermitTerm>,
    /// Which table checks apply.
    pub tables: Tables,
}

impl Edition {
    /// Short name in kk/ru/en, used in messages (from the terms table, where an
    /// edition registered at run time adds its own).
    pub fn short_names(&self) -> Localized {
        terms::names(terms::EDITION, self.id).unwrap_or_default()
    }

    /// The offer for `service`, if this edition provides it.
    pub fn offer(&self, service: Service) -> Option<&'static ServiceOffer> {
        self.services.iter().find(|s| s.service == service)
    }

    /// True when the edition applies in region `region`.
    pub fn covers(&self, region: &str) -> bool {
        match self.scope {
            Scope::National => true,
            Scope::Regions(list) => list.contains(&region),
        }
    }

    /// The region whose clock the edition keeps, when it has exactly one.
    pub fn home_region(&self) -> Option<&'static str> {
        match self.scope {
            Scope::Regions([only]) => Some(only),
            _ => None,
        }
    }

    /// True when the edition applies nationally.
    pub fn is_national(&self) -> bool {
        self.scope == Scope::National
    }

    /// True when `date` falls in the period of application.
    pub fn applies_on(&self, date: Date) -> bool {
        date >= self.period.from && self.period.until.is_none_or(|u| date < u)
    }

    /// Days between `date` and the period (0 inside it).
    fn distance(&self, date: Date) -> i32 {
        let d = date.to_days();
        let from = self.period.from.to_days();
        match self.period.until.map(Date::to_days) {
            _ if d < from => from - d,
            Some(until) if d >= until => d - until + 1,
            _ => 0,
        }
    }
}

include!(concat!(env!("OUT_DIR"), "/editions.rs"));

/// All regions with editions.
pub fn regions() -> &'static [Region] {
    REGIONS
}

/// All embedded editions.
pub fn editions() -> &'static [Edition] {
    EDITIONS
}

/// The embedded editions, then those registered at run time with [`load`].
#[cfg(not(target_arch = "wasm32"))]
fn registry() -> impl Iterator<Item = &'static Edition> + Clone {
    EDITIONS.iter().chain(load::extra().iter().copied())
}

/// The embedded editions (nothing is loaded at run time in wasm).
#[cfg(target_arch = "wasm32")]
fn registry() -> impl Iterator<Item = &'static Edition> + Clone {
    EDITIONS.iter()
}

/// The edition with id `id`.
pub fn edition(id: &str) -> Option<&'static Edition> {
    registry().find(|e| e.id == id)
}

/// True when this module carries the rules of `ed`: always natively and in the
/// whole API; the package's form entry (built without the `repealed-editions`
/// feature) carries only those of the editions in force.
///
/// ```
/// let ed = kz_eco_rules::editions::edition("almaty_city_2019").unwrap();
/// assert!(kz_eco_rules::editions::rules_in_module(ed)); // natively: every edition
/// ```
pub fn rules_in_module(ed: &Edition) -> bool {
    !RULES_LEFT_OUT.contains(&ed.id)
}

/// The one finding of an application under `ed` when this module does not carry
/// its rules ([`rules_in_module`]): reported at `/edition` when the application
/// names it, else at `/submitted_at` (the date selected it).
pub fn not_in_module(ed: &Edition, named: bool) -> Finding {
    let path = if named { "/edition" } else { "/submitted_at" };
    finding::not_in_module(path, edition_term(ed))
}

/// Periods of law the library has no edition for.
pub fn unlisted() -> &'static [Unlisted] {
    UNLISTED
}

/// The region with id `id`.
pub fn region(id: &str) -> Option<&'static Region> {
    REGIONS.iter().find(|r| r.id == id)
}

/// The short name of edition `id` in `lang` (as used in messages), or the name
/// of an unlisted regime.
pub fn edition_name(id: &str, lang: Lang) -> Option<&'static str> {
    terms::name(terms::EDITION, id, lang)
}

/// The name of region `id` in `lang`.
pub fn region_name(id: &str, lang: Lang) -> Option<&'static str> {
    terms::name(terms::REGION, id, lang)
}

// The finding codes (`pub const`s and `CODES`), generated from
// `data/messages/editions.json` by `build/messages.rs`.
include!(concat!(env!("OUT_DIR"), "/codes_editions.rs"));

/// What [`select`] is given.
#[derive(Debug, Clone, Copy, Default)]
pub struct Query<'a> {
    /// Explicit edition id.
    pub edition: Option<&'a str>,
    /// Region id.
    pub region: Option<&'a str>,
    /// Submission date (local to the region).
    pub date: Option<Date>,
}

/// Of the editions `keep` keeps, the one with the latest start (the last of
/// equals, as `max_by_key`).
fn latest_of(keep: &dyn Fn(&Edition) -> bool) -> Option<&'static Edition> {
    let mut latest: Option<&'static Edition> = None;
    for e in registry() {
        if keep(e) && latest.is_none_or(|l| e.period.from >= l.period.from) {
            latest = Some(e);
        }
    }
    latest
}

/// The ids of the editions `keep` keeps, in the registry's order (one loop for
/// every list a finding names).
fn edition_ids(keep: &dyn Fn(&Edition) -> bool) -> Param {
    let mut ids = Vec::new();
    for e in registry() {
        if keep(e) {
            ids.push(e.id.to_owned());
        }
    }
    Param::Terms(TermKind::Edition, ids)
}

fn edition_term(ed: &Edition) -> Param {
    Param::Term(TermKind::Edition, ed.id.to_owned())
}

/// Picks the edition for `query`, reporting at `/edition` or `/region` why none
/// fits. An explicit edition wins; a mismatch with the region or date is a
/// warning. Otherwise the edition in force on the date: a regional edition of the
/// region first, then a national one (also without a region).
///
/// ```
/// use kz_eco_rules::editions::{select, Query};
/// use kz_eco_rules::calendar::Date;
/// use kz_eco_rules::findings::Findings;
/// let mut f = Findings::default();
/// let q = Query { region: Some("almaty_city"), date: Date::new(2020, 2, 3), ..Query::default() };
/// assert_eq!(select(&q, &mut f).map(|e| e.id), Some("almaty_city_2019"));
/// let q = Query { region: Some("almaty_city"), date: Date::new(2026, 2, 3), ..Query::default() };
/// assert_eq!(select(&q, &mut f).map(|e| e.id), Some("eco_code_2021"));
/// let q = Query { region: Some("almaty_city"), date: Date::new(2019, 2, 3), ..Query::default() };
/// assert!(select(&q, &mut f).is_none());
/// assert_eq!(f.as_slice()[0].code, "editions.not_in_library"); // the 2007 Code's national standards
/// ```
pub fn select(query: &Query<'_>, findings: &mut Findings) -> Option<&'static Edition> {
    if let Some(id) = query.edition {
        let Some(ed) = edition(id) else {
            findings.push(finding::unknown_edition(
                "/edition",
                id,
                edition_ids(&|_| true),
            ));
            return None;
        };
        if let (Some(region), Scope::Regions([first, ..])) = (query.region, ed.scope) {
            if !ed.covers(region) {
                findings.push(finding::region_mismatch(
                    "/region",
                    Param::Term(TermKind::Region, region.to_owned()),
                    edition_term(ed),
                    Param::Term(TermKind::Region, (*first).to_owned()),
                ));
            }
        }
        if let Some(date) = query.date.filter(|d| !ed.applies_on(*d)) {
            if ed.period.until.is_none() {
                findings.push(
                    finding::not_yet_in_force(
                        "/submitted_at",
                        Param::Date(date.iso()),
                        edition_term(ed),
                        Param::Date(ed.period.from.iso()),
                    )
                    .basis(Basis::new(ed.id, "")),
                );
                return Some(ed);
            }
            let until = ed.period.until.map(|u| u.iso()).unwrap_or_default();
            findings.push(
                finding::outside_period(
                    "/submitted_at",
                    Param::Date(date.iso()),
                    edition_term(ed),
                    Param::Date(ed.period.from.iso()),
                    Param::Date(until),
                )
                .basis(Basis::new(ed.id, "")),
            );
        }
        return Some(ed);
    }
    let Some(region_id) = query.region else {
        let national = query
            .date
            .and_then(|date| latest_of(&|e| e.is_national() && e.applies_on(date)));
        if national.is_none() {
            findings.push(finding::not_selected("/region"));
        }
        return national;
    };
    if region(region_id).is_none() {
        let regions = crate::text::owned(REGIONS, |r| r.id);
        findings.push(finding::unknown_region(
            "/region",
            region_id,
            Param::Terms(TermKind::Region, regions),
        ));
        return None;
    }
    let Some(date) = query.date else {
        findings.push(finding::no_date(
            "/submitted_at",
            Param::Term(TermKind::Region, region_id.to_owned()),
            edition_ids(&|e| e.covers(region_id)),
        ));
        return None;
    };
    // A later edition supersedes an earlier one: the latest start wins.
    let latest = |national: bool| {
        latest_of(&|e| e.covers(region_id) && e.is_national() == national && e.applies_on(date))
    };
    if let Some(ed) = latest(false).or_else(|| latest(true)) {
        return Some(ed);
    }
    let mut best: Option<i32> = None;
    for e in registry().filter(|e| e.covers(region_id)) {
        let d = e.distance(date);
        best = Some(best.map_or(d, |b| b.min(d)));
    }
    let best = best.unwrap_or(0);
    let closest = |e: &Edition| e.covers(region_id) && e.distance(date) == best;
    if let Some(u) = UNLISTED.iter().find(|u| u.from <= date && date < u.until) {
        findings.push(finding::not_in_library(
            "/submitted_at",
            Param::Term(TermKind::Region, region_id.to_owned()),
            Param::Date(date.iso()),
            Param::Term(TermKind::Edition, u.id.to_owned()),
            edition_ids(&closest),
        ));
        return None;
    }
    findings.push(finding::not_covered(
        "/submitted_at",
        Param::Term(TermKind::Region, region_id.to_owned()),
        Param::Date(date.iso()),
        edition_ids(&closest),
    ));
    None
}

/// Reports a service, category, action or channel the edition does not
/// provide. Where the edition says what applies instead (its `instead` data,
/// e.g. a declaration for category III under the 2021 Code), that finding is
/// given in place of the generic one.
pub fn check_offer(
    ed: &Edition,
    service: Option<Service>,
    category: Option<Category>,
    action: Option<Action>,
    channel: Option<Channel>,
    findings: &mut Findings,
) {
    let Some(service) = service else { return };
    let offer = ed.offer(service);
    let category_missing = category.filter(|c| offer.is_some_and(|o| !o.categories.contains(c)));
    if offer.is_none() || category_missing.is_some() {
        if let Some(x) = ed.instead.iter().find(|x| x.matches(service, category)) {
            findings.push(instead_finding(ed, x, service, category));
            return;
        }
    }
    let Some(offer) = offer else {
        findings.push(
            finding::service_not_offered(
                "/service",
                edition_term(ed),
                Param::Term(TermKind::Service, service.as_str().to_owned()),
            )
            .basis(Basis::new(ed.id, "")),
        );
        return;
    };
    let basis = Basis::new(ed.id, offer.basis);
    if let Some(category) = category_missing {
        findings.push(
            finding::category_not_offered(
                "/category",
                edition_term(ed),
                Param::Term(TermKind::Service, service.as_str().to_owned()),
                category.as_str(),
                Param::List(crate::text::owned(offer.categories, |c| c.as_str())),
            )
            .basis(basis.clone()),
        );
    }
    if let Some(action) = action.filter(|a| !offer.actions.contains(a)) {
        findings.push(
            finding::action_not_offered(
                "/action",
                edition_term(ed),
                Param::Term(TermKind::Action, action.as_str().to_owned()),
                Param::Terms(
                    TermKind::Action,
                    crate::text::owned(offer.actions, |a| a.as_str()),
                ),
            )
            .basis(basis.clone()),
        );
    }
    if let Some(channel) = channel.filter(|c| !offer.channels.contains(c)) {
        findings.push(
            finding::channel_not_offered(
                "/channel",
                edition_term(ed),
                Param::Term(TermKind::Channel, channel.as_str().to_owned()),
                Param::Terms(
                    TermKind::Channel,
                    crate::text::owned(offer.channels, |c| c.as_str()),
                ),
            )
            .basis(basis),
        );
    }
}

/// The finding of an `instead` entry, with the parameters its message declares
/// (`edition`, `service`, `category`, `instead`).
fn instead_finding(
    ed: &Edition,
    x: &Instead,
    service: Service,
    category: Option<Category>,
) -> Finding {
    let declared = crate::findings::catalog::entry(x.code).map_or(&[][..], |e| e.params);
    let mut f = Finding::new(x.severity, x.code, x.path).basis(Basis::new(ed.id, x.basis));
    for name in declared {
        let value = match *name {
            "edition" => Some(edition_term(ed)),
            "service" => Some(Param::Term(TermKind::Service, service.as_str().to_owned())),
            "category" => category.map(|c| Param::Text(c.as_str().to_owned())),
            "instead" => x
                .instead
                .map(|s| Param::Term(TermKind::Service, s.as_str().to_owned())),
            _ => None,
        };
        if let Some(v) = value {
            f = f.with(name, v);
        }
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test(unsupported = test)]
    fn registry_is_consistent() {
        assert!(editions().len() >= 5);
        for r in regions() {
            for lang in Lang::ALL {
                assert!(!r.names().get(lang).is_empty(), "{}", r.id);
            }
        }
        for ed in editions() {
            if let Scope::Regions(list) = ed.scope {
                assert!(list.iter().all(|r| region(r).is_some()), "{}", ed.id);
            }
            let from = ed.period.from;
            assert!(ed.period.until.is_none_or(|u| u > from), "{}", ed.id);
            for lang in Lang::ALL {
                assert!(!ed.names.get(lang).is_empty());
                assert!(!ed.short_names().get(lang).is_empty());
            }
            for offer in ed.services {
                for a in offer.actions {
                    assert!(
                        Action::for_service(offer.service).contains(a),
                        "{}: {a}",
                        ed.id
                    );
                }
            }
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn utc_offset_changes_on_1_march_2024() {
        let at = |s| {
            crate::calendar::DateTime::parse_iso(s)
                .unwrap()
                .unix_seconds()
                .unwrap()
        };
        let (before, after) = (at("2024-02-29T17:59:59Z"), at("2024-02-29T18:00:00Z"));
        let almaty = region("almaty_city").unwrap();
        assert_eq!(almaty.utc_offset_at(before), 360);
        assert_eq!(almaty.utc_offset_at(after), 300);
        assert_eq!(region("aktobe_oblast").unwrap().utc_offset_at(before), 300);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn explicit_edition_wins_with_warnings() {
        let mut f = Findings::default();
        let q = Query {
            edition: Some("aktobe_2013"),
            region: Some("almaty_city"),
            date: Date::new(2019, 11, 1),
        };
        assert_eq!(select(&q, &mut f).map(|e| e.id), Some("aktobe_2013"));
        let codes: Vec<&str> = f.as_slice().iter().map(|x| x.code).collect();
        assert_eq!(codes, [REGION_MISMATCH, OUTSIDE_PERIOD]);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn uncovered_date_names_the_closest_edition() {
        let mut f = Findings::default();
        let q = Query {
            region: Some("almaty_oblast"),
            date: Date::new(2012, 1, 1),
            ..Query::default()
        };
        assert!(select(&q, &mut f).is_none());
        let x = &f.as_slice()[0];
        assert_eq!(x.code, NOT_COVERED);
        assert_eq!(
            x.params.get("closest"),
            Some(&Param::Terms(
                TermKind::Edition,
                vec!["almaty_oblast_2012".into()]
            ))
        );
        // Between the regional editions and the 2021 Code: the regime is named.
        let q = Query {
            region: Some("almaty_oblast"),
            date: Date::new(2016, 1, 1),
            ..Query::default()
        };
        assert!(select(&q, &mut f).is_none());
        let x = &f.as_slice()[1];
        assert_eq!(x.code, NOT_IN_LIBRARY);
        assert_eq!(
            x.params.get("regime"),
            Some(&Param::Term(
                TermKind::Edition,
                "eco_code_2007_standards".into()
            ))
        );
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn unknown_region_and_missing_inputs() {
        let mut f = Findings::default();
        select(
            &Query {
                region: Some("atlantis"),
                ..Query::default()
            },
            &mut f,
        );
        select(&Query::default(), &mut f);
        select(
            &Query {
                region: Some("almaty_city"),
                ..Query::default()
            },
            &mut f,
        );
        select(
            &Query {
                edition: Some("x"),
                ..Query::default()
            },
            &mut f,
        );
        let codes: Vec<&str> = f.as_slice().iter().map(|x| x.code).collect();
        assert_eq!(
            codes,
            [UNKNOWN_REGION, NOT_SELECTED, NO_DATE, UNKNOWN_EDITION]
        );
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn offers_are_checked() {
        let mut f = Findings::default();
        let ed = edition("almaty_city_2019").unwrap();
        check_offer(
            ed,
            Some(Service::EcologicalExpertise),
            None,
            Some(Action::Repeat),
            Some(Channel::InPerson),
            &mut f,
        );
        let codes: Vec<&str> = f.as_slice().iter().map(|x| x.code).collect();
        assert_eq!(codes, [ACTION_NOT_OFFERED, CHANNEL_NOT_OFFERED]);
        let ed = edition("karaganda_2013").unwrap();
        check_offer(
            ed,
            Some(Service::EcologicalExpertise),
            None,
            None,
            None,
            &mut f,
        );
        assert_eq!(f.as_slice()[2].code, SERVICE_NOT_OFFERED);
    }
}
