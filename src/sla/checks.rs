//! Deadline checks of an application: late fixes (with what they lead to), late
//! remarks, an acceptance outside the completeness period, a re-issue filed late
//! after a change of operator, documents that expire before the decision is due,
//! and calendar years not yet decreed.

use super::{
    edition_sla, schedule, FilingEvent, Request, Schedule, Unit, ACCEPTANCE_NOT_USED,
    ACCEPTED_BEFORE_REGISTRATION, ACCEPTED_LATE, DOCUMENT_EXPIRES_BEFORE_DECISION,
    FIXES_BEFORE_REMARKS, INVALID_DATE, NO_REMARKS_CYCLE, OPERATOR_CHANGE_FILED_LATE,
    REMARKS_BEFORE_REGISTRATION, REMARKS_LATE,
};
use crate::calendar::{Calendar, Date};
use crate::editions::Edition;
use crate::findings::{Finding, Findings, Param, Pointer, TermKind};
use crate::model::{Action, Category, IsoDate, Service};
use crate::{Context, Options, Submission};

/// Reads an optional `YYYY-MM-DD` field, reporting what does not parse at `path`.
pub(crate) fn read_date(
    value: Option<&IsoDate>,
    path: &str,
    findings: &mut Findings,
) -> Option<Date> {
    let text = value?.as_str();
    match Date::parse_iso(crate::text::trim(text)) {
        Ok(d) => Some(d),
        Err(_) => {
            findings.push(Finding::error(INVALID_DATE, path).with("value", text));
            None
        }
    }
}

fn date(d: Date) -> Param {
    Param::Date(d.iso())
}

/// Checks the remarks date against the schedule (`path` points at it): remarks
/// in an edition without a remarks cycle, remarks before the registration day,
/// remarks after their period.
pub(crate) fn check_remarks(
    ed: &Edition,
    s: &Schedule,
    remarks_on: Date,
    path: &str,
    findings: &mut Findings,
) {
    // Found by fuzzing: without this, remarks dated before registration gave a
    // fixes deadline before the registration day and no finding.
    let registered = s.registered_on.as_ref();
    if let Some(reg) = registered.filter(|r| remarks_on < r.date && s.remarks_due.is_some()) {
        findings.push(
            Finding::warning(REMARKS_BEFORE_REGISTRATION, path)
                .with("remarks_on", date(remarks_on))
                .with("registered_on", date(reg.date))
                .basis(reg.basis.clone()),
        );
    }
    match &s.remarks_due {
        None => findings.push(
            Finding::info(NO_REMARKS_CYCLE, path)
                .with("edition", Param::Term(TermKind::Edition, ed.id.to_owned())),
        ),
        Some(due) if remarks_on > due.date => findings.push(
            Finding::warning(REMARKS_LATE, path)
                .with("remarks_on", date(remarks_on))
                .with("due", date(due.date))
                .basis(due.basis.clone()),
        ),
        Some(_) => {}
    }
}

/// Checks the acceptance date against the schedule (`path` points at it): no
/// period runs from the acceptance, acceptance before the registration day, or
/// after the completeness period.
pub(crate) fn check_acceptance(
    ed: &Edition,
    (service, action, category): (Service, Action, Category),
    s: &Schedule,
    accepted_on: Date,
    options: &Options,
    findings: &mut Findings,
    path: &str,
) {
    let used = edition_sla(ed.id)
        .is_some_and(|sla| sla.counts_from_acceptance(service, action, category, &options.sla));
    if !used {
        findings.push(
            Finding::info(ACCEPTANCE_NOT_USED, path)
                .with("edition", Param::Term(TermKind::Edition, ed.id.to_owned())),
        );
        return;
    }
    if let Some(reg) = s.registered_on.as_ref().filter(|r| accepted_on < r.date) {
        // The completeness clause is what places the acceptance in the period
        // from the registration day (2021 Code art. 123 p. 1, art. 89 p. 6
        // part 2); the registration's own clause says nothing of acceptance.
        let basis = s.completeness_due.as_ref().map_or(&reg.basis, |d| &d.basis);
        findings.push(
            Finding::warning(ACCEPTED_BEFORE_REGISTRATION, path)
                .with("accepted_on", date(accepted_on))
                .with("registered_on", date(reg.date))
                .basis(basis.clone()),
        );
    }
    if let Some(due) = s.completeness_due.as_ref().filter(|d| accepted_on > d.date) {
        findings.push(
            Finding::warning(ACCEPTED_LATE, path)
                .with("accepted_on", date(accepted_on))
                .with("due", date(due.date))
                .basis(due.basis.clone()),
        );
    }
}

