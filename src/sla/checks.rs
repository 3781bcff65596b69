//! Deadline checks of an application: late fixes, late remarks, documents that
//! expire before the decision is due, and calendar years not yet decreed.

use super::{
    schedule, Request, Schedule, DOCUMENT_EXPIRES_BEFORE_DECISION, FIXES_BEFORE_REMARKS,
    FIXES_LATE, INVALID_DATE, NO_REMARKS_CYCLE, REMARKS_BEFORE_REGISTRATION, REMARKS_LATE,
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
    match Date::parse_iso(text.trim()) {
        Ok(d) => Some(d),
        Err(_) => {
            findings.push(Finding::error(INVALID_DATE, path).with("value", text));
            None
        }
    }
}

fn date(d: Date) -> Param {
    Param::Date(d.to_string())
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

/// The schedule of an application placed in its edition and on its region's
/// clock, with the calendar years it spans reported when not decreed; `None` when
/// something it needs is missing or the edition does not offer the service.
pub(crate) fn plan(
    edition: Option<&'static Edition>,
    submission: Option<Submission>,
    (service, action, category): (Option<Service>, Option<Action>, Option<Category>),
    remarks_sent_on: Option<Date>,
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
        remarks_sent_on,
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
    let Some(s) = plan(
        cx.edition,
        cx.submission,
        (app.service, app.action, app.category),
        remarks_on,
        cx.options(),
        findings,
    ) else {
        return;
    };
    let (Some(ed), Some(sub)) = (cx.edition, cx.submission) else {
        return;
    };

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
        if let Some(due) = s.fixes_due.as_ref().filter(|due| fixes_on > due.date) {
            findings.push(
                Finding::error(FIXES_LATE, path)
                    .with("fixes_on", date(fixes_on))
                    .with("due", date(due.date))
                    .basis(due.basis.clone()),
            );
        }
    }

    let Some(decision) = &s.decision_due else {
        return;
    };
    for (i, doc) in app.documents.iter().flatten().enumerate() {
        let Some(text) = doc.valid_until.as_ref() else {
            continue;
        };
        // The documents module reports dates that do not parse and documents
        // already expired when submitted; here: valid at submission, expired by
        // the decision.
        let Ok(until) = Date::parse_iso(text.as_str().trim()) else {
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
