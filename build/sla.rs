//! `data/sla.json` → the deadlines of each regulation edition (`sla.rs`).
//!
//! The file is read into typed structs (`deny_unknown_fields`: a misspelt key,
//! step, unit or anchor fails the build) and checked against
//! `data/editions.json`: every edition and service exists and is offered; every
//! offered service × action × category has exactly one decision period — or an
//! explicit `no_term` entry saying the act sets none — and at most one
//! completeness, remarks and fixes period; fixes need remarks and say what late
//! fixes lead to; a period counted from the acceptance of the application needs a
//! completeness period (the latest acceptance day); periods are 1–366 units;
//! reception hours are `HH:MM` with opening before closing; every entry cites
//! its clause and quotes the act.

use std::fmt::Write as _;

use serde::Deserialize;

use crate::gen::{self, lit, Problems, Registry, Text};

/// Categories of objects a step may name.
const CATEGORIES: &[&str] = &["I", "II", "III", "IV"];

/// The whole file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SlaFile {
    /// How periods are counted (legal basis).
    counting: String,
    editions: Vec<EditionEntry>,
}

/// The deadlines of one edition.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EditionEntry {
    edition: String,
    /// The answer names the dates it assumed (`accepted_on`, `remarks_sent_on`
    /// not given) in an info finding.
    #[serde(default)]
    say_assumed_dates: bool,
    reception: Vec<ReceptionEntry>,
    steps: Vec<StepEntry>,
    /// Service × action × category for which the act sets no term.
    #[serde(default)]
    no_term: Vec<NoTermEntry>,
    /// Terms the applicant must file within.
    #[serde(default)]
    filing: Vec<FilingEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReceptionEntry {
    service: String,
    open: String,
    close: String,
    #[serde(default)]
    assumed: bool,
    clause: Text,
    /// The act's words (checked not blank; for the reader of the data).
    #[allow(dead_code)]
    quote: Text,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "snake_case")]
enum StepName {
    Completeness,
    Decision,
    Remarks,
    Fixes,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "snake_case")]
enum UnitName {
    WorkingDays,
    CalendarDays,
    Months,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "snake_case")]
enum AnchorName {
    Registration,
    AcceptedOn,
    RemarksSentOn,
    Submission,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "snake_case")]
enum AnchorOptionName {
    ExpertiseRemarksFrom,
    ReissueFrom,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "snake_case")]
enum LateName {
    NotAccepted,
    Refusal,
    NegativeConclusion,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "snake_case")]
