//! The document checks of an application: completeness against the list of its
//! edition, the questions still open, and each attached document's form and
//! validity.

use super::checklist::{
    ask_questions, check_objects, check_venue, cite_rule, evaluate, explain_readings, list_basis,
    Answers, Evaluated,
};
use super::data::{self, Attributes, List};
use super::{finding, Status, ORIGINAL_SHOWN};
use crate::calendar::Date;
use crate::findings::{Finding, Findings, Param, Pointer, Severity, TermKind};
use crate::model::{ApplicantKind, AttachedDocument, Channel};
use crate::Context;

/// Document checks of an application (see the module docs for the readings):
///
/// - a required document not attached → `documents.missing` (error, citing the
///   clause and the refusal ground it triggers);
/// - an unanswered fact that decides a document not attached →
///   `documents.fact_unanswered` (warning at `/facts/<fact>`);
/// - every object of expertise answered "no" → `documents.no_object_of_expertise`;
/// - an attached document: not in the list or not required → info; `valid_until`
///   before the submission date → `documents.expired` where a clause names expired
///   documents, else `documents.expired_no_ground`; marked not EDS-signed where
///   it must be → error; in person, a copy neither notarised nor backed by the
///   original → error (or a warning asking whether the original is shown);
/// - on the portal, the application not EDS-signed (`/eds_signed`) → error;
///   where the act requires electronic filing but names no EDS (the list's
///   `eds_stated` false), this and the not-signed documents are warnings.
pub fn check_application(cx: &Context<'_>, findings: &mut Findings) {
    let app = cx.app;
    let (Some(edition), Some(service), Some(action), Some(category), Some(channel)) = (
        cx.edition,
        app.service,
        app.action,
        app.category,
        app.channel,
    ) else {
        return;
    };
    let Some(list) = data::list(edition.id, service, action, category, channel) else {
        return;
    };
    let answers = Answers {
        facts: app.facts.as_ref(),
        legal_entity: app
            .applicant
            .as_ref()
            .and_then(|a| a.kind)
            .map(|k| k == ApplicantKind::LegalEntity),
        waste_placement: waste_placement(cx),
        readings: cx.options().map_or(&[], |o| &o.documents.readings),
    };
    let evaluated = evaluate(list, action, &answers);
    let docs: &[AttachedDocument] = app.documents.as_deref().unwrap_or_default();
    let attached = |id: &str| docs.iter().any(|d| d.id.as_deref() == Some(id));

    // An entry whose id could not be read might be any document: then nothing is
    // reported missing (the reader has reported the entry).
    let unreadable = cx.input_failed("/documents") || docs.iter().any(|d| d.id.is_none());
    if !unreadable {
        for e in &evaluated {
            if e.status == Status::Required && !attached(e.rule.document.id) {
                findings.push(
                    finding::missing(
                        "/documents",
                        document(e.rule.document.id),
                        Param::Cite(list_basis(list, list.provisions.refusal).machine()),
                    )
                    .basis(cite_rule(list, e.rule)),
                );
            }
        }
    }
    check_objects(list, &answers, findings);
    ask_questions(&evaluated, &attached, &|p| cx.input_failed(p), findings);
    explain_readings(list, &evaluated, findings);

    let submitted = cx.submitted_on();
    for (i, doc) in docs.iter().enumerate() {
        let path = Pointer::root().key("documents").index(i);
        check_attached(
            cx, list, &evaluated, &answers, doc, &path, submitted, findings,
        );
    }

    check_venue(list, channel, cx.app.venue, findings);

    if channel == Channel::Portal && app.eds_signed != Some(true) && !cx.input_failed("/eds_signed")
    {
        let basis = list_basis(list, list.provisions.signature);
        findings.push(if list.provisions.eds_stated {
            finding::application_not_signed("/eds_signed").basis(basis)
        } else {
            finding::application_not_signed_no_ground("/eds_signed").basis(basis)
        });
    }
}

/// Whether the permit asked for covers waste placement, read from table 4: a
/// row in some year means yes, no table or no row means no; unknown when the
/// table could not be read.
fn waste_placement(cx: &Context<'_>) -> Option<bool> {
    if cx.input_failed("/waste") || cx.input_failed("/waste/years") {
        return None;
    }
    let years = cx.app.waste.as_ref().and_then(|w| w.years.as_deref());
    Some(years.is_some_and(|ys| {
        ys.iter()
            .any(|y| y.items.as_ref().is_some_and(|items| !items.is_empty()))
    }))
}

/// The `document` param of a finding about document `id`.
#[inline(never)]
fn document(id: &str) -> Param {
    Param::Term(TermKind::Document, id.to_owned())
}

