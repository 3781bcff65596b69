//! Deadlines of each regulation edition: when an application is registered and
//! when the completeness check, the decision, the expertise remarks and the
//! applicant's fixes are due.
//!
//! Every period is data (`data/sla.json`, generated into [`EditionSla`] tables by
//! `build/sla.rs`) in the unit the seed states it — working days, calendar days or
//! months — with the clause it comes from; see the README for the table of each
//! edition. An application received outside the reception hours or on a
//! non-working day is registered on the next working day; working-day periods start
//! the day after registration; calendar-day and month periods end on a working day.
//! The counting rules, their legal basis and the disputed points, which are
//! options ([`SlaOptions`]): DESIGN.md, "Counting rules". Each period names the
//! event it runs from ([`StepAnchor`]): the registration, the acceptance of the
//! application (`accepted_on`), the remarks (`remarks_sent_on`) or the submission of
//! the package; without the acceptance or remarks day the latest permissible one is
//! taken (2021 Code: DESIGN.md, "Deadlines under the Ecological Code of 2021").
//!
//! ```
//! use kz_eco_rules::sla::{deadlines_json};
//! use kz_eco_rules::Options;
//! let r = deadlines_json(r#"{"edition": "almaty_city_2019", "service": "emission_permit",
//!     "action": "issue", "category": "II", "submitted_at": "2019-10-04T17:30:00+06:00"}"#,
//!     &Options::default());
//! assert_eq!(r.registered_on.as_deref(), Some("2019-10-04"));
//! assert_eq!(r.completeness_due.as_deref(), Some("2019-10-11"));
//! assert_eq!(r.decision_due.as_deref(), Some("2019-10-18"));
//! assert_eq!(r.basis.decision_due.as_deref(), Some("almaty_city_2019 PR §5.3, §8.3"));
//! ```

mod checks;
mod options;
mod query;

use crate::calendar::{Calendar, Date};
use crate::editions::Edition;
use crate::findings::Basis;
use crate::model::{Action, Category, Service};

pub use checks::check_application;
pub use options::{
    Anchor, BeforeOpening, FixesAnchor, MonthFrom, OptionValue, SlaOptions, OPTIONS,
};
pub use query::{
    deadlines_input, deadlines_json, deadlines_value, DeadlineQuery, DeadlinesBasis,
    DeadlinesReport,
};

// The finding codes (`pub const`s and `CODES`), generated from
// `data/messages/sla.json` by `build/messages.rs`.
include!(concat!(env!("OUT_DIR"), "/codes_sla.rs"));

/// A step of the service with a deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StepKind {
    /// Completeness check (2019) / preliminary expertise (2012).
    Completeness,
    /// The result: permit, conclusion or reasoned refusal.
    Decision,
    /// Reasoned remarks on the expertise documents sent to the applicant.
    Remarks,
    /// The applicant's fixes of the remarks.
    Fixes,
}

/// The unit a period is stated in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Working days (рабочих дней / жұмыс күні).
    WorkingDays,
    /// Calendar days (календарных дней).
    CalendarDays,
    /// Months (месяц / ай).
    Months,
}

/// The event a period runs from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StepAnchor {
    /// The registration of the application («со дня регистрации»).
    Registration,
    /// The acceptance of the application for review («с даты принятия заявления к
    /// рассмотрению», `accepted_on`); when not given, the latest day the
    /// completeness period allows.
    AcceptedOn,
    /// The day the remarks were sent («со дня направления замечаний»,
    /// `remarks_sent_on`); when not given, the latest day the remarks period
    /// allows (option `fixes_without_remarks`).
    RemarksSentOn,
    /// The submission of the package («с момента представления пакета
    /// документов»): the registration day, or the raw submission day with the
    /// option `anchor: "submission"`.
    Submission,
    /// The calendar day of the submission itself, also after hours or on a day
    /// off (only through an option, e.g. `reissue_from: "submission_day"`).
    SubmissionDay,
}

impl StepAnchor {
    /// The anchor's name in the data and the options (`accepted_on`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            StepAnchor::Registration => "registration",
            StepAnchor::AcceptedOn => "accepted_on",
            StepAnchor::RemarksSentOn => "remarks_sent_on",
            StepAnchor::Submission => "submission",
            StepAnchor::SubmissionDay => "submission_day",
        }
    }
}

