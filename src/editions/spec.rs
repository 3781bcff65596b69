//! The format of `data/editions.json`, one definition for both readers: the build
//! script (which checks it and turns it into the statics of [`crate::editions`])
//! and, natively, [`crate::editions::load`] (which registers editions from JSON
//! at run time — how a test proves that an edition is data only).
//!
//! [`EditionsFile::problems`] is the one check of the format; a file with no
//! problem makes valid statics.

use serde::Deserialize;

/// The whole file: regions, editions, and the periods of law the library knows
/// of but has no edition for.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditionsFile {
    /// Regions with their clocks.
    #[serde(default)]
    pub regions: Vec<RegionSpec>,
    /// Regulation editions.
    pub editions: Vec<EditionSpec>,
    /// Periods in which a regime applied whose rules are not in the library.
    #[serde(default)]
    pub unlisted: Vec<UnlistedSpec>,
}

/// A text in Kazakh, Russian and English.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Names {
    /// Kazakh.
    pub kk: String,
    /// Russian.
    pub ru: String,
    /// English.
    pub en: String,
}

/// A region.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionSpec {
    /// Region id, e.g. `almaty_city`.
    pub id: String,
    /// Name in kk/ru/en.
    pub names: Names,
    /// UTC offsets over time, the last without an end.
    pub utc_offsets: Vec<OffsetSpec>,
    /// Source of the offsets.
    pub utc_offsets_basis: String,
}

/// A UTC offset until an instant.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OffsetSpec {
    /// `YYYY-MM-DDThh:mm:ssZ`: the first instant it no longer applies.
    #[serde(default)]
    pub until_utc: Option<String>,
    /// Minutes east of UTC.
    pub minutes: i32,
}

/// Where an edition applies: `"national"` or a list of region ids.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum ScopeSpec {
    /// `"national"`.
    National(String),
    /// Region ids.
    Regions(Vec<String>),
}

/// One edition.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditionSpec {
    /// Edition id.
    pub id: String,
    /// Where it applies.
    pub scope: ScopeSpec,
    /// Title in kk/ru/en.
    pub names: Names,
    /// Short name in kk/ru/en.
    pub short_names: Names,
    /// The act, its registration and repeal.
    pub act: String,
    /// Seed files holding its text (none for a code read from its official text).
    #[serde(default)]
    pub seeds: Vec<String>,
    /// Period of application.
    pub period: PeriodSpec,
    /// Services provided.
    pub services: Vec<OfferSpec>,
    /// What applies instead of a service, action or category not provided.
    #[serde(default)]
    pub instead: Vec<InsteadSpec>,
    /// The longest validity of a permit; absent: the edition issues no permit
    /// with a term to check.
    #[serde(default)]
    pub permit_term: Option<PermitTermSpec>,
    /// Which table checks apply.
    pub tables: TablesSpec,
}

/// `from` inclusive, `until` exclusive (absent: in force).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeriodSpec {
    /// `YYYY-MM-DD`.
    pub from: String,
    /// `YYYY-MM-DD`, if repealed.
    #[serde(default)]
    pub until: Option<String>,
    /// A bound is an estimate.
    pub approximate: bool,
    /// How the bounds were derived.
    pub note: String,
}

/// A service as provided by an edition.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfferSpec {
    /// Service id.
    pub service: String,
    /// Actions provided.
    pub actions: Vec<String>,
    /// Categories served.
    pub categories: Vec<String>,
    /// Channels provided.
    pub channels: Vec<String>,
    /// Clauses that say so.
    pub basis: String,
}

/// What applies instead: when an application asks for something the edition
/// does not provide and matches `service` / `category` (absent: any), this
/// finding is given instead of the generic "not provided".
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InsteadSpec {
    /// The service asked for (absent: any).
    #[serde(default)]
    pub service: Option<String>,
    /// The category asked for (absent: any).
    #[serde(default)]
    pub category: Option<String>,
    /// Finding code (a code of the message catalog).
    pub code: String,
    /// `error`, `warning` or `info`.
    pub severity: String,
    /// JSON Pointer the finding is reported at (`/service`, `/category`, …).
    pub path: String,
    /// The service that applies instead, if one of the library's.
    #[serde(default)]
    pub instead: Option<String>,
    /// Clause of the edition that says so.
    pub basis: String,
}

/// The longest validity of a permit.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PermitTermSpec {
    /// At most this many years.
    pub max_years: u32,
    /// Statute or edition id the rule comes from.
    pub source: String,
    /// Its clause.
    pub clause: String,
    /// Categories whose permits have no term from a date.
    #[serde(default)]
    pub unlimited: Vec<UnlimitedSpec>,
}

