//! The checklist of one case: every document of the list with its status under
//! the given answers, its attributes and its basis.

use serde::Serialize;

use super::data::{self, Attributes, Cond, Fact, List, Reading, Rule};
use crate::calendar::Date;
use crate::editions;
use crate::findings::catalog::{self, Localized};
use crate::findings::{Basis, Counts, Finding, Findings, Lang, Param, Pointer, TermKind};
use crate::input::{InputError, Reader, Value};
use crate::model::{model_struct, Action, Category, Channel, Facts, IsoDate, Service, Venue};
use crate::Options;

/// Whether a document is needed under the answers given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(schema, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Needed.
    Required,
    /// Needed or not depending on a fact not answered yet (`fact`).
    Conditional,
    /// Not needed under the answers given.
    NotApplicable,
}

/// One line of a checklist.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(schema, derive(schemars::JsonSchema))]
pub struct Item {
    /// Document id.
    pub id: &'static str,
    /// Document name in kk/ru/en.
    pub names: Localized,
    /// Required, conditional or not applicable.
    pub status: Status,
    /// For a conditional document, the unanswered fact that decides it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fact: Option<&'static str>,
    /// The question asking for `fact`, in kk/ru/en, so a form can offer it as a
    /// yes/no input.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<Localized>,
    /// How the document must be presented.
    pub attributes: Attributes,
    /// Where the requirement comes from, e.g. `almaty_oblast_2012 PR §11.2.1`; for
    /// a derived list `<edition> <its clause> → <source edition> <clause>`.
    pub basis: String,
    /// `basis` cited in the report's language («п. 11.2.1 Регламента …»), as a
    /// finding's `basis_text`; `None` until the checklist is answered in a language
    /// ([`Checklist::cite`]).
    pub basis_text: Option<String>,
}

/// The documents of one case: edition × service × action × category × channel.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(schema, derive(schemars::JsonSchema))]
pub struct Checklist {
    /// The edition the list belongs to.
    pub edition: &'static str,
    /// The service (as asked; not serialized).
    #[serde(skip)]
    pub service: Service,
    /// The action (as asked; not serialized).
    #[serde(skip)]
    pub action: Action,
    /// The category (as asked; not serialized).
    #[serde(skip)]
    pub category: Category,
    /// The channel (as asked; not serialized).
    #[serde(skip)]
    pub channel: Channel,
    /// For a list the edition only refers to, the list it takes
    /// (`almaty_oblast_2012 PR §11.2.1`).
    pub derived_from: Option<String>,
    /// `derived_from` cited in the report's language («п. 11.2.1 Регламента
    /// государственной услуги …»); `None` for a list of the edition's own, or
    /// until the checklist is answered in a language ([`Checklist::cite`]).
    pub derived_from_text: Option<String>,
    /// True when the list is provisional and unverified (Order 301 point 9).
    pub unverified: bool,
    /// In person: where paper documents are handed in (`provider_office`, `con`).
    pub venues: &'static [&'static str],
    /// Facts naming the objects of expertise, of which at least one must be
    /// answered "yes" (A-12); empty for permits.
    pub at_least_one_of: &'static [&'static str],
    /// The documents, in the order of the regulation.
    pub items: Vec<Item>,
}

impl Checklist {
    /// The ids of the required documents.
    pub fn required(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.items
            .iter()
            .filter(|i| i.status == Status::Required)
            .map(|i| i.id)
    }

    /// Fills the citations (`basis_text`, `derived_from_text`) in `lang`, as the
    /// report does for findings.
    ///
    /// ```
    /// use kz_eco_rules::documents::{required_documents, Query};
    /// use kz_eco_rules::findings::Findings;
    /// use kz_eco_rules::model::{Action, Category, Channel, Service};
    /// use kz_eco_rules::Lang;
    /// let q = Query {
    ///     edition: Some("almaty_oblast_2012"), region: None, date: None,
    ///     service: Service::EmissionPermit, action: Action::Issue,
    ///     category: Category::IV, channel: Channel::Portal, venue: None, facts: None,
    /// };
    /// let mut list = required_documents(&q, &mut Findings::default()).unwrap();
    /// list.cite(Lang::Ru);
    /// assert!(list.items[0].basis_text.as_deref().unwrap().starts_with("п. 11.2.3 Регламента"));
    /// ```
    pub fn cite(&mut self, lang: Lang) {
        let text = |basis: &str| catalog::citation(basis, lang).unwrap_or_else(|| basis.to_owned());
        self.derived_from_text = self.derived_from.as_deref().map(text);
        for item in &mut self.items {
            item.basis_text = Some(text(&item.basis));
        }
    }
}