/// The option that may move the anchor of a period whose start the act does not
/// fix (the data names it at the period).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AnchorOption {
    /// `sla.expertise_remarks_from` (2021 Code art. 89 p. 6 part 3: "within seven
    /// working days", start not stated).
    ExpertiseRemarksFrom,
    /// `sla.reissue_from` (2021 Code art. 108 p. 1: "within five working days",
    /// start not stated).
    ReissueFrom,
}

/// What fixes after the fixes period lead to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LateFixes {
    /// Late revisions are not accepted (2019 expertise rules).
    NotAccepted,
    /// A reasoned refusal to issue the permit (2021 Code art. 123 p. 4).
    Refusal,
    /// A negative expertise conclusion (2021 Code art. 89 p. 6 part 4).
    NegativeConclusion,
}

impl LateFixes {
    /// The code of the finding for fixes after the period.
    pub fn code(self) -> &'static str {
        match self {
            LateFixes::NotAccepted => FIXES_LATE,
            LateFixes::Refusal => FIXES_LATE_REFUSAL,
            LateFixes::NegativeConclusion => FIXES_LATE_NEGATIVE_CONCLUSION,
        }
    }
}

/// A service × action × category for which the act sets no term (e.g. the
/// declaration of impact under the 2021 Code, art. 110).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoTerm {
    /// The service.
    pub service: Service,
    /// The actions.
    pub actions: &'static [Action],
    /// The categories.
    pub categories: &'static [Category],
    /// The clause that governs the service without a term.
    pub clause: &'static str,
}

/// The event a filing term runs from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FilingEvent {
    /// The change of the operator of the object (`operator_changed_on`).
    OperatorChange,
}

/// A term within which the applicant must file (e.g. a new operator applies for
/// re-issue within 10 working days of the change, 2021 Code art. 107 p. 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Filing {
    /// The service.
    pub service: Service,
    /// The actions.
    pub actions: &'static [Action],
    /// The event the term runs from.
    pub event: FilingEvent,
    /// Length.
    pub n: u16,
    /// Unit of the length.
    pub unit: Unit,
    /// The clause.
    pub clause: &'static str,
}

/// A period of an edition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    /// The service.
    pub service: Service,
    /// The actions it applies to.
    pub actions: &'static [Action],
    /// The categories it applies to.
    pub categories: &'static [Category],
    /// Which deadline.
    pub kind: StepKind,
    /// Length.
    pub n: u16,
    /// Unit of the length.
    pub unit: Unit,
    /// The event the period runs from.
    pub anchor: StepAnchor,
    /// The option that may move the anchor (the act does not fix it).
    pub anchor_option: Option<AnchorOption>,
    /// What late fixes lead to (fixes periods).
    pub late: Option<LateFixes>,
    /// The clause, e.g. `GR §5.3, §8.3`.
    pub clause: &'static str,
}

/// The reception hours an edition states (or, `assumed`, the usual hours of state
/// bodies where it states none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reception {
    /// The service.
    pub service: Service,
    /// Opening, seconds after midnight.
    pub open: u32,
    /// Closing, seconds after midnight (a submission at this second is after hours).
    pub close: u32,
    /// True when the edition does not state the hours.
    pub assumed: bool,
    /// The clause on reception/registration.
    pub clause: &'static str,
}

/// The deadlines of one edition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EditionSla {
    /// Edition id.
    pub edition: &'static str,
    /// The answer names the dates it assumed (`accepted_on`, `remarks_sent_on`
    /// not given) in an info finding. Off for the editions before 2021, whose
    /// recorded answers predate these findings.
    pub say_assumed_dates: bool,
    /// Reception hours per service.
    pub reception: &'static [Reception],
    /// Periods.
    pub steps: &'static [Step],
    /// What the act sets no term for.
    pub no_term: &'static [NoTerm],
    /// Terms the applicant must file within.
    pub filing: &'static [Filing],
}

include!(concat!(env!("OUT_DIR"), "/sla.rs"));

/// How periods are counted, with the legal basis (Civil Code and the Law on
/// administrative procedures).
pub const COUNTING_BASIS: &str = COUNTING;

/// The deadline table of every edition.
pub fn edition_slas() -> &'static [EditionSla] {
    EDITION_SLAS
}

/// The deadline table of edition `id`.
pub fn edition_sla(id: &str) -> Option<&'static EditionSla> {
    EDITION_SLAS.iter().find(|e| e.edition == id)
}

