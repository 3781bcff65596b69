//! Properties of the deadline arithmetic over random submissions (native only:
//! proptest): working-day deadlines fall on working days, every deadline is on or
//! after the registration, and a later submission never gives an earlier deadline.

use kz_eco_rules::calendar::{is_working_day, Calendar, Date};
use kz_eco_rules::editions::{edition, editions};
use kz_eco_rules::model::{Action, Category};
use kz_eco_rules::sla::{schedule, Request, Schedule, SlaOptions, StepKind, Unit};
use proptest::prelude::*;

/// Every edition × offered service × action × category that has a decision term
/// (a service for which the edition sets no terms has no schedule).
fn combos() -> Vec<(&'static str, kz_eco_rules::model::Service, Action, Category)> {
    let mut out = Vec::new();
    for ed in editions() {
        let sla = kz_eco_rules::sla::edition_sla(ed.id).unwrap();
        for offer in ed.services {
            for action in offer.actions {
                for cat in offer.categories {
                    if sla
                        .step(offer.service, *action, *cat, StepKind::Decision)
                        .is_some()
                    {
                        out.push((ed.id, offer.service, *action, *cat));
                    }
                }
            }
        }
    }
    out
}

fn request(combo: usize, day: i32, seconds: u32, remarks_after: Option<i32>) -> Request {
    let all = combos();
    let (ed, service, action, category) = all[combo % all.len()];
    let submitted_on = Date::from_days(day).unwrap();
    Request {
        edition: edition(ed).unwrap(),
        service,
        action,
        category,
        submitted_on,
        submitted_seconds: seconds,
        accepted_on: None,
        remarks_sent_on: remarks_after.map(|n| submitted_on.add_days(n).unwrap()),
    }
}

fn dates(s: &Schedule) -> [Option<Date>; 5] {
    [
        &s.registered_on,
        &s.completeness_due,
        &s.decision_due,
        &s.remarks_due,
        &s.fixes_due,
    ]
    .map(|d| d.as_ref().map(|d| d.date))
}

/// Days since 1970 of 1 January 2012 and 31 December 2030.
fn span() -> std::ops::Range<i32> {
    Date::new(2012, 1, 1).unwrap().to_days()..Date::new(2030, 12, 31).unwrap().to_days()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn working_day_steps_end_on_working_days(
        combo in 0usize..64, day in span(), seconds in 0u32..86_400,
        remarks in proptest::option::of(0i32..40),
    ) {
        let req = request(combo, day, seconds, remarks);
        let s = schedule(&req, &SlaOptions::default(), &Calendar::statutory()).unwrap();
        let reg = s.registered_on.as_ref().unwrap().date;
        prop_assert!(is_working_day(reg));
        prop_assert!(reg >= req.submitted_on);
        let sla = kz_eco_rules::sla::edition_sla(req.edition.id).unwrap();
        for (kind, due) in [
            (StepKind::Completeness, &s.completeness_due),
            (StepKind::Decision, &s.decision_due),
            (StepKind::Remarks, &s.remarks_due),
            (StepKind::Fixes, &s.fixes_due),
        ] {
            let step = sla.step(req.service, req.action, req.category, kind);
            prop_assert_eq!(step.is_some(), due.is_some());
            if let (Some(step), Some(due)) = (step, due) {
                // With the default roll-forward every period ends on a working day.
                prop_assert!(is_working_day(due.date), "{:?} {}", kind, due.date);
                prop_assert!(due.date > reg || step.unit != Unit::WorkingDays || kind == StepKind::Fixes);
                prop_assert!(due.date >= reg);
            }
        }
    }

    #[test]
    fn a_later_submission_never_gives_an_earlier_deadline(
        combo in 0usize..64, day in span(), seconds in 0u32..86_400,
        later_days in 0i32..20, later_seconds in 0u32..86_400,
    ) {
        let first = request(combo, day, seconds, None);
        let (day2, sec2) = if later_days == 0 {
            (day, seconds.max(later_seconds))
        } else {
            (day + later_days, later_seconds)
        };
        let second = request(combo, day2, sec2, None);
        let o = SlaOptions::default();
        let cal = Calendar::statutory();
        let a = dates(&schedule(&first, &o, &cal).unwrap());
        let b = dates(&schedule(&second, &o, &cal).unwrap());
        for (x, y) in a.iter().zip(b.iter()) {
            prop_assert_eq!(x.is_some(), y.is_some());
            if let (Some(x), Some(y)) = (x, y) {
                prop_assert!(x <= y, "{} then {}", x, y);
            }
        }
    }

    #[test]
    fn adding_working_days_is_monotonic_and_lands_on_working_days(
        day in span(), n in 1u32..60,
    ) {
        let cal = Calendar::statutory();
        let from = Date::from_days(day).unwrap();
        let due = cal.add_working_days(from, n).unwrap();
        prop_assert!(is_working_day(due));
        prop_assert!(due > from);
        let next = cal.add_working_days(from, n + 1).unwrap();
        prop_assert!(next > due);
        let later = cal.add_working_days(from.next().unwrap(), n).unwrap();
        prop_assert!(later >= due);
    }
}