/// The dates of the review as the applicant or the portal knows them.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Progress {
    /// The application was accepted for review.
    pub accepted_on: Option<Date>,
    /// The remarks were sent.
    pub remarks_sent_on: Option<Date>,
}

/// The schedule of an application placed in its edition and on its region's
/// clock, with the calendar years it spans reported when not decreed; `None` when
/// something it needs is missing or the edition does not offer the service.
pub(crate) fn plan(
    edition: Option<&'static Edition>,
    submission: Option<Submission>,
    (service, action, category): (Option<Service>, Option<Action>, Option<Category>),
    progress: Progress,
    options: Option<&Options>,
    findings: &mut Findings,
) -> Option<Schedule> {
    let sub = submission?;
    let req = Request {
        edition: edition?,
        service: service?,
        action: action?,
        category: category?,
        submitted_on: sub.local_date,
        submitted_seconds: sub.local_seconds,
        accepted_on: progress.accepted_on,
        remarks_sent_on: progress.remarks_sent_on,
    };
    let defaults;
    let options = match options {
        Some(o) => o,
        None => {
            defaults = Options::default();
            &defaults
        }
    };
    let cal = Calendar::with_overrides(&options.calendar);
    let s = schedule(&req, &options.sla, &cal)?;
    let last = s.last_date().unwrap_or(sub.local_date);
    cal.check_years(sub.local_date, last, "/submitted_at", findings);
    Some(s)
}

/// Deadline checks of an application (needs the edition, the submission time,
/// the service, action and category; silent without them — other modules report
/// what is missing).
pub fn check_application(cx: &Context<'_>, findings: &mut Findings) {
    let app = cx.app;
    let progress = app.expertise.as_ref();
    let remarks_on = read_date(
        progress.and_then(|p| p.remarks_sent_on.as_ref()),
        "/expertise/remarks_sent_on",
        findings,
    );
    let fixes_on = read_date(
        progress.and_then(|p| p.fixes_submitted_on.as_ref()),
        "/expertise/fixes_submitted_on",
        findings,
    );
    let accepted_on = read_date(
        progress.and_then(|p| p.accepted_on.as_ref()),
        "/expertise/accepted_on",
        findings,
    );
    let changed_on = read_date(
        app.operator_changed_on.as_ref(),
        "/operator_changed_on",
        findings,
    );
    let progress = Progress {
        accepted_on,
        remarks_sent_on: remarks_on,
    };
    let Some(s) = plan(
        cx.edition,
        cx.submission,
        (app.service, app.action, app.category),
        progress,
        cx.options(),
        findings,
    ) else {
        return;
    };
    let (Some(ed), Some(sub)) = (cx.edition, cx.submission) else {
        return;
    };
    let defaults = Options::default();
    let options = cx.options().unwrap_or(&defaults);
    if let (Some(changed_on), Some(service), Some(action)) = (changed_on, app.service, app.action) {
        let cal = Calendar::with_overrides(&options.calendar);
        let filed = (changed_on, sub.local_date);
        check_operator_change(ed, (service, action), filed, &cal, findings);
    }
    if s.no_term.is_some() {
        return;
    }
    if let (Some(accepted_on), Some(service), Some(action), Some(category)) =
        (accepted_on, app.service, app.action, app.category)
    {
        check_acceptance(
            ed,
            (service, action, category),
            &s,
            accepted_on,
            options,
            findings,
            "/expertise/accepted_on",
        );
    }

    if let Some(remarks_on) = remarks_on {
        check_remarks(ed, &s, remarks_on, "/expertise/remarks_sent_on", findings);
    } else if fixes_on.is_some() && s.remarks_due.is_none() {
        findings.push(
            Finding::info(NO_REMARKS_CYCLE, "/expertise/fixes_submitted_on")
                .with("edition", Param::Term(TermKind::Edition, ed.id.to_owned())),
        );
    }
    if let Some(fixes_on) = fixes_on {
        let path = "/expertise/fixes_submitted_on";
        if let Some(remarks_on) = remarks_on.filter(|r| fixes_on < *r) {
            findings.push(
                Finding::warning(FIXES_BEFORE_REMARKS, path)
                    .with("fixes_on", date(fixes_on))
                    .with("remarks_on", date(remarks_on)),
            );
        }
        if let Some((due, late)) = s
            .fixes_due
            .as_ref()
            .zip(s.late_fixes)
            .filter(|(due, _)| fixes_on > due.date)
        {
            findings.push(
                Finding::error(late.code(), path)
                    .with("fixes_on", date(fixes_on))
                    .with("due", date(due.date))
                    .basis(due.basis.clone()),
            );
        }
    }

    let Some(decision) = &s.decision_due else {
        return;
    };
    check_expiry(app, sub, decision, findings);
}