impl EditionSla {
    /// The period of `kind` for the service, action and category, if any.
    pub fn step(
        &self,
        service: Service,
        action: Action,
        category: Category,
        kind: StepKind,
    ) -> Option<&'static Step> {
        self.steps.iter().find(|s| {
            s.service == service
                && s.kind == kind
                && s.actions.contains(&action)
                && s.categories.contains(&category)
        })
    }

    /// The reception hours for `service`.
    pub fn reception(&self, service: Service) -> Option<&'static Reception> {
        self.reception.iter().find(|r| r.service == service)
    }

    /// The entry saying the act sets no term for the service, action and
    /// category, if any.
    pub fn no_term(
        &self,
        service: Service,
        action: Action,
        category: Category,
    ) -> Option<&'static NoTerm> {
        self.no_term.iter().find(|t| {
            t.service == service && t.actions.contains(&action) && t.categories.contains(&category)
        })
    }

    /// The filing term running from `event` for the service and action, if any.
    pub fn filing(
        &self,
        service: Service,
        action: Action,
        event: FilingEvent,
    ) -> Option<&'static Filing> {
        self.filing
            .iter()
            .find(|f| f.service == service && f.event == event && f.actions.contains(&action))
    }

    /// True when a period of the service, action and category runs from the
    /// acceptance of the application (with the options' anchors).
    pub fn counts_from_acceptance(
        &self,
        service: Service,
        action: Action,
        category: Category,
        opts: &SlaOptions,
    ) -> bool {
        self.steps.iter().any(|s| {
            s.service == service
                && s.actions.contains(&action)
                && s.categories.contains(&category)
                && opts.anchor_of(s) == StepAnchor::AcceptedOn
        })
    }
}

/// What a schedule is computed for.
#[derive(Debug, Clone, Copy)]
pub struct Request {
    /// The edition.
    pub edition: &'static Edition,
    /// The service.
    pub service: Service,
    /// The action.
    pub action: Action,
    /// The category.
    pub category: Category,
    /// Local date of the submission on the region's clock.
    pub submitted_on: Date,
    /// Local time of the submission, seconds after midnight.
    pub submitted_seconds: u32,
    /// Day the application was accepted for review, if known.
    pub accepted_on: Option<Date>,
    /// Day the remarks were sent, if they were.
    pub remarks_sent_on: Option<Date>,
}

/// A due date and the clause it rests on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    /// The date.
    pub date: Date,
    /// Edition + clause.
    pub basis: Basis,
}

/// The deadlines of one application; `None` where the edition has no such step
/// (or the date would fall outside years 1–9999).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    /// Registration date.
    pub registered_on: Option<Due>,
    /// Completeness check / preliminary expertise due.
    pub completeness_due: Option<Due>,
    /// Decision due.
    pub decision_due: Option<Due>,
    /// Remarks due (latest day to send them).
    pub remarks_due: Option<Due>,
    /// Fixes due (latest day for the applicant).
    pub fixes_due: Option<Due>,
    /// What fixes after `fixes_due` lead to.
    pub late_fixes: Option<LateFixes>,
    /// The acceptance day assumed (the latest the completeness period allows)
    /// because `accepted_on` was not given and a period runs from it.
    pub assumed_accepted_on: Option<Due>,
    /// The remarks day assumed (the latest the remarks period allows) because
    /// `remarks_sent_on` was not given and the fixes period runs from it.
    pub assumed_remarks_sent_on: Option<Due>,
    /// The act sets no term for the service (the clause that says so); then only
    /// the registration date is given.
    pub no_term: Option<Basis>,
}

impl Schedule {
    /// The latest date of the schedule.
    pub fn last_date(&self) -> Option<Date> {
        let mut last = None;
        for due in [
            &self.registered_on,
            &self.completeness_due,
            &self.decision_due,
            &self.remarks_due,
            &self.fixes_due,
        ]
        .into_iter()
        .flatten()
        {
            last = last.max(Some(due.date));
        }
        last
    }
}

