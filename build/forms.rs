//! `data/forms.json` → the fields of the application blanks per edition and
//! service (`forms.rs`).
//!
//! Checked: every edition exists, every service, action, channel and field is a
//! known value, no field twice in a form, no (edition, service, action) twice.

use std::fmt::Write as _;

use serde::Deserialize;

use crate::gen::{self, lit, Problems, Registry, Text};

const SERVICES: &[(&str, &str)] = &[
    ("emission_permit", "Service::EmissionPermit"),
    ("ecological_expertise", "Service::EcologicalExpertise"),
];
const ACTIONS: &[(&str, &str)] = &[
    ("issue", "Action::Issue"),
    ("reissue", "Action::Reissue"),
    ("first", "Action::First"),
    ("repeat", "Action::Repeat"),
];
const CHANNELS: &[(&str, &str)] = &[
    ("portal", "Channel::Portal"),
    ("in_person", "Channel::InPerson"),
];
const FIELDS: &[(&str, &str)] = &[
    ("object_name", "Field::ObjectName"),
    ("address", "Field::Address"),
    ("phone", "Field::Phone"),
    ("hazard_class", "Field::HazardClass"),
    ("account_number", "Field::AccountNumber"),
    ("rnn", "Field::Rnn"),
    ("proposed_conditions", "Field::ProposedConditions"),
    ("enclosures", "Field::Enclosures"),
    ("signatory", "Field::Signatory"),
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FormsFile {
    #[allow(dead_code)]
    note: Text,
    rnn: Rnn,
    forms: Vec<FormIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Rnn {
    digits: usize,
    /// `unverified`: no authoritative check-digit algorithm was found.
    check_digit: Text,
    #[allow(dead_code)]
    note: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FormIn {
    editions: Vec<Text>,
    service: Text,
    actions: Vec<Text>,
    clause: Text,
    fields: Vec<FieldIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FieldIn {
    field: Text,
    required: bool,
    #[serde(default)]
    channels: Vec<Text>,
    #[allow(dead_code)]
    note: Option<Text>,
}

fn variant(
    table: &[(&str, &'static str)],
    name: &str,
    what: &str,
    place: &str,
    p: &mut Problems,
) -> Option<&'static str> {
    let found = table.iter().find(|(n, _)| *n == name).map(|(_, v)| *v);
    if found.is_none() {
        p.add(place, format!("unknown {what} {name:?}"));
    }
    found
}

pub fn generate(p: &mut Problems) -> String {
    let path = "data/forms.json";
    let registry = Registry::load(p);
    let mut out = String::new();
    let Some(file) = gen::load::<FormsFile>(path, p) else {
        return "pub(crate) static FORMS: &[Form] = &[];\npub(crate) const RNN_DIGITS: usize = 12;\n".into();
    };
    if &*file.rnn.check_digit != "unverified" {
        p.add(
            &format!("{path}: /rnn/check_digit"),
            "only \"unverified\" is implemented",
        );
    }
    let _ = writeln!(
        out,
        "/// Digits of a РНН.\npub(crate) const RNN_DIGITS: usize = {};",
        file.rnn.digits
    );
    out.push_str("/// The application blanks.\npub(crate) static FORMS: &[Form] = &[\n");
    let mut seen: Vec<(String, String, String)> = Vec::new();
    for (i, f) in file.forms.iter().enumerate() {
        let place = format!("{path}: /forms/{i}");
        let Some(service) = variant(SERVICES, &f.service, "service", &place, p) else {
            continue;
        };
        let mut actions = Vec::new();
        for a in &f.actions {
            actions.extend(variant(ACTIONS, a, "action", &place, p));
            for e in &f.editions {
                let key = (e.to_string(), f.service.to_string(), a.to_string());
                if seen.contains(&key) {
                    p.add(
                        &place,
                        format!("{} / {} / {} given twice", &**e, &*f.service, &**a),
                    );
                }
                seen.push(key);
            }
        }
        for e in &f.editions {
            if !registry.editions.iter().any(|x| x.id == **e) {
                p.add(&place, format!("unknown edition {:?}", &**e));
            }
        }
        let mut fields = Vec::new();
        let mut names: Vec<&str> = Vec::new();
        for (j, fd) in f.fields.iter().enumerate() {
            let fp = format!("{place}/fields/{j}");
            if names.contains(&&*fd.field) {
                p.add(&fp, format!("field {} twice", &*fd.field));
            }
            names.push(&fd.field);
            let Some(field) = variant(FIELDS, &fd.field, "field", &fp, p) else {
                continue;
            };
            let channels: Vec<&str> = fd
                .channels
                .iter()
                .filter_map(|c| variant(CHANNELS, c, "channel", &fp, p))
                .collect();
            fields.push(format!(
                "FormField {{ field: {field}, required: {}, channels: &[{}] }}",
                fd.required,
                channels.join(", ")
            ));
        }
        let _ = writeln!(
            out,
            "    Form {{ editions: &[{}], service: {service}, actions: &[{}], clause: {}, fields: &[{}] }},",
            f.editions.iter().map(|e| lit(e)).collect::<Vec<_>>().join(", "),
            actions.join(", "),
            lit(&f.clause),
            fields.join(", "),
        );
    }
    out.push_str("];\n");
    out
}