/// A case to list the documents of (the Rust form of [`ChecklistQuery`]).
#[derive(Debug, Clone, Copy)]
pub struct Query<'a> {
    /// Explicit edition id.
    pub edition: Option<&'a str>,
    /// Region id (with `date`, selects the edition).
    pub region: Option<&'a str>,
    /// Submission date.
    pub date: Option<Date>,
    /// The service.
    pub service: Service,
    /// The action.
    pub action: Action,
    /// The category.
    pub category: Category,
    /// The channel.
    pub channel: Channel,
    /// In person: where the paper documents are handed in, checked against the
    /// venues the edition names (`documents.venue_not_offered`).
    pub venue: Option<Venue>,
    /// Answers to the facts the conditions use.
    pub facts: Option<&'a Facts>,
}

model_struct! {
    /// A case to list the documents of, as JSON (`kz-eco-rules documents --jsonl`,
    /// `requiredDocuments` in JavaScript).
    pub struct ChecklistQuery {
        /// Explicit edition id, e.g. `almaty_city_2019`.
        edition: String,
        /// Region id; with `date` it selects the edition.
        region: String,
        /// Submission date, `YYYY-MM-DD`.
        date: IsoDate,
        /// The service.
        service: Service [required],
        /// The action.
        action: Action [required],
        /// Category II, III or IV.
        category: Category [required],
        /// `portal` or `in_person`.
        channel: Channel [required],
        /// In person: where the paper documents are handed in (`provider_office`
        /// or `con`, a ЦОН); an edition that names only the office for the case
        /// (the 2013 Aktobe expertise) reports a ЦОН. Not given on the portal.
        venue: Venue,
        /// Answers to the facts the conditions use.
        facts: Facts,
    }
}

/// The answers a condition is evaluated against.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Answers<'a> {
    /// The `facts` given.
    pub facts: Option<&'a Facts>,
    /// From the applicant's kind, when known (wins over `facts`).
    pub legal_entity: Option<bool>,
    /// From table 4 of an application: filled or not (wins over `facts`).
    pub waste_placement: Option<bool>,
    /// The readings chosen (`options.documents.readings`).
    pub readings: &'a [&'static str],
}

impl Answers<'_> {
    /// The answer to `fact`: given, known from the application, or the default.
    pub fn get(&self, fact: &Fact) -> Option<bool> {
        if fact.id == super::APPLICANT_IS_LEGAL_ENTITY && self.legal_entity.is_some() {
            return self.legal_entity;
        }
        if fact.id == super::PERMIT_COVERS_WASTE_PLACEMENT && self.waste_placement.is_some() {
            return self.waste_placement;
        }
        self.facts.and_then(|f| f.get(fact.id)).or(fact.default)
    }
}

/// Three-valued truth; `Unknown` carries the first unanswered fact that matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Truth {
    Yes,
    No,
    Unknown(&'static Fact),
}

fn eval(cond: &'static Cond, answers: &Answers<'_>) -> Truth {
    match cond {
        Cond::Always => Truth::Yes,
        Cond::Fact(f) => match answers.get(f) {
            Some(true) => Truth::Yes,
            Some(false) => Truth::No,
            None => Truth::Unknown(f),
        },
        Cond::Not(c) => match eval(c, answers) {
            Truth::Yes => Truth::No,
            Truth::No => Truth::Yes,
            unknown => unknown,
        },
        Cond::All(cs) => combine(cs, answers, Truth::No),
        Cond::Any(cs) => combine(cs, answers, Truth::Yes),
    }
}