/// Computes the schedule of `req`; `None` when the edition has no deadlines for
/// the service, action and category (the edition does not offer them).
///
/// ```
/// use kz_eco_rules::calendar::{Calendar, Date};
/// use kz_eco_rules::editions::edition;
/// use kz_eco_rules::model::{Action, Category, Service};
/// use kz_eco_rules::sla::{schedule, Request, SlaOptions};
/// let req = Request {
///     edition: edition("almaty_oblast_2012").unwrap(),
///     service: Service::EmissionPermit,
///     action: Action::Issue,
///     category: Category::III,
///     submitted_on: Date::new(2014, 10, 31).unwrap(),
///     submitted_seconds: 10 * 3600,
///     accepted_on: None,
///     remarks_sent_on: None,
/// };
/// let s = schedule(&req, &SlaOptions::default(), &Calendar::statutory()).unwrap();
/// // 30 November 2014 is a Sunday, 1 December First President Day.
/// assert_eq!(s.decision_due.unwrap().date, Date::new(2014, 12, 2).unwrap());
/// ```
pub fn schedule(req: &Request, opts: &SlaOptions, cal: &Calendar<'_>) -> Option<Schedule> {
    let sla = edition_sla(req.edition.id)?;
    let step = |kind| sla.step(req.service, req.action, req.category, kind);
    let reception = sla.reception(req.service)?;
    let due = |date: Option<Date>, clause: &'static str| {
        date.map(|date| Due {
            date,
            basis: Basis::new(req.edition.id, clause),
        })
    };
    let registered = registration(
        req.submitted_on,
        req.submitted_seconds,
        reception,
        opts,
        cal,
    );
    let Some(decision) = step(StepKind::Decision) else {
        let none = sla.no_term(req.service, req.action, req.category)?;
        return Some(Schedule {
            registered_on: due(registered, reception.clause),
            completeness_due: None,
            decision_due: None,
            remarks_due: None,
            fixes_due: None,
            late_fixes: None,
            assumed_accepted_on: None,
            assumed_remarks_sent_on: None,
            no_term: Some(Basis::new(req.edition.id, none.clause)),
        });
    };
    let end = |s: &Step, from: Option<Date>| period_end(from?, s, opts, cal);

    let completeness = step(StepKind::Completeness);
    let completeness_due = completeness.and_then(|s| {
        let from = match opts.anchor_of(s) {
            StepAnchor::Submission => submission_day(req, registered, opts),
            StepAnchor::SubmissionDay => Some(req.submitted_on),
            _ => anchor_for(s.unit, req, registered, opts),
        };
        end(s, from)
    });
    // The acceptance day: given, else the latest the completeness period allows.
    let mut assumed_accepted_on = None;
    let mut accepted = || match req.accepted_on {
        Some(a) => Some(a),
        None => {
            assumed_accepted_on = due(completeness_due, completeness.map_or("", |s| s.clause));
            completeness_due
        }
    };
    let mut from = |s: &Step| match opts.anchor_of(s) {
        StepAnchor::Registration => anchor_for(s.unit, req, registered, opts),
        StepAnchor::Submission => submission_day(req, registered, opts),
        StepAnchor::SubmissionDay => Some(req.submitted_on),
        StepAnchor::AcceptedOn => accepted(),
        // Fixes are counted below.
        StepAnchor::RemarksSentOn => None,
    };
    let decision_from = match (decision.unit, opts.expertise_month_from, completeness_due) {
        (Unit::Months, MonthFrom::PreliminaryEnd, Some(c)) => Some(c),
        _ => from(decision),
    };
    let decision_due = end(decision, decision_from);
    let remarks = step(StepKind::Remarks);
    let remarks_due = remarks.and_then(|s| end(s, from(s)));
    let fixes = step(StepKind::Fixes);
    let mut assumed_remarks_sent_on = None;
    let fixes_from = match (req.remarks_sent_on, opts.fixes_without_remarks) {
        (Some(sent), _) => Some(sent),
        (None, FixesAnchor::RemarksDue) => {
            if fixes.is_some() {
                assumed_remarks_sent_on = due(remarks_due, remarks.map_or("", |s| s.clause));
            }
            remarks_due
        }
        (None, FixesAnchor::None) => None,
    };
    Some(Schedule {
        registered_on: due(registered, reception.clause),
        completeness_due: due(completeness_due, completeness.map_or("", |s| s.clause)),
        decision_due: due(decision_due, decision.clause),
        remarks_due: due(remarks_due, remarks.map_or("", |s| s.clause)),
        fixes_due: due(
            fixes.and_then(|s| end(s, fixes_from)),
            fixes.map_or("", |s| s.clause),
        ),
        late_fixes: fixes.and_then(|s| s.late),
        assumed_accepted_on,
        assumed_remarks_sent_on,
        no_term: None,
    })
}