/// Permits of a category without a term from a date.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnlimitedSpec {
    /// Category.
    pub category: String,
    /// `YYYY-MM-DD`: from this submission date.
    pub from: String,
}

/// Which table checks apply under the edition.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TablesSpec {
    /// The checks tied to the blank's own structure (required columns and
    /// tables, consecutive years, the year of the previous values): on only
    /// when the edition's form is known.
    pub form_checks: bool,
    /// Clause the figures of the tables rest on, when not the seeds' blanks.
    #[serde(default)]
    pub basis: Option<String>,
    /// Clause of the refusal ground for a figure that cannot be right, when not
    /// the seeds'.
    #[serde(default)]
    pub refusal: Option<String>,
    /// Why.
    pub note: String,
}

/// A period of law with no edition in the library.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnlistedSpec {
    /// Id of the regime, e.g. `eco_code_2007_national`.
    pub id: String,
    /// Its name in kk/ru/en (used in messages).
    pub names: Names,
    /// `YYYY-MM-DD`, inclusive.
    pub from: String,
    /// `YYYY-MM-DD`, exclusive.
    pub until: String,
    /// What applied and why it is not here.
    pub note: String,
}

/// Service ids with their actions (the model's `Action::for_service`).
pub const SERVICES: &[(&str, &[&str])] = &[
    ("emission_permit", &["issue", "reissue"]),
    ("ecological_expertise", &["first", "repeat"]),
    ("environmental_permit", &["issue", "reissue"]),
    ("impact_declaration", &["issue"]),
];
/// Category ids.
pub const CATEGORIES: &[&str] = &["I", "II", "III", "IV"];
/// Channel ids.
pub const CHANNELS: &[&str] = &["portal", "in_person"];
/// Severities.
pub const SEVERITIES: &[&str] = &["error", "warning", "info"];

/// `(y, m, d)` of a `YYYY-MM-DD` text that names a real day.
pub fn parse_date(s: &str) -> Option<(i32, u32, u32)> {
    let b = s.as_bytes();
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let y: i32 = s.get(0..4)?.parse().ok()?;
    let m: u32 = s.get(5..7)?.parse().ok()?;
    let d: u32 = s.get(8..10)?.parse().ok()?;
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&d).then_some((y, m, d))
}

impl Names {
    fn problems(&self, place: &str, out: &mut Vec<String>) {
        for (lang, text) in [("kk", &self.kk), ("ru", &self.ru), ("en", &self.en)] {
            if text.trim().is_empty() {
                out.push(format!("{place}: {lang} is empty"));
            }
        }
    }
}