enum EventName {
    OperatorChange,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StepEntry {
    service: String,
    actions: Vec<String>,
    categories: Vec<String>,
    step: StepName,
    n: u16,
    unit: UnitName,
    /// The event the period runs from.
    anchor: AnchorName,
    /// The option that may move the anchor (where the act does not fix it).
    #[serde(default)]
    anchor_option: Option<AnchorOptionName>,
    /// What late fixes lead to (fixes steps only).
    #[serde(default)]
    late: Option<LateName>,
    clause: Text,
    /// The act's words (checked not blank; for the reader of the data).
    #[allow(dead_code)]
    quote: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NoTermEntry {
    service: String,
    actions: Vec<String>,
    categories: Vec<String>,
    clause: Text,
    /// The act's words (checked not blank; for the reader of the data).
    #[allow(dead_code)]
    quote: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FilingEntry {
    service: String,
    actions: Vec<String>,
    event: EventName,
    n: u16,
    unit: UnitName,
    clause: Text,
    /// The act's words (checked not blank; for the reader of the data).
    #[allow(dead_code)]
    quote: Text,
}

fn rust_name(s: &str) -> String {
    s.split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// The Rust path of a unit-only enum value, e.g. `Unit::WorkingDays`.
fn variant(ty: &str, v: impl std::fmt::Debug) -> String {
    format!("{ty}::{v:?}")
}

/// Seconds since midnight of `HH:MM`.
fn clock(s: &str) -> Option<u32> {
    let (h, m) = s.split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (s.len() == 5 && h < 24 && m < 60).then_some(h * 3600 + m * 60)
}

/// What an edition offers for one service: its actions and categories.
struct Offer {
    service: String,
    actions: Vec<String>,
    categories: Vec<String>,
}

/// `(edition, offers)` according to `data/editions.json` (categories: the
/// service's `categories`, else every category).
fn offers(p: &mut Problems) -> Vec<(String, Vec<Offer>)> {
    Registry::load(p)
        .editions
        .into_iter()
        .map(|e| {
            let services = e
                .services
                .into_iter()
                .map(|s| Offer {
                    service: s.service,
                    actions: s.actions,
                    categories: if s.categories.is_empty() {
                        CATEGORIES.iter().map(|c| (*c).to_owned()).collect()
                    } else {
                        s.categories
                    },
                })
                .collect();
            (e.id, services)
        })
        .collect()
}

/// Checks a service with its actions and categories against the edition's
/// offer; reports what is not offered or empty.
fn check_scope(
    offered: &[Offer],
    (service, actions, categories): (&str, &[String], Option<&[String]>),
    (id, place): (&str, &str),
    p: &mut Problems,
) {
    let Some(offer) = offered.iter().find(|o| o.service == service) else {
        p.add(place, format!("{id} does not offer {service}"));
        return;
    };
    if actions.is_empty() || categories.is_some_and(<[String]>::is_empty) {
        p.add(place, "actions and categories must list at least one value");
    }
    for a in actions {
        if !offer.actions.contains(a) {
            p.add(place, format!("{id} does not offer {service}/{a}"));
        }
    }
    for c in categories.unwrap_or_default() {
        if !CATEGORIES.contains(&c.as_str()) {
            p.add(place, format!("unknown category {c}"));
        } else if !offer.categories.contains(c) {
            p.add(
                place,
                format!("{id} does not offer {service} for category {c}"),
            );
        }
    }
}

fn slice(ty: &str, items: &[String], name: impl Fn(&str) -> String) -> String {
    let parts: Vec<String> = items.iter().map(|x| format!("{ty}::{}", name(x))).collect();
    format!("&[{}]", parts.join(", "))
}

pub fn generate(p: &mut Problems) -> String {
    let path = "data/sla.json";
    // A bad value is reported with its JSON Pointer.
    let Some(file) = gen::load::<SlaFile>(path, p) else {
        return String::new();
    };
    let offers = offers(p);
    let mut out = format!(
        "/// How periods are counted (`counting` of `data/sla.json`).\npub(crate) const COUNTING: &str = {};\n\n/// Deadlines per edition.\npub(crate) static EDITION_SLAS: &[EditionSla] = &[\n",
        lit(&file.counting)
    );
    let mut seen_editions: Vec<&str> = Vec::new();
    for (i, e) in file.editions.iter().enumerate() {
        let place = format!("{path}: editions[{i}]");
        let id = e.edition.as_str();
        let Some((_, offered)) = offers.iter().find(|(x, _)| x == id) else {
            p.add(&place, format!("edition {id} is not in data/editions.json"));
            continue;
        };
        if seen_editions.contains(&id) {
            p.add(&place, format!("edition {id} listed twice"));
        }
        seen_editions.push(id);

        let reception = reception(e, offered, &place, p);

        let mut steps = String::new();
        // (service, action, category, step, anchor) covered so far.
        let mut covered: Vec<(&str, &str, &str, StepName, AnchorName)> = Vec::new();
        for (j, s) in e.steps.iter().enumerate() {
            let place = format!("{place}.steps[{j}]");
            check_scope(
                offered,
                (&s.service, &s.actions, Some(&s.categories)),
                (id, &place),
                p,
            );
            if !(1..=366).contains(&s.n) {
                p.add(&place, "n must be an integer 1–366");
            }
            match (s.step, s.late) {
                (StepName::Fixes, None) => p.add(&place, "fixes must say what late fixes lead to"),
                (StepName::Fixes, Some(_)) | (_, None) => {}
                (_, Some(_)) => p.add(&place, "late belongs to fixes only"),
            }
            let anchor_ok = match s.anchor {
                AnchorName::RemarksSentOn => s.step == StepName::Fixes,
                AnchorName::AcceptedOn => matches!(s.step, StepName::Remarks | StepName::Decision),
                AnchorName::Registration | AnchorName::Submission => s.step != StepName::Fixes,
            };
            if !anchor_ok {
                p.add(
                    &place,
                    format!("a {:?} period cannot run from {:?}", s.step, s.anchor),
                );
            }
            if s.anchor_option.is_some() && s.step == StepName::Fixes {
                p.add(&place, "the fixes period has no anchor option");
            }
            for a in &s.actions {
                for c in &s.categories {
                    if covered
                        .iter()
                        .any(|k| (k.0, k.1, k.2, k.3) == (&s.service, a, c, s.step))
                    {
                        p.add(
                            &place,
                            format!("{}/{a}/{c}: {:?} given twice", s.service, s.step),
                        );
                    }
                    covered.push((&s.service, a, c, s.step, s.anchor));
                }
            }
            let _ = write!(
                steps,
                "\n            Step {{ service: Service::{}, actions: {}, categories: {}, kind: {}, n: {}, unit: {}, anchor: {}, anchor_option: {}, late: {}, clause: {} }},",
                rust_name(&s.service),
                slice("Action", &s.actions, rust_name),
                slice("Category", &s.categories, str::to_owned),
                variant("StepKind", s.step),
                s.n,
                variant("Unit", s.unit),
                variant("StepAnchor", s.anchor),
                s.anchor_option
                    .map_or("None".to_owned(), |o| format!("Some({})", variant("AnchorOption", o))),
                s.late
                    .map_or("None".to_owned(), |l| format!("Some({})", variant("LateFixes", l))),
                lit(&s.clause)
            );
        }

        let mut no_term = String::new();
        let mut without: Vec<(&str, &str, &str)> = Vec::new();
        for (j, t) in e.no_term.iter().enumerate() {
            let place = format!("{place}.no_term[{j}]");
            check_scope(
                offered,
                (&t.service, &t.actions, Some(&t.categories)),
                (id, &place),
                p,
            );
            for a in &t.actions {
                for c in &t.categories {
                    without.push((&t.service, a, c));
                }
            }
            let _ = write!(
                no_term,
                "NoTerm {{ service: Service::{}, actions: {}, categories: {}, clause: {} }}, ",
                rust_name(&t.service),
                slice("Action", &t.actions, rust_name),
                slice("Category", &t.categories, str::to_owned),
                lit(&t.clause)
            );
        }

        let mut filing = String::new();
        for (j, f) in e.filing.iter().enumerate() {
            let place = format!("{place}.filing[{j}]");
            check_scope(offered, (&f.service, &f.actions, None), (id, &place), p);
            if !(1..=366).contains(&f.n) {
                p.add(&place, "n must be an integer 1–366");
            }
            let _ = write!(
                filing,
                "Filing {{ service: Service::{}, actions: {}, event: {}, n: {}, unit: {}, clause: {} }}, ",
                rust_name(&f.service),
                slice("Action", &f.actions, rust_name),
                variant("FilingEvent", f.event),
                f.n,
                variant("Unit", f.unit),
                lit(&f.clause)
            );
        }

        for offer in offered {
            for a in &offer.actions {
                for c in &offer.categories {
                    let has = |step: StepName| {
                        covered
                            .iter()
                            .find(|k| (k.0, k.1, k.2, k.3) == (offer.service.as_str(), a, c, step))
                    };
                    let silent = without.contains(&(offer.service.as_str(), a, c));
                    let combo = format!("{}/{a}/{c}", offer.service);
                    match (has(StepName::Decision).is_some(), silent) {
                        (false, false) => p.add(&place, format!("{combo}: no decision period")),
                        (true, true) => p.add(
                            &place,
                            format!("{combo}: both a decision period and no_term"),
                        ),
                        _ => {}
                    }
                    if has(StepName::Fixes).is_some() && has(StepName::Remarks).is_none() {
                        p.add(&place, format!("{combo}: fixes without remarks"));
                    }
                    let accepted = covered.iter().any(|k| {
                        (k.0, k.1, k.2) == (offer.service.as_str(), a, c)
                            && k.4 == AnchorName::AcceptedOn
                    });
                    if accepted && has(StepName::Completeness).is_none() {
                        p.add(
                            &place,
                            format!("{combo}: a period runs from acceptance but there is no completeness period"),
                        );
                    }
                }
            }
        }
        let _ = writeln!(
            out,
            "    EditionSla {{\n        edition: {},\n        say_assumed_dates: {},\n        reception: &[{reception}],\n        steps: &[{steps}\n        ],\n        no_term: &[{no_term}],\n        filing: &[{filing}],\n    }},",
            lit(id),
            e.say_assumed_dates
        );
    }
    for (e, _) in &offers {
        if !seen_editions.contains(&e.as_str()) {
            p.add(path, format!("no deadlines for edition {e}"));
        }
    }
    out.push_str("];\n");
    out
}

/// The reception hours of an edition as Rust literals.
fn reception(e: &EditionEntry, offered: &[Offer], place: &str, p: &mut Problems) -> String {
    let mut out = String::new();
    let mut received: Vec<&str> = Vec::new();
    for (j, r) in e.reception.iter().enumerate() {
        let place = format!("{place}.reception[{j}]");
        let service = r.service.as_str();
        if !offered.iter().any(|o| o.service == service) {
            p.add(&place, format!("{} does not offer {service}", e.edition));
        }
        if received.contains(&service) {
            p.add(&place, format!("reception of {service} given twice"));
        }
        received.push(service);
        let (open, close) = match (clock(&r.open), clock(&r.close)) {
            (Some(o), Some(c)) if o < c => (o, c),
            _ => {
                p.add(&place, "open/close must be HH:MM with open before close");
                (0, 0)
            }
        };
        let _ = write!(
            out,
            "Reception {{ service: Service::{}, open: {open}, close: {close}, assumed: {}, clause: {} }}, ",
            rust_name(service),
            r.assumed,
            lit(&r.clause)
        );
    }
    for o in offered {
        if !received.contains(&o.service.as_str()) {
            p.add(place, format!("no reception hours for {}", o.service));
        }
    }
    out
}