/// `all` (decisive = No) or `any` (decisive = Yes) of `conds`.
fn combine(conds: &'static [Cond], answers: &Answers<'_>, decisive: Truth) -> Truth {
    let mut unknown = None;
    for c in conds {
        match eval(c, answers) {
            t if t == decisive => return decisive,
            Truth::Unknown(f) => unknown = unknown.or(Some(f)),
            _ => {}
        }
    }
    match (unknown, decisive) {
        (Some(f), _) => Truth::Unknown(f),
        (None, Truth::No) => Truth::Yes,
        (None, _) => Truth::No,
    }
}

/// One rule of a list under the answers.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Evaluated {
    pub rule: &'static Rule,
    pub status: Status,
    pub fact: Option<&'static Fact>,
    /// The reading whose condition was used instead of the literal one.
    pub reading: Option<&'static Reading>,
}

/// The rules of `list` for `action` under `answers`.
pub(crate) fn evaluate(list: &List, action: Action, answers: &Answers<'_>) -> Vec<Evaluated> {
    let mut out = Vec::new();
    for rule in list.rules_for(action) {
        let reading = rule
            .reading
            .as_ref()
            .filter(|r| answers.readings.contains(&r.id));
        let (status, fact) = match eval(reading.map_or(rule.when, |r| r.when), answers) {
            Truth::Yes => (Status::Required, None),
            Truth::No => (Status::NotApplicable, None),
            Truth::Unknown(f) => (Status::Conditional, Some(f)),
        };
        out.push(Evaluated {
            rule,
            status,
            fact,
            reading,
        });
    }
    out
}

/// The citation of `clause` of `list`'s source: the clause itself for a seed
/// list; `<list clause> → <source edition> <clause>` for a derived one.
fn clause_text(list: &List, clause: &str) -> String {
    let mut text = String::new();
    if let Some(src) = list.source {
        text.push_str(list.provisions.clause);
        text.push_str(" → ");
        text.push_str(src.edition);
        text.push(' ');
    }
    text.push_str(clause);
    text
}

/// The basis of `clause` of `list`'s source (see [`Item::basis`]).
pub(crate) fn cite(list: &List, clause: &str) -> Basis {
    Basis::new(list.edition, clause_text(list, clause))
}

/// Says why a document the literal list names is not required under a chosen
/// reading (A-18: the registration certificate from legal entities only).
pub(crate) fn explain_readings(list: &List, evaluated: &[Evaluated], findings: &mut Findings) {
    for e in evaluated {
        if e.reading.is_some() && e.status == super::Status::NotApplicable {
            let basis = cite_rule(list, e.rule);
            findings.push(
                super::finding::only_from_legal_entities(
                    "/documents",
                    Param::Term(TermKind::Document, e.rule.document.id.to_owned()),
                    Param::Cite(basis.machine()),
                )
                .basis(basis),
            );
        }
    }
}

/// The basis of `rule` of `list`: its statute's clause when it has one (a
/// document the Code adds to the list), else [`cite`].
pub(crate) fn cite_rule(list: &List, rule: &Rule) -> Basis {
    match rule.source {
        Some(statute) => Basis::new(statute, rule.clause),
        None => cite(list, rule.clause),
    }
}

/// The basis of a list-level requirement (`refusal`, `signature`, `expiry`).
pub(crate) fn list_basis(list: &List, clause: &'static str) -> Basis {
    Basis::new(list.edition, clause)
}

/// The attributes of a rule in `list` (the list's expiry rule adds
/// [`Attributes::VALID_ON_SUBMISSION`]).
pub(crate) fn attributes(
    list: &List,
    rule: &Rule,
    action: Action,
    category: Category,
) -> Attributes {
    let expiry = match list.provisions.expiry_for(action, category) {
        None => 0,
        Some(_) => Attributes::VALID_ON_SUBMISSION,
    };
    Attributes(rule.attributes.0 | expiry)
}

/// Builds the checklist of `list` from its evaluated rules.
fn checklist(
    list: &'static List,
    action: Action,
    category: Category,
    evaluated: &[Evaluated],
) -> Checklist {
    let items = evaluated
        .iter()
        .map(|e| Item {
            id: e.rule.document.id,
            names: e.rule.document.names(),
            status: e.status,
            fact: e.fact.map(|f| f.id),
            question: e.fact.map(|f| f.question()),
            attributes: attributes(list, e.rule, action, category),
            basis: cite_rule(list, e.rule).machine(),
            basis_text: None,
        })
        .collect();
    Checklist {
        edition: list.edition,
        service: list.service,
        action,
        category,
        channel: list.channel,
        derived_from: list.source.map(|s| {
            let mut text = String::from(s.edition);
            text.push(' ');
            text.push_str(s.clause);
            text
        }),
        derived_from_text: None,
        unverified: list.provisions.unverified,
        venues: list.provisions.venues,
        at_least_one_of: list.at_least_one_of,
        items,
    }
}

