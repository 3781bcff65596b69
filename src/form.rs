//! The fields of the application blank of an edition (`data/forms.json`): which
//! are required, on which channels, and the РНН's structure.
//!
//! Only the editions whose seeds contain the blank are listed — Karaganda 2013
//! (000 App.3) and Almaty oblast 2012 (002 PR App.1); the others refer to forms
//! not in the seeds, so nothing is checked there. A required field left empty
//! is `form.field_missing` at its path; the РНН (Karaganda's blank asks for it
//! next to the ИИН/БИН) must be 12 digits — its check digit is not checked: no
//! authoritative description of it was found (`data/forms.json`, `rnn`).

use crate::findings::{Basis, Findings, Param};
use crate::model::{Action, Application, Channel, Service};
use crate::Context;

include!(concat!(env!("OUT_DIR"), "/codes_form.rs"));

/// A field of an application blank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The name of the production object (`/object/name`).
    ObjectName,
    /// The applicant's legal address or an individual's residence (`/applicant/address`).
    Address,
    /// Contact telephones, fax (`/applicant/phone`).
    Phone,
    /// The category of nature use, written as the hazard class (`/object/hazard_class`).
    HazardClass,
    /// The nature user's account number (`/object/account_number`).
    AccountNumber,
    /// The taxpayer registration number, РНН (`/applicant/rnn`).
    Rnn,
    /// The proposed conditions of nature use (`/proposed_conditions`).
    ProposedConditions,
    /// The list of enclosed documents (`/enclosures`).
    Enclosures,
    /// Paper filing: the full name of the head (or the individual) who signs (`/signatory`).
    Signatory,
}

impl Field {
    /// The field's id (as in `data/forms.json` and the `field` param).
    pub fn id(self) -> &'static str {
        match self {
            Field::ObjectName => "object_name",
            Field::Address => "address",
            Field::Phone => "phone",
            Field::HazardClass => "hazard_class",
            Field::AccountNumber => "account_number",
            Field::Rnn => "rnn",
            Field::ProposedConditions => "proposed_conditions",
            Field::Enclosures => "enclosures",
            Field::Signatory => "signatory",
        }
    }

    /// The model struct and the JSON key it is (`("Applicant", "rnn")`): the
    /// field's label is the application field's own (`field` in
    /// `data/messages/terms.json`).
    pub fn key(self) -> (&'static str, &'static str) {
        match self {
            Field::ObjectName => ("ProductionObject", "name"),
            Field::Address => ("Applicant", "address"),
            Field::Phone => ("Applicant", "phone"),
            Field::HazardClass => ("ProductionObject", "hazard_class"),
            Field::AccountNumber => ("ProductionObject", "account_number"),
            Field::Rnn => ("Applicant", "rnn"),
            Field::ProposedConditions => ("Application", "proposed_conditions"),
            Field::Enclosures => ("Application", "enclosures"),
            Field::Signatory => ("Application", "signatory"),
        }
    }

    /// Its JSON Pointer in the application.
    pub fn path(self) -> &'static str {
        match self {
            Field::ObjectName => "/object/name",
            Field::Address => "/applicant/address",
            Field::Phone => "/applicant/phone",
            Field::HazardClass => "/object/hazard_class",
            Field::AccountNumber => "/object/account_number",
            Field::Rnn => "/applicant/rnn",
            Field::ProposedConditions => "/proposed_conditions",
            Field::Enclosures => "/enclosures",
            Field::Signatory => "/signatory",
        }
    }

    /// Its value in `app`, if given.
    fn value(self, app: &Application) -> Option<&str> {
        let object = app.object.as_ref();
        let applicant = app.applicant.as_ref();
        match self {
            Field::ObjectName => object.and_then(|o| o.name.as_deref()),
            Field::Address => applicant.and_then(|a| a.address.as_deref()),
            Field::Phone => applicant.and_then(|a| a.phone.as_deref()),
            Field::HazardClass => object.and_then(|o| o.hazard_class.as_deref()),
            Field::AccountNumber => object.and_then(|o| o.account_number.as_deref()),
            Field::Rnn => applicant.and_then(|a| a.rnn.as_deref()),
            Field::ProposedConditions => app.proposed_conditions.as_deref(),
            Field::Enclosures => app.enclosures.as_deref(),
            Field::Signatory => app.signatory.as_deref(),
        }
    }
}

/// One field of a blank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormField {
    /// The field.
    pub field: Field,
    /// Must be filled.
    pub required: bool,
    /// The channels it belongs to (empty: every channel).
    pub channels: &'static [Channel],
}

/// The application blank of some editions for a service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Form {
    /// The editions.
    pub editions: &'static [&'static str],
    /// The service.
    pub service: Service,
    /// The actions it serves.
    pub actions: &'static [Action],
    /// The blank's clause, e.g. `App.3`.
    pub clause: &'static str,
    /// Its fields.
    pub fields: &'static [FormField],
}

include!(concat!(env!("OUT_DIR"), "/forms.rs"));

/// The blank of `edition` for `service` and `action`, if the seeds contain it.
pub fn form(edition: &str, service: Service, action: Action) -> Option<&'static Form> {
    FORMS.iter().find(|f| {
        f.service == service && f.actions.contains(&action) && f.editions.contains(&edition)
    })
}

/// Whether `text` has the structure of a РНН: 12 digits (spaces between groups
/// allowed). The check digit is not checked (unverified).
///
/// ```
/// use kz_eco_rules::form::rnn_structure_ok;
/// assert!(rnn_structure_ok("600900114104"));
/// assert!(rnn_structure_ok("6009 0011 4104"));
/// assert!(!rnn_structure_ok("60090011410"));
/// assert!(!rnn_structure_ok("6009001141O4"));
/// ```
pub fn rnn_structure_ok(text: &str) -> bool {
    let t = crate::text::trim(text);
    t.chars().all(|c| c.is_ascii_digit() || c == ' ')
        && t.chars().filter(char::is_ascii_digit).count() == RNN_DIGITS
}

/// The form checks of an application.
pub fn check_application(cx: &Context<'_>, findings: &mut Findings) {
    let app = cx.app;
    let (Some(edition), Some(service), Some(action), Some(channel)) =
        (cx.edition, app.service, app.action, app.channel)
    else {
        return;
    };
    let Some(form) = form(edition.id, service, action) else {
        return;
    };
    let basis = || Basis::new(edition.id, form.clause);
    for f in form.fields {
        if !f.channels.is_empty() && !f.channels.contains(&channel) {
            continue;
        }
        let field = f.field;
        let path = field.path();
        match field.value(app).map(str::trim) {
            None | Some("") if f.required && !cx.input_failed(path) && !parent_failed(cx, path) => {
                findings.push(
                    finding::field_missing(path, Param::field(field.key().0, field.key().1))
                        .basis(basis()),
                );
            }
            None | Some("") => {}
            Some(v) if field == Field::Rnn && !v.is_empty() && !rnn_structure_ok(v) => {
                findings.push(finding::rnn_invalid(path, v).basis(basis()));
            }
            _ => {}
        }
    }
}

/// True when reading failed at a parent of `path` (e.g. `/applicant`).
fn parent_failed(cx: &Context<'_>, path: &str) -> bool {
    path.match_indices('/')
        .skip(1)
        .any(|(i, _)| path.get(..i).is_some_and(|p| cx.input_failed(p)))
}
