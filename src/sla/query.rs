//! The deadlines of one query — what `kz-eco-rules deadlines --jsonl` and the
//! JavaScript `deadlines(query)` answer.

use serde::Serialize;

use super::checks::{check_acceptance, check_remarks, plan, read_date, Progress};
use super::{edition_sla, Due, ACCEPTED_ON_ASSUMED, NO_TERM, REMARKS_SENT_ON_ASSUMED};
use crate::editions;
use crate::findings::{catalog, Finding, Findings, Lang, Param, TermKind};
use crate::input::{InputError, Reader, Value};
use crate::model::{model_struct, Action, Category, Channel, IsoDate, IsoDateTime, Service};
use crate::Options;

model_struct! {
    /// A deadlines query: which edition (or region), service, action and category,
    /// when it was submitted, and — when known — when the application was accepted
    /// for review and when the remarks were sent.
    pub struct DeadlineQuery {
        /// Edition id (e.g. `almaty_city_2019`); or give `region`.
        edition: String,
        /// Region id; with `submitted_at` it selects the edition in force.
        region: String,
        /// The service.
        service: Service [required],
        /// The action.
        action: Action [required],
        /// The category.
        category: Category [required],
        /// `portal` or `in_person` (optional; checked against the edition).
        channel: Channel,
        /// When the application was submitted: ISO 8601 with UTC offset.
        submitted_at: IsoDateTime [required],
        /// Day the remarks were sent (2019 expertise; 2021 permit and expertise),
        /// `YYYY-MM-DD`; without it the fixes period runs from the latest day the
        /// remarks could be sent.
        remarks_sent_on: IsoDate,
        /// Day the application was accepted for review (2021 Code art. 123 p. 3),
        /// `YYYY-MM-DD`; without it the remarks period runs from the latest day
        /// the completeness period allows.
        accepted_on: IsoDate,
    }
}

/// The clause behind each deadline (`"<edition> <clause>"`), `null` with the date.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(schema, derive(schemars::JsonSchema))]
pub struct DeadlinesBasis {
    /// Basis of `registered_on`.
    pub registered_on: Option<String>,
    /// Basis of `completeness_due`.
    pub completeness_due: Option<String>,
    /// Basis of `decision_due`.
    pub decision_due: Option<String>,
    /// Basis of `remarks_due`.
    pub remarks_due: Option<String>,
    /// Basis of `fixes_due`.
    pub fixes_due: Option<String>,
}

impl DeadlinesBasis {
    /// Each basis cited in `lang` (the machine form when the data does not cite it).
    fn cited(&self, lang: Lang) -> DeadlinesBasis {
        let cite = |b: &Option<String>| {
            b.as_deref()
                .map(|b| catalog::citation(b, lang).unwrap_or_else(|| b.to_owned()))
        };
        DeadlinesBasis {
            registered_on: cite(&self.registered_on),
            completeness_due: cite(&self.completeness_due),
            decision_due: cite(&self.decision_due),
            remarks_due: cite(&self.remarks_due),
            fixes_due: cite(&self.fixes_due),
        }
    }
}

/// The deadlines of a query as `YYYY-MM-DD` strings; `null` where the edition has
/// no such step or the query could not be answered (`findings` says why).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(schema, derive(schemars::JsonSchema))]
pub struct DeadlinesReport {
    /// The edition the deadlines come from.
    pub edition: Option<String>,
    /// Registration date.
    pub registered_on: Option<String>,
    /// Completeness check (2019) / preliminary expertise (2012) due.
    pub completeness_due: Option<String>,
    /// Decision due (the whole service; the repeat review for `repeat`).
    pub decision_due: Option<String>,
    /// Latest day to send reasoned remarks (2019 expertise).
    pub remarks_due: Option<String>,
    /// Latest day for the applicant's fixes (2019 expertise).
    pub fixes_due: Option<String>,
    /// Edition + clause of each date.
    pub basis: DeadlinesBasis,
    /// Each date's `basis` cited in the report's language («п. 7.2 Регламента …»),
    /// as a finding's `basis_text`.
    pub basis_text: DeadlinesBasis,
    /// False when a finding is an error (then the dates are `null`).
    pub ok: bool,
    /// Findings: unreadable query, no edition, provisional calendar, late remarks.
    pub findings: Vec<Finding>,
}

/// Answers a query given as JSON text.
pub fn deadlines_json(text: &str, options: &Options) -> DeadlinesReport {
    deadlines_input(
        Value::from_json_str(text, &options.limits).as_ref(),
        options,
    )
}

/// Answers a query given as a value tree (what the wasm boundary builds from a JS
/// object; a JS `Date` in `submitted_at` arrives as its UTC ISO string).
pub fn deadlines_value(value: &Value, options: &Options) -> DeadlinesReport {
    deadlines_input(Ok(value), options)
}

/// Answers a query that was read into a value tree — or could not be read, which
/// gives a report with that single finding.
pub fn deadlines_input(input: Result<&Value, &InputError>, options: &Options) -> DeadlinesReport {
    let mut findings = Findings::default();
    let mut out = DeadlinesReport::default();
    match input {
        Err(e) => findings.push(e.to_finding()),
        Ok(value) => {
            if let Some(query) = Reader::new(&mut findings).read::<DeadlineQuery>(value) {
                answer(&query, options, &mut out, &mut findings);
            }
        }
    }
    finish(out, findings, options)
}