/// Asks (warning at `/facts/<fact>`) for every unanswered fact that decides a
/// document not attached yet; `skip(path)` tells paths already reported.
pub(crate) fn ask_questions(
    evaluated: &[Evaluated],
    attached: &dyn Fn(&str) -> bool,
    skip: &dyn Fn(&str) -> bool,
    findings: &mut Findings,
) {
    let mut asked: Vec<&'static str> = Vec::new();
    for e in evaluated {
        let Some(fact) = e.fact else { continue };
        if asked.contains(&fact.id) || attached(e.rule.document.id) {
            continue;
        }
        asked.push(fact.id);
        let path = Pointer::root().key("facts").key(fact.id);
        if skip(path.as_str()) || skip("/facts") {
            continue;
        }
        let open = evaluated
            .iter()
            .filter(|o| o.fact.is_some_and(|f| f.id == fact.id) && !attached(o.rule.document.id))
            .count();
        findings.push(super::finding::fact_unanswered(
            path.as_str(),
            Param::Term(TermKind::Fact, fact.id.to_owned()),
            Param::Term(TermKind::Document, e.rule.document.id.to_owned()),
            open,
        ));
    }
}

/// In person, `venue` must be one the edition names for `list` (the 2013 Aktobe
/// expertise: the provider's office, no ЦОН); on the portal there is none.
/// Reported at `/venue` of an application or a [`ChecklistQuery`].
pub(crate) fn check_venue(
    list: &List,
    channel: Channel,
    venue: Option<Venue>,
    findings: &mut Findings,
) {
    let Some(venue) = venue else {
        return;
    };
    match channel {
        Channel::Portal => findings.push(super::finding::venue_on_portal("/venue")),
        Channel::InPerson if !list.provisions.venues.contains(&venue.as_str()) => findings.push(
            super::finding::venue_not_offered(
                "/venue",
                Param::Term(TermKind::Channel, venue.as_str().to_owned()),
                Param::Term(TermKind::Edition, list.edition.to_owned()),
            )
            .basis(list_basis(list, venue_clause(list))),
        ),
        Channel::InPerson => {}
    }
}

/// The clause naming where the paper documents of `list` are handed in.
fn venue_clause(list: &List) -> &'static str {
    match list.provisions.venue_clause {
        "" => list.provisions.clause,
        clause => clause,
    }
}

/// Reports, at `/facts`, when every object of expertise is answered "no" (A-12).
pub(crate) fn check_objects(list: &List, answers: &Answers<'_>, findings: &mut Findings) {
    if !list.at_least_one_of.is_empty()
        && list
            .at_least_one_of
            .iter()
            .all(|id| data::fact(id).and_then(|f| answers.get(f)) == Some(false))
    {
        findings.push(super::finding::no_object_of_expertise("/facts").basis(cite(
            list,
            list.source.map_or(list.provisions.clause, |s| s.clause),
        )));
    }
}

/// The checklist of a case. The edition is the explicit one, or the region's
/// edition on `date`; what cannot be decided is reported in `findings` (paths of
/// a [`ChecklistQuery`]: `/edition`, `/region`, `/date`, `/facts/<fact>`).
///
/// ```
/// use kz_eco_rules::documents::{required_documents, Query, Status};
/// use kz_eco_rules::findings::Findings;
/// use kz_eco_rules::model::{Action, Category, Channel, Service};
/// let q = Query {
///     edition: Some("almaty_oblast_2012"), region: None, date: None,
///     service: Service::EmissionPermit, action: Action::Issue,
///     category: Category::IV, channel: Channel::Portal, venue: None, facts: None,
/// };
/// let mut findings = Findings::default();
/// let list = required_documents(&q, &mut findings).unwrap();
/// let ids: Vec<&str> = list.required().collect();
/// assert_eq!(ids, ["permit_application", "emission_standards_justified"]);
/// assert_eq!(list.items[0].basis, "almaty_oblast_2012 PR §11.2.3");
/// assert!(findings.is_empty());
/// ```
pub fn required_documents(query: &Query<'_>, findings: &mut Findings) -> Option<Checklist> {
    checklist_for(query, &|_| false, &[], findings)
}