/// A finding of `code` about document `id` at `path`, for the codes whose only
/// param is `document`, chosen at run time.
#[inline(never)]
fn about(severity: Severity, code: &'static str, path: &str, id: &str) -> Finding {
    Finding::new(severity, code, path).with("document", document(id))
}

/// Checks one attached document at `path`.
#[allow(clippy::too_many_arguments)]
fn check_attached(
    cx: &Context<'_>,
    list: &List,
    evaluated: &[Evaluated],
    answers: &Answers<'_>,
    doc: &AttachedDocument,
    path: &Pointer,
    submitted: Option<Date>,
    findings: &mut Findings,
) {
    let Some(id) = doc.id.as_deref() else {
        return;
    };
    check_validity(cx, list, id, doc, path, submitted, findings);
    let rule = evaluated.iter().find(|e| e.rule.document.id == id);
    let (severity, code, field) = match rule {
        None => (Severity::Info, super::NOT_IN_LIST, "id"),
        Some(e) if e.status == Status::NotApplicable => (Severity::Info, super::NOT_REQUIRED, "id"),
        Some(e) => {
            let attributes = e.rule.attributes;
            if attributes.has(Attributes::EDS_SIGNED) && doc.eds_signed == Some(false) {
                if list.provisions.eds_stated {
                    (Severity::Error, super::NOT_EDS_SIGNED, "eds_signed")
                } else {
                    let f = about(
                        Severity::Warning,
                        super::NOT_EDS_SIGNED_NO_GROUND,
                        path.key("eds_signed").as_str(),
                        id,
                    );
                    findings.push(f.basis(cite_rule(list, e.rule)));
                    return;
                }
            } else if attributes.has(Attributes::NOTARISED_UNLESS_ORIGINAL_SHOWN)
                && doc.notarised != Some(true)
            {
                match data::fact(ORIGINAL_SHOWN).and_then(|f| answers.get(f)) {
                    Some(true) => return,
                    Some(false) => (Severity::Error, super::COPY_NOT_NOTARISED, "notarised"),
                    None => {
                        ask_for_original(cx, list, e, id, findings);
                        return;
                    }
                }
            } else {
                return;
            }
        }
    };
    let mut finding = about(severity, code, path.key(field).as_str(), id);
    if let Some(e) = rule.filter(|_| severity == Severity::Error) {
        finding = finding.basis(cite_rule(list, e.rule));
    }
    findings.push(finding);
}

/// In person, a copy is not notarised and it is not said whether the original
/// will be shown: ask.
fn ask_for_original(
    cx: &Context<'_>,
    list: &List,
    e: &Evaluated,
    id: &str,
    findings: &mut Findings,
) {
    let path = Pointer::root().key("facts").key(ORIGINAL_SHOWN);
    if !cx.input_failed(path.as_str()) {
        findings.push(
            finding::original_or_notarised(
                path.as_str(),
                document(id),
                Param::Term(TermKind::Fact, ORIGINAL_SHOWN.to_owned()),
            )
            .basis(cite_rule(list, e.rule)),
        );
    }
}

/// Reports a `valid_until` that is not a date, or that falls before the
/// submission date.
fn check_validity(
    cx: &Context<'_>,
    list: &List,
    id: &str,
    doc: &AttachedDocument,
    path: &Pointer,
    submitted: Option<Date>,
    findings: &mut Findings,
) {
    let Some(text) = doc.valid_until.as_ref() else {
        return;
    };
    let at = path.key("valid_until");
    match Date::parse_iso(text.as_str()) {
        Err(_) if !cx.input_failed(at.as_str()) => {
            findings.push(finding::invalid_date(at.as_str(), text.as_str()))
        }
        Err(_) => {}
        Ok(until) => {
            if let Some(date) = submitted.filter(|d| until < *d) {
                let params = (
                    document(id),
                    Param::Date(until.iso()),
                    Param::Date(date.iso()),
                );
                let (action, category) = (cx.app.action, cx.app.category);
                let p = list.provisions;
                // Only a clause that names expired documents makes one a refusal
                // ground (`expiry` in the list's data: Almaty city 2019 PR §5.3,
                // GR §5.3). The other refusal grounds — incomplete or incorrect
                // materials (002 PR §16.1, 2007 Code art. 77 p. 1 subp. 1), an
                // incomplete package (002 GR §16, 2021 Code art. 123 p. 1, art. 89
                // p. 6), false information in a declaration (art. 110 p. 7) —
                // say nothing of expiry: there it is a warning.
                let clause = action.zip(category).and_then(|(a, c)| p.expiry_for(a, c));
                findings.push(match clause {
                    Some(clause) => finding::expired(at.as_str(), params.0, params.1, params.2)
                        .basis(list_basis(list, clause)),
                    None => finding::expired_no_ground(at.as_str(), params.0, params.1, params.2),
                });
            }
        }
    }
}
