//! The signer's EDS registration certificate (`/eds`) on the portal: where an
//! edition makes the portal check it (`data/eds.json`: the e-regulations' «условие
//! 2», e.g. `aktobe_2013 PR §6.7`, `almaty_city_2019 PR §9.7`), it must be valid at
//! the submission instant, not revoked, and the applicant's — the individual's
//! ИИН, or for a legal entity its БИН (an employee's certificate names both the
//! employee's ИИН and the entity's БИН).
//!
//! A bound written as a date covers that whole day on the region's clock; a
//! date-time is read with its offset.

use crate::calendar::{Date, DateTime};
use crate::findings::{Basis, Findings, Param};
use crate::model::{ApplicantKind, Channel, EdsCertificate, Service};
use crate::{Context, Submission};

include!(concat!(env!("OUT_DIR"), "/codes_signature.rs"));

include!(concat!(env!("OUT_DIR"), "/eds.rs"));

/// The clause of `edition` that makes the portal check the certificate for
/// `service`, if it has one.
pub fn clause(edition: &str, service: Service) -> Option<&'static str> {
    BASIS
        .iter()
        .find(|(e, s, _)| *e == edition && *s == service)
        .map(|(_, _, c)| *c)
}

/// Checks `/eds` of a portal application under an edition that states the check.
pub fn check_application(cx: &Context<'_>, findings: &mut Findings) {
    let app = cx.app;
    let (Some(eds), Some(edition), Some(service), Some(Channel::Portal)) =
        (app.eds.as_ref(), cx.edition, app.service, app.channel)
    else {
        return;
    };
    let Some(clause) = clause(edition.id, service) else {
        return;
    };
    let basis = || Basis::new(edition.id, clause);
    if let Some(at) = cx.submission {
        check_term(cx, eds, &at, &basis, findings);
    }
    if eds.revoked == Some(true) {
        findings.push(finding::certificate_revoked("/eds/revoked").basis(basis()));
    }
    check_owner(cx, eds, &basis, findings);
}

/// Whether the certificate was valid at the submission instant.
fn check_term(
    cx: &Context<'_>,
    eds: &EdsCertificate,
    at: &Submission,
    basis: &dyn Fn() -> Basis,
    findings: &mut Findings,
) {
    let now = (at.local_date, at.local_seconds);
    let on = Param::Date(at.local_date.iso());
    if let Some(text) = eds.valid_from.as_deref() {
        match bound(text, at, false) {
            Some(from) if now < from => findings.push(
                finding::certificate_not_yet_valid(
                    "/eds/valid_from",
                    Param::Date(from.0.iso()),
                    on.clone(),
                )
                .basis(basis()),
            ),
            Some(_) => {}
            None => unreadable(cx, "/eds/valid_from", text, findings),
        }
    }
    if let Some(text) = eds.valid_until.as_deref() {
        match bound(text, at, true) {
            Some(until) if now > until => findings.push(
                finding::certificate_expired("/eds/valid_until", Param::Date(until.0.iso()), on)
                    .basis(basis()),
            ),
            Some(_) => {}
            None => unreadable(cx, "/eds/valid_until", text, findings),
        }
    }
}

fn unreadable(cx: &Context<'_>, path: &str, text: &str, findings: &mut Findings) {
    if !cx.input_failed(path) {
        findings.push(finding::invalid_datetime(path, text));
    }
}

/// A validity bound as (local date, seconds since midnight) on the clock of the
/// submission: a date-time converted to it, a date as the start (`end`: the last
/// second) of that day.
fn bound(text: &str, at: &Submission, end: bool) -> Option<(Date, u32)> {
    let text = crate::text::trim(text);
    if let Ok(day) = Date::parse_iso(text) {
        return Some((day, if end { 86_399 } else { 0 }));
    }
    let t = DateTime::parse_iso(text).ok()?;
    match t.offset_minutes {
        Some(_) => t.local_at_offset(at.utc_offset_minutes),
        None => Some((t.date, t.seconds)),
    }
}

/// Whether the certificate is the applicant's: the individual's ИИН, the legal
/// entity's БИН.
fn check_owner(
    cx: &Context<'_>,
    eds: &EdsCertificate,
    basis: &dyn Fn() -> Basis,
    findings: &mut Findings,
) {
    let Some(applicant) = cx.app.applicant.as_ref() else {
        return;
    };
    let (Some(kind), Some(number)) = (applicant.kind, applicant.iin_bin.as_deref()) else {
        return;
    };
    let expected = digits(number);
    if expected.is_empty() {
        return;
    }
    let (path, given) = match kind {
        ApplicantKind::Individual => ("/eds/subject_iin", eds.subject_iin.as_deref()),
        ApplicantKind::LegalEntity => ("/eds/subject_bin", eds.subject_bin.as_deref()),
    };
    match given {
        Some(g) if digits(g) != expected => findings.push(
            finding::certificate_not_applicant(path, crate::text::trim(g), expected).basis(basis()),
        ),
        None if kind == ApplicantKind::LegalEntity && !cx.input_failed(path) => {
            findings.push(finding::certificate_without_bin(path).basis(basis()))
        }
        _ => {}
    }
}

/// The digits of an identifier as typed (`8710 0840 1427` → `871008401427`).
fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}