/// [`required_documents`] under the `readings` chosen, asking no question at a
/// path in `reported`.
fn checklist_for(
    query: &Query<'_>,
    reported: &dyn Fn(&str) -> bool,
    readings: &[&'static str],
    findings: &mut Findings,
) -> Option<Checklist> {
    let mut selecting = Findings::default();
    let edition = editions::select(
        &editions::Query {
            edition: query.edition,
            region: query.region,
            date: query.date,
        },
        &mut selecting,
    );
    let (mut items, _) = selecting.into_parts();
    for f in &mut items {
        if f.path == "/submitted_at" {
            "/date".clone_into(&mut f.path);
        }
    }
    findings.extend(items);
    let edition = edition?;
    editions::check_offer(
        edition,
        Some(query.service),
        Some(query.category),
        Some(query.action),
        Some(query.channel),
        findings,
    );
    let list = data::list(
        edition.id,
        query.service,
        query.action,
        query.category,
        query.channel,
    )?;
    let answers = Answers {
        facts: query.facts,
        legal_entity: None,
        waste_placement: None,
        readings,
    };
    let evaluated = evaluate(list, query.action, &answers);
    check_venue(list, query.channel, query.venue, findings);
    check_objects(list, &answers, findings);
    ask_questions(&evaluated, &|_| false, reported, findings);
    explain_readings(list, &evaluated, findings);
    Some(checklist(list, query.action, query.category, &evaluated))
}

/// The answer to a [`ChecklistQuery`]: the report of what could not be decided
/// (`ok`, `lang`, `edition`, `counts`, `findings`, as for an application) and the
/// checklist, if one could be made.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(schema, derive(schemars::JsonSchema))]
pub struct ChecklistReport {
    /// True when no finding is an error.
    pub ok: bool,
    /// Language of the messages.
    pub lang: Lang,
    /// The edition of the checklist, if any.
    pub edition: Option<String>,
    /// Findings per severity.
    pub counts: Counts,
    /// Findings about the query, with messages.
    pub findings: Vec<Finding>,
    /// The checklist.
    pub checklist: Option<Checklist>,
}

impl ChecklistReport {
    fn new(findings: Findings, mut checklist: Option<Checklist>, options: &Options) -> Self {
        if let Some(c) = &mut checklist {
            c.cite(options.lang);
        }
        let report = findings.render_worded(options.lang, &options.severity, &options.messages);
        ChecklistReport {
            ok: report.ok(),
            lang: options.lang,
            edition: checklist.as_ref().map(|c| c.edition.to_owned()),
            counts: report.counts,
            findings: report.findings,
            checklist,
        }
    }

    /// The report for a query that could not be read at all.
    pub fn unreadable(error: &InputError, options: &Options) -> ChecklistReport {
        let mut findings = Findings::default();
        findings.push(error.to_finding());
        ChecklistReport::new(findings, None, options)
    }
}

/// Answers a query given as a value tree (what the JSON Lines command and the
/// JavaScript `requiredDocuments` read).
pub fn checklist_value(value: &Value, options: &Options) -> ChecklistReport {
    let mut findings = Findings::default();
    let (query, failed) = {
        let mut reader = Reader::new(&mut findings);
        let query = <ChecklistQuery as crate::input::FromValue>::from_value(value, &mut reader);
        (query, reader.into_failed_paths())
    };
    let mut checklist = None;
    if let Some(q) = &query {
        let date = q
            .date
            .as_ref()
            .and_then(|d| match Date::parse_iso(d.as_str()) {
                Ok(date) => Some(date),
                Err(_) => {
                    findings.push(super::finding::invalid_date("/date", d.as_str()));
                    None
                }
            });
        if let (Some(service), Some(action), Some(category), Some(channel)) =
            (q.service, q.action, q.category, q.channel)
        {
            let rust = Query {
                edition: q.edition.as_deref(),
                region: q.region.as_deref(),
                date,
                service,
                action,
                category,
                channel,
                venue: q.venue,
                facts: q.facts.as_ref(),
            };
            checklist = checklist_for(
                &rust,
                &|path| failed.contains(path),
                &options.documents.readings,
                &mut findings,
            );
        }
    }
    ChecklistReport::new(findings, checklist, options)
}

/// Answers a query given as JSON text; text that is not JSON gives a report with
/// a single `input.malformed_json` error.
pub fn checklist_json(text: &str, options: &Options) -> ChecklistReport {
    match Value::from_json_str(text, &options.limits) {
        Ok(v) => checklist_value(&v, options),
        Err(e) => ChecklistReport::unreadable(&e, options),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn f(id: &str) -> Cond {
        Cond::Fact(data::fact(id).unwrap())
    }

    fn leak(c: Cond) -> &'static Cond {
        Box::leak(Box::new(c))
    }

    fn all(cs: Vec<Cond>) -> Cond {
        Cond::All(Box::leak(cs.into_boxed_slice()))
    }

    fn any(cs: Vec<Cond>) -> Cond {
        Cond::Any(Box::leak(cs.into_boxed_slice()))
    }

    fn truth(c: &'static Cond, facts: &Facts) -> Result<bool, &'static str> {
        let answers = Answers {
            facts: Some(facts),
            legal_entity: None,
            waste_placement: None,
            readings: &[],
        };
        match eval(c, &answers) {
            Truth::Yes => Ok(true),
            Truth::No => Ok(false),
            Truth::Unknown(f) => Err(f.id),
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn three_valued_logic_names_the_first_open_fact() {
        let (a, b, c) = (
            "uses_groundwater",
            "in_water_protection_zone",
            "object_is_npa_draft",
        );
        let both = leak(all(vec![f(a), any(vec![f(b), f(c)])]));
        assert_eq!(truth(both, &Facts::default()), Err(a));
        assert_eq!(truth(both, &Facts::from([(a, true)])), Err(b));
        assert_eq!(truth(both, &Facts::from([(a, true), (c, true)])), Ok(true));
        // A decisive answer wins over an open one, wherever it stands.
        assert_eq!(
            truth(both, &Facts::from([(c, false), (b, false)])),
            Ok(false)
        );
        assert_eq!(
            truth(both, &Facts::from([(a, true), (b, false), (c, false)])),
            Ok(false)
        );
        let not = leak(Cond::Not(leak(f(b))));
        assert_eq!(truth(not, &Facts::default()), Err(b));
        assert_eq!(truth(not, &Facts::from([(b, false)])), Ok(true));
        assert_eq!(truth(leak(Cond::Always), &Facts::default()), Ok(true));
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn defaults_and_the_applicant_kind_answer_facts() {
        let neg = data::fact("may_negatively_impact_environment").unwrap();
        let legal = data::fact(super::super::APPLICANT_IS_LEGAL_ENTITY).unwrap();
        let none = Answers {
            facts: None,
            legal_entity: None,
            waste_placement: None,
            readings: &[],
        };
        assert_eq!(none.get(neg), Some(true), "A-15 default");
        assert_eq!(none.get(legal), None);
        let given = Facts::from([(legal.id, true), (neg.id, false)]);
        let kind = Answers {
            facts: Some(&given),
            legal_entity: Some(false),
            waste_placement: None,
            readings: &[],
        };
        assert_eq!(kind.get(legal), Some(false), "the applicant's kind wins");
        assert_eq!(kind.get(neg), Some(false));
    }

    #[cfg(schema)]
    #[test]
    fn the_checklist_has_a_json_schema() {
        let schema = serde_json::to_value(schemars::schema_for!(Checklist)).unwrap();
        let props = &schema["properties"];
        for key in [
            "edition",
            "derived_from",
            "derived_from_text",
            "unverified",
            "venues",
            "at_least_one_of",
            "items",
        ] {
            assert!(props.get(key).is_some(), "{key}");
        }
        assert!(
            props.get("service").is_none(),
            "not serialized, not in the schema"
        );
        let text = schema.to_string();
        assert!(
            text.contains("not_applicable") && text.contains("notarised_unless_original_shown")
        );
    }
}