/// The start of a period counted from registration: the registration day, or for
/// calendar-day and month periods the raw submission day with the option
/// `anchor: "submission"` (Q5).
fn anchor_for(
    unit: Unit,
    req: &Request,
    registered: Option<Date>,
    opts: &SlaOptions,
) -> Option<Date> {
    match (unit, opts.anchor) {
        (Unit::WorkingDays, _) | (_, Anchor::Registration) => registered,
        (_, Anchor::Submission) => Some(req.submitted_on),
    }
}

/// The day the package counts as submitted: the registration day (deemed
/// receipt), or the raw submission day with the option `anchor: "submission"`.
fn submission_day(req: &Request, registered: Option<Date>, opts: &SlaOptions) -> Option<Date> {
    match opts.anchor {
        Anchor::Registration => registered,
        Anchor::Submission => Some(req.submitted_on),
    }
}

/// The registration date of a submission at `seconds` after midnight on `date`.
fn registration(
    date: Date,
    seconds: u32,
    reception: &Reception,
    opts: &SlaOptions,
    cal: &Calendar<'_>,
) -> Option<Date> {
    let open = opts.reception_open.unwrap_or(reception.open);
    let close = opts.reception_close.unwrap_or(reception.close);
    let next_day = !cal.is_working_day(date)
        || seconds >= close
        || (seconds < open && opts.before_opening == BeforeOpening::NextWorkingDay);
    if next_day {
        cal.next_working_day(date)
    } else {
        Some(date)
    }
}