/// A new operator's re-issue application filed after the term that runs from
/// the change of operator (2021 Code art. 107 p. 2); silent where the edition
/// sets no such term.
fn check_operator_change(
    ed: &Edition,
    (service, action): (Service, Action),
    (changed_on, filed_on): (Date, Date),
    cal: &Calendar<'_>,
    findings: &mut Findings,
) {
    let Some(term) =
        edition_sla(ed.id).and_then(|sla| sla.filing(service, action, FilingEvent::OperatorChange))
    else {
        return;
    };
    let n = u32::from(term.n);
    let due = match term.unit {
        Unit::WorkingDays => cal.add_working_days(changed_on, n),
        Unit::CalendarDays => changed_on
            .add_days(i32::from(term.n))
            .and_then(|d| cal.working_day_on_or_after(d)),
        Unit::Months => changed_on
            .add_months(i32::from(term.n))
            .and_then(|d| cal.working_day_on_or_after(d)),
    };
    if let Some(due) = due.filter(|due| filed_on > *due) {
        findings.push(
            Finding::warning(OPERATOR_CHANGE_FILED_LATE, "/operator_changed_on")
                .with("changed_on", date(changed_on))
                .with("due", date(due))
                .with("filed_on", date(filed_on))
                .basis(crate::findings::Basis::new(ed.id, term.clause)),
        );
    }
}

/// Documents valid at submission that expire before the decision is due.
fn check_expiry(
    app: &crate::model::Application,
    sub: Submission,
    decision: &super::Due,
    findings: &mut Findings,
) {
    for (i, doc) in app.documents.iter().flatten().enumerate() {
        let Some(text) = doc.valid_until.as_ref() else {
            continue;
        };
        // The documents module reports dates that do not parse and documents
        // already expired when submitted; here: valid at submission, expired by
        // the decision.
        let Ok(until) = Date::parse_iso(crate::text::trim(text.as_str())) else {
            continue;
        };
        if until >= sub.local_date && until < decision.date {
            findings.push(
                Finding::warning(
                    DOCUMENT_EXPIRES_BEFORE_DECISION,
                    Pointer::root()
                        .key("documents")
                        .index(i)
                        .key("valid_until")
                        .as_str(),
                )
                .with(
                    "document",
                    Param::Term(TermKind::Document, doc.id.clone().unwrap_or_default()),
                )
                .with("valid_until", date(until))
                .with("decision_due", date(decision.date))
                .basis(decision.basis.clone()),
            );
        }
    }
}