impl EditionsFile {
    /// Everything wrong with the file, each as `place: problem`; `known_regions`
    /// are regions defined elsewhere (the embedded registry, for a file loaded
    /// at run time) and `known_codes` the codes of the message catalog.
    pub fn problems(&self, known_regions: &[&str], known_codes: &[&str]) -> Vec<String> {
        let mut out = Vec::new();
        let mut regions: Vec<&str> = known_regions.to_vec();
        for (i, r) in self.regions.iter().enumerate() {
            let place = format!("regions[{i}] {}", r.id);
            if regions.contains(&r.id.as_str()) {
                out.push(format!("{place}: defined twice"));
            }
            regions.push(&r.id);
            r.names.problems(&place, &mut out);
            if r.utc_offsets.is_empty() {
                out.push(format!(
                    "{place}: utc_offsets must list at least one offset"
                ));
            }
            for o in &r.utc_offsets {
                let ok = o.until_utc.as_deref().is_none_or(|t| {
                    t.strip_suffix('Z')
                        .and_then(|t| t.split_once('T'))
                        .is_some_and(|(d, hms)| parse_date(d).is_some() && hms.len() == 8)
                });
                if !ok {
                    out.push(format!("{place}: until_utc must be YYYY-MM-DDThh:mm:ssZ"));
                }
            }
        }
        let mut ids: Vec<&str> = Vec::new();
        for (i, e) in self.editions.iter().enumerate() {
            let place = format!("editions[{i}] {}", e.id);
            if ids.contains(&e.id.as_str()) || e.id.trim().is_empty() {
                out.push(format!("{place}: id empty or defined twice"));
            }
            ids.push(&e.id);
            match &e.scope {
                ScopeSpec::National(s) if s == "national" => {}
                ScopeSpec::Regions(list) if !list.is_empty() => {
                    for r in list.iter().filter(|r| !regions.contains(&r.as_str())) {
                        out.push(format!("{place}: unknown region {r}"));
                    }
                }
                _ => out.push(format!(
                    "{place}: scope must be \"national\" or a list of region ids"
                )),
            }
            e.names.problems(&place, &mut out);
            e.short_names.problems(&place, &mut out);
            let from = parse_date(&e.period.from);
            let until = e.period.until.as_deref().map(parse_date);
            if from.is_none() || until.is_some_and(|u| u.is_none()) {
                out.push(format!("{place}: period dates must be YYYY-MM-DD"));
            }
            if let (Some(f), Some(Some(u))) = (from, until) {
                if f >= u {
                    out.push(format!("{place}: from must be before until"));
                }
            }
            let mut offered: Vec<(&str, &[String])> = Vec::new();
            for s in &e.services {
                let place = format!("{place}: {}", s.service);
                let Some((_, actions)) = SERVICES.iter().find(|(n, _)| *n == s.service) else {
                    out.push(format!("{place}: unknown service"));
                    continue;
                };
                if offered.iter().any(|(n, _)| *n == s.service) {
                    out.push(format!("{place}: offered twice"));
                }
                offered.push((&s.service, &s.categories));
                for (key, list, allowed) in [
                    ("actions", &s.actions, *actions),
                    ("categories", &s.categories, CATEGORIES),
                    ("channels", &s.channels, CHANNELS),
                ] {
                    if list.is_empty() {
                        out.push(format!("{place}: {key} must not be empty"));
                    }
                    for (j, v) in list.iter().enumerate() {
                        if !allowed.contains(&v.as_str()) {
                            out.push(format!("{place}: {key}: {v} is not one of {allowed:?}"));
                        }
                        if list.iter().take(j).any(|w| w == v) {
                            out.push(format!("{place}: {key}: {v} twice"));
                        }
                    }
                }
                if s.basis.trim().is_empty() {
                    out.push(format!("{place}: basis is empty"));
                }
            }
            for (j, x) in e.instead.iter().enumerate() {
                let place = format!("{place}: instead[{j}]");
                if x.service.is_none() && x.category.is_none() {
                    out.push(format!("{place}: give a service, a category or both"));
                }
                if let Some(s) = &x.service {
                    if !SERVICES.iter().any(|(n, _)| n == s) {
                        out.push(format!("{place}: unknown service {s}"));
                    }
                }
                if let Some(c) = &x.category {
                    if !CATEGORIES.contains(&c.as_str()) {
                        out.push(format!("{place}: unknown category {c}"));
                    }
                }
                // An entry must name something the edition does not provide.
                let provided = match (&x.service, &x.category) {
                    (Some(s), Some(c)) => offered.iter().any(|(n, cs)| n == s && cs.contains(c)),
                    (Some(s), None) => offered.iter().any(|(n, _)| n == s),
                    (None, Some(c)) => offered.iter().all(|(_, cs)| cs.contains(c)),
                    (None, None) => false,
                };
                if provided {
                    out.push(format!("{place}: names what the edition provides"));
                }
                if let Some(s) = &x.instead {
                    if !offered.iter().any(|(n, _)| n == s) {
                        out.push(format!(
                            "{place}: instead {s} is not provided by the edition"
                        ));
                    }
                }
                if !known_codes.contains(&x.code.as_str()) {
                    out.push(format!("{place}: code {} has no message", x.code));
                }
                if !SEVERITIES.contains(&x.severity.as_str()) {
                    out.push(format!("{place}: severity must be one of {SEVERITIES:?}"));
                }
                if !x.path.starts_with('/') || x.basis.trim().is_empty() {
                    out.push(format!(
                        "{place}: path must be a JSON Pointer, basis non-empty"
                    ));
                }
            }
            if let Some(t) = &e.permit_term {
                if t.max_years == 0 || t.source.trim().is_empty() || t.clause.trim().is_empty() {
                    out.push(format!(
                        "{place}: permit_term needs max_years, source, clause"
                    ));
                }
                for u in &t.unlimited {
                    if !CATEGORIES.contains(&u.category.as_str()) || parse_date(&u.from).is_none() {
                        out.push(format!(
                            "{place}: permit_term.unlimited: bad category or date"
                        ));
                    }
                }
            }
            if e.tables.note.trim().is_empty() {
                out.push(format!("{place}: tables.note is empty"));
            }
        }
        for (i, u) in self.unlisted.iter().enumerate() {
            let place = format!("unlisted[{i}] {}", u.id);
            u.names.problems(&place, &mut out);
            match (parse_date(&u.from), parse_date(&u.until)) {
                (Some(f), Some(t)) if f < t => {}
                _ => out.push(format!("{place}: from/until must be dates, from < until")),
            }
            if u.note.trim().is_empty() {
                out.push(format!("{place}: note is empty"));
            }
        }
        out
    }
}