/// The last day of period `step` counted from `from`.
fn period_end(from: Date, step: &Step, opts: &SlaOptions, cal: &Calendar<'_>) -> Option<Date> {
    let n = u32::from(step.n);
    let end = match step.unit {
        Unit::WorkingDays => {
            let first_counts = opts.count_registration_day && cal.is_working_day(from);
            return cal.add_working_days(from, n.saturating_sub(u32::from(first_counts)));
        }
        Unit::CalendarDays => from.add_days(i32::from(step.n))?,
        Unit::Months => from.add_months(i32::from(step.n))?,
    };
    if opts.roll_forward {
        cal.working_day_on_or_after(end)
    } else {
        Some(end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::editions::edition;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    fn req(
        ed: &str,
        service: Service,
        action: Action,
        cat: Category,
        on: &str,
        hh: u32,
        mm: u32,
    ) -> Request {
        Request {
            edition: edition(ed).unwrap(),
            service,
            action,
            category: cat,
            submitted_on: d(on),
            submitted_seconds: hh * 3600 + mm * 60,
            accepted_on: None,
            remarks_sent_on: None,
        }
    }

    fn dates(s: &Schedule) -> [Option<String>; 5] {
        [
            &s.registered_on,
            &s.completeness_due,
            &s.decision_due,
            &s.remarks_due,
            &s.fixes_due,
        ]
        .map(|x| x.as_ref().map(|d| d.date.to_string()))
    }

    fn run(r: &Request, o: &SlaOptions) -> [Option<String>; 5] {
        dates(&schedule(r, o, &Calendar::statutory()).unwrap())
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_owned())
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn reception_hours_decide_the_registration_day() {
        let o = SlaOptions::default();
        let at = |hh, mm| {
            run(
                &req(
                    "almaty_city_2019",
                    Service::EmissionPermit,
                    Action::Issue,
                    Category::IV,
                    "2019-10-04",
                    hh,
                    mm,
                ),
                &o,
            )[0]
            .clone()
        };
        // Friday 4 October 2019.
        assert_eq!(at(8, 59), some("2019-10-04"));
        assert_eq!(at(9, 0), some("2019-10-04"));
        assert_eq!(at(12, 59), some("2019-10-04"));
        assert_eq!(at(13, 0), some("2019-10-04"));
        assert_eq!(at(17, 59), some("2019-10-04"));
        assert_eq!(at(18, 0), some("2019-10-07"));
        assert_eq!(at(23, 59), some("2019-10-07"));
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn options_change_the_disputed_points() {
        let r = req(
            "almaty_city_2019",
            Service::EmissionPermit,
            Action::Issue,
            Category::II,
            "2019-10-07",
            8,
            0,
        );
        let base = run(&r, &SlaOptions::default());
        assert_eq!(
            base[..3],
            [some("2019-10-07"), some("2019-10-14"), some("2019-10-21")]
        );
        let next_day = SlaOptions {
            before_opening: BeforeOpening::NextWorkingDay,
            ..SlaOptions::default()
        };
        assert_eq!(run(&r, &next_day)[0], some("2019-10-08"));
        let day_one = SlaOptions {
            count_registration_day: true,
            ..SlaOptions::default()
        };
        assert_eq!(run(&r, &day_one)[2], some("2019-10-18"));
        let late = req(
            "almaty_city_2019",
            Service::EmissionPermit,
            Action::Issue,
            Category::II,
            "2019-10-07",
            18,
            15,
        );
        let open_late = SlaOptions {
            reception_close: Some(18 * 3600 + 30 * 60),
            ..SlaOptions::default()
        };
        assert_eq!(run(&late, &SlaOptions::default())[0], some("2019-10-08"));
        assert_eq!(run(&late, &open_late)[0], some("2019-10-07"));
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn months_clamp_and_roll_forward() {
        let r = |on| {
            req(
                "almaty_oblast_2012",
                Service::EmissionPermit,
                Action::Issue,
                Category::II,
                on,
                10,
                0,
            )
        };
        let o = SlaOptions::default();
        // 31 January 2013 → 28 February 2013 (Thursday).
        assert_eq!(run(&r("2013-01-31"), &o)[2], some("2013-02-28"));
        // 30 November 2012 → Sunday 30 December → Monday 31 December (bridge) →
        // 1–2 January → Thursday 3 January 2013.
        assert_eq!(run(&r("2012-11-30"), &o)[2], some("2013-01-03"));
        let no_roll = SlaOptions {
            roll_forward: false,
            ..SlaOptions::default()
        };
        assert_eq!(run(&r("2012-11-30"), &no_roll)[2], some("2012-12-30"));
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn anchor_and_preliminary_options() {
        // Saturday submission: registered Monday; the month runs from Monday unless
        // the raw submission day is the anchor.
        let r = req(
            "almaty_oblast_2012",
            Service::EmissionPermit,
            Action::Reissue,
            Category::IV,
            "2013-06-01",
            11,
            0,
        );
        assert_eq!(
            run(&r, &SlaOptions::default())[..3],
            [some("2013-06-03"), None, some("2013-07-03")]
        );
        let raw = SlaOptions {
            anchor: Anchor::Submission,
            ..SlaOptions::default()
        };
        assert_eq!(run(&r, &raw)[2], some("2013-07-01"));
        let x = req(
            "almaty_oblast_2012",
            Service::EcologicalExpertise,
            Action::First,
            Category::II,
            "2013-06-03",
            11,
            0,
        );
        // GR §7.2: the month runs from the end of the preliminary expertise.
        assert_eq!(
            run(&x, &SlaOptions::default())[1..3],
            [some("2013-06-10"), some("2013-07-10")]
        );
        let from_registration = SlaOptions {
            expertise_month_from: MonthFrom::Registration,
            ..SlaOptions::default()
        };
        assert_eq!(run(&x, &from_registration)[2], some("2013-07-03"));
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn fixes_run_from_the_remarks() {
        let mut r = req(
            "almaty_city_2019",
            Service::EcologicalExpertise,
            Action::First,
            Category::II,
            "2019-12-09",
            9,
            20,
        );
        let o = SlaOptions::default();
        let s = run(&r, &o);
        // Remarks: the 15th working day after 9 December is Sunday 5 January 2020
        // (a decree working day); fixes 5 working days later skip Christmas.
        assert_eq!(
            s,
            [
                some("2019-12-09"),
                some("2019-12-12"),
                some("2020-01-27"),
                some("2020-01-05"),
                some("2020-01-13")
            ]
        );
        r.remarks_sent_on = Some(d("2019-12-20"));
        assert_eq!(run(&r, &o)[4], some("2019-12-27"));
        r.remarks_sent_on = None;
        let none = SlaOptions {
            fixes_without_remarks: FixesAnchor::None,
            ..SlaOptions::default()
        };
        assert_eq!(run(&r, &none)[4], None);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn the_2021_permit_counts_from_acceptance_and_remarks() {
        // Tuesday 4 November 2025, 10:00: completeness 3 wd and decision 30 wd
        // from registration (art. 123 p. 1, 2).
        let mut r = req(
            "eco_code_2021",
            Service::EnvironmentalPermit,
            Action::Issue,
            Category::II,
            "2025-11-04",
            10,
            0,
        );
        let o = SlaOptions::default();
        let cal = Calendar::statutory();
        let s = schedule(&r, &o, &cal).unwrap();
        // Without the dates: acceptance on the last completeness day, remarks on
        // the last remarks day — both recorded as assumed.
        assert_eq!(
            dates(&s),
            [
                some("2025-11-04"),
                some("2025-11-07"),
                some("2025-12-17"),
                some("2025-11-28"),
                some("2025-12-05")
            ]
        );
        assert_eq!(s.assumed_accepted_on.unwrap().date, d("2025-11-07"));
        assert_eq!(s.assumed_remarks_sent_on.unwrap().date, d("2025-11-28"));
        assert_eq!(s.late_fixes, Some(LateFixes::Refusal));
        r.accepted_on = Some(d("2025-11-05"));
        r.remarks_sent_on = Some(d("2025-11-20"));
        let s = schedule(&r, &o, &cal).unwrap();
        assert_eq!(s.remarks_due.as_ref().unwrap().date, d("2025-11-26"));
        assert_eq!(s.fixes_due.as_ref().unwrap().date, d("2025-11-27"));
        assert_eq!(s.assumed_accepted_on, None);
        assert_eq!(s.assumed_remarks_sent_on, None);
        assert_eq!(
            s.fixes_due.unwrap().basis.to_string(),
            "eco_code_2021 art. 123 p. 3, 4"
        );
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn the_2021_expertise_runs_from_the_package_and_ends_negative_when_late() {
        // Sunday 5 April 2026: the package counts as submitted when registered
        // (Monday), or on the Sunday itself with `anchor: submission`.
        let r = req(
            "eco_code_2021",
            Service::EcologicalExpertise,
            Action::First,
            Category::III,
            "2026-04-05",
            12,
            0,
        );
        let cal = Calendar::statutory();
        let s = schedule(&r, &SlaOptions::default(), &cal).unwrap();
        assert_eq!(s.decision_due.as_ref().unwrap().date, d("2026-04-27"));
        assert_eq!(s.late_fixes, Some(LateFixes::NegativeConclusion));
        let raw = SlaOptions {
            anchor: Anchor::Submission,
            ..SlaOptions::default()
        };
        let s = schedule(&r, &raw, &cal).unwrap();
        assert_eq!(s.decision_due.unwrap().date, d("2026-04-24"));
        // Remarks from the registration instead of the acceptance.
        let from_reg = SlaOptions {
            expertise_remarks_from: Some(StepAnchor::Registration),
            ..SlaOptions::default()
        };
        let s = schedule(&r, &from_reg, &cal).unwrap();
        assert_eq!(s.remarks_due.unwrap().date, d("2026-04-15"));
        assert_eq!(s.assumed_accepted_on, None);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn the_declaration_gets_only_its_registration() {
        let r = req(
            "eco_code_2021",
            Service::ImpactDeclaration,
            Action::Issue,
            Category::III,
            "2026-06-06",
            10,
            0,
        );
        let s = schedule(&r, &SlaOptions::default(), &Calendar::statutory()).unwrap();
        assert_eq!(dates(&s), [some("2026-06-08"), None, None, None, None]);
        assert_eq!(
            s.no_term.map(|b| b.to_string()).as_deref(),
            Some("eco_code_2021 art. 110")
        );
        let sla = edition_sla("eco_code_2021").unwrap();
        let term = sla
            .filing(
                Service::EnvironmentalPermit,
                Action::Reissue,
                FilingEvent::OperatorChange,
            )
            .unwrap();
        assert_eq!(
            (term.n, term.unit, term.clause),
            (10, Unit::WorkingDays, "art. 107 p. 2")
        );
        assert!(sla
            .filing(
                Service::EnvironmentalPermit,
                Action::Issue,
                FilingEvent::OperatorChange
            )
            .is_none());
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn no_deadlines_for_what_the_edition_does_not_offer() {
        let r = req(
            "almaty_city_2019",
            Service::EcologicalExpertise,
            Action::Repeat,
            Category::II,
            "2019-12-09",
            9,
            0,
        );
        assert!(schedule(&r, &SlaOptions::default(), &Calendar::statutory()).is_none());
        let r = req(
            "karaganda_2013",
            Service::EcologicalExpertise,
            Action::First,
            Category::II,
            "2013-12-09",
            9,
            0,
        );
        assert!(schedule(&r, &SlaOptions::default(), &Calendar::statutory()).is_none());
    }
}