fn finish(mut out: DeadlinesReport, findings: Findings, options: &Options) -> DeadlinesReport {
    let report = findings.render_worded(options.lang, &options.severity, &options.messages);
    out.ok = report.ok();
    if !out.ok {
        out = DeadlinesReport {
            edition: out.edition,
            ..DeadlinesReport::default()
        };
    }
    out.basis_text = out.basis.cited(options.lang);
    out.findings = report.findings;
    out
}

fn answer(
    q: &DeadlineQuery,
    options: &Options,
    out: &mut DeadlinesReport,
    findings: &mut Findings,
) {
    let (ed, sub) = crate::validate::locate(
        q.edition.as_deref(),
        q.region.as_deref(),
        q.submitted_at.as_ref(),
        findings,
    );
    if let Some(ed) = ed {
        out.edition = Some(ed.id.to_owned());
        editions::check_offer(ed, q.service, q.category, q.action, q.channel, findings);
    }
    let remarks_on = read_date(q.remarks_sent_on.as_ref(), "/remarks_sent_on", findings);
    let accepted_on = read_date(q.accepted_on.as_ref(), "/accepted_on", findings);
    let progress = Progress {
        accepted_on,
        remarks_sent_on: remarks_on,
    };
    let Some(s) = plan(
        ed,
        sub,
        (q.service, q.action, q.category),
        progress,
        Some(options),
        findings,
    ) else {
        return;
    };
    let (Some(ed), Some(service), Some(action), Some(category)) =
        (ed, q.service, q.action, q.category)
    else {
        return;
    };
    if let Some(none) = &s.no_term {
        findings.push(
            Finding::info(NO_TERM, "/service")
                .with(
                    "service",
                    Param::Term(TermKind::Service, service.as_str().to_owned()),
                )
                .basis(none.clone()),
        );
    } else {
        if let Some(accepted_on) = accepted_on {
            let what = (service, action, category);
            check_acceptance(ed, what, &s, accepted_on, options, findings, "/accepted_on");
        }
        if let Some(remarks_on) = remarks_on {
            check_remarks(ed, &s, remarks_on, "/remarks_sent_on", findings);
        }
    }
    if edition_sla(ed.id).is_some_and(|sla| sla.say_assumed_dates) {
        say_assumed(&s, findings);
    }
    let put = |due: &Option<Due>, date: &mut Option<String>, basis: &mut Option<String>| {
        if let Some(d) = due {
            *date = Some(d.date.to_string());
            *basis = Some(d.basis.to_string());
        }
    };
    let b = &mut out.basis;
    put(
        &s.registered_on,
        &mut out.registered_on,
        &mut b.registered_on,
    );
    put(
        &s.completeness_due,
        &mut out.completeness_due,
        &mut b.completeness_due,
    );
    put(&s.decision_due, &mut out.decision_due, &mut b.decision_due);
    put(&s.remarks_due, &mut out.remarks_due, &mut b.remarks_due);
    put(&s.fixes_due, &mut out.fixes_due, &mut b.fixes_due);
}

/// Info findings naming the dates the schedule assumed because the query did
/// not give them.
fn say_assumed(s: &super::Schedule, findings: &mut Findings) {
    if let (Some(a), Some(remarks)) = (&s.assumed_accepted_on, &s.remarks_due) {
        findings.push(
            Finding::info(ACCEPTED_ON_ASSUMED, "/accepted_on")
                .with("accepted_on", Param::Date(a.date.to_string()))
                .with("remarks_due", Param::Date(remarks.date.to_string()))
                .basis(a.basis.clone()),
        );
    }
    if let (Some(r), Some(fixes)) = (&s.assumed_remarks_sent_on, &s.fixes_due) {
        findings.push(
            Finding::info(REMARKS_SENT_ON_ASSUMED, "/remarks_sent_on")
                .with("remarks_sent_on", Param::Date(r.date.to_string()))
                .with("fixes_due", Param::Date(fixes.date.to_string()))
                .basis(r.basis.clone()),
        );
    }
}

#[cfg(all(test, schema))]
mod tests {
    use super::*;

    #[test]
    fn result_types_have_json_schemas() {
        let report = serde_json::to_value(schemars::schema_for!(DeadlinesReport)).unwrap();
        let text = report.to_string();
        for field in [
            "registered_on",
            "fixes_due",
            "basis",
            "basis_text",
            "findings",
            "severity",
        ] {
            assert!(text.contains(field), "{field} missing in {text}");
        }
        let day = serde_json::to_value(schemars::schema_for!(crate::calendar::DayReport)).unwrap();
        assert!(day.to_string().contains("transfer_working"));
        let query = serde_json::to_value(schemars::schema_for!(DeadlineQuery)).unwrap();
        assert_eq!(
            query["required"],
            serde_json::json!(["service", "action", "category", "submitted_at"])
        );
    }
}
