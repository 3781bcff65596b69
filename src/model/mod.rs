//! The application model: what an applicant submits, as typed Rust values.
//!
//! Every struct here is declared once with [`model_struct!`], which derives serde
//! (the JSON shape), `schemars::JsonSchema` (feature `schema`; the JSON Schema of the
//! payload) and [`FromValue`] (the lenient reader that reports a wrong type,
//! missing or unknown field at its JSON Pointer path). All fields are `Option`s:
//! an application being typed is incomplete by nature, and whether a value is
//! needed is decided by the rules (e.g. tables are optional for category IV).
//! Fields marked `[required]` are reported as `input.missing_field` when absent.
//!
//! Leaf values keep what the applicant typed — [`Amount`] is the text of a number,
//! [`IsoDate`] the text of a date — and are parsed by the domain modules, which
//! report what does not parse at the cell's path.
//!
//! ```
//! use kz_eco_rules::model::{Application, Service};
//! let json = r#"{"service": "emission_permit", "category": "II", "colour": "red"}"#;
//! let (app, findings) = Application::from_json_str(json);
//! assert_eq!(app.service, Some(Service::EmissionPermit));
//! let codes: Vec<&str> = findings.as_slice().iter().map(|f| f.code).collect();
//! assert!(codes.contains(&"input.unknown_field"));   // /colour
//! assert!(codes.contains(&"input.missing_field"));   // /applicant, /action, /channel
//! ```

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::findings::Findings;
use crate::input::{FailedPaths, FromValue, Limits, Reader, Value};

mod tables;

pub use tables::*;

/// Declares a model struct: every field is an `Option`, serialized only when set.
/// `[required]` after a field's type makes its absence an `input.missing_field`.
macro_rules! model_struct {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $(
                $(#[$fmeta:meta])*
                $field:ident : $ty:ty $([$req:ident])?
            ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(schema, derive(schemars::JsonSchema))]
        #[cfg_attr(schema, schemars(transform = $name::mark_required))]
        pub struct $name {
            $(
                $(#[$fmeta])*
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub $field: Option<$ty>,
            )*
        }

        impl $name {
            /// Field names with whether each is required, in declaration order.
            pub const FIELDS: &'static [(&'static str, bool)] =
                &[$((stringify!($field), model_struct!(@required $($req)?))),*];

            const NAMES: &'static [&'static str] = &[$(stringify!($field)),*];

            /// Reads the fields of an object's `entries`.
            fn read_fields(
                entries: &[$crate::input::Entry<'_>],
                r: &mut $crate::input::Reader<'_>,
            ) -> Self {
                $name {
                    $($field: r.field(entries, stringify!($name), stringify!($field), model_struct!(@required $($req)?)),)*
                }
            }

            #[cfg(schema)]
            fn mark_required(schema: &mut schemars::Schema) {
                $crate::model::mark_required(schema, Self::FIELDS);
            }
        }

        impl $crate::input::FromValue for $name {
            fn from_value(
                value: &$crate::input::Value,
                r: &mut $crate::input::Reader<'_>,
            ) -> Option<Self> {
                let entries = r.object(value, $name::NAMES)?;
                Some($name::read_fields(entries, r))
            }

            fn item_from_value(
                value: &$crate::input::Value,
                r: &mut $crate::input::Reader<'_>,
            ) -> Self {
                match r.object(value, $name::NAMES) {
                    Some(entries) => $name::read_fields(entries, r),
                    None => $name::default(),
                }
            }
        }
    };
    (@required required) => { true };
    (@required) => { false };
}

/// Declares a closed set of string values (serialized as the given text).
macro_rules! model_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident $(: $term:ident)? {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(schema, derive(schemars::JsonSchema))]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $text)] $variant ),+
        }

        impl $name {
            /// Every value.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The JSON text of every value.
            pub const NAMES: &'static [&'static str] = &[$($text),+];
            /// The kind of terms naming the values in messages (none: shown as
            /// they are).
            pub const TERM: Option<$crate::findings::TermKind> =
                model_enum!(@term $($term)?);

            /// The JSON text of this value.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// The value with JSON text `s`.
            pub fn parse(s: &str) -> Option<Self> {
                match s { $($text => Some($name::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl $crate::input::FromValue for $name {
            fn from_value(
                value: &$crate::input::Value,
                r: &mut $crate::input::Reader<'_>,
            ) -> Option<Self> {
                let i = r.one_of(value, Self::NAMES, Self::TERM)?;
                Self::ALL.get(i).copied()
            }
        }
    };
    (@term $term:ident) => { Some($crate::findings::TermKind::$term) };
    (@term) => { None };
}

pub(crate) use model_struct;

/// Lists the required fields in a generated object schema and drops `null` from
/// their types (an absent or null required field is an `input.missing_field`).
#[cfg(schema)]
pub(crate) fn mark_required(schema: &mut schemars::Schema, fields: &[(&str, bool)]) {
    use serde_json::Value;
    let required: Vec<&str> = fields
        .iter()
        .filter(|(_, req)| *req)
        .map(|(n, _)| *n)
        .collect();
    if required.is_empty() {
        return;
    }
    if let Some(Value::Object(props)) = schema.get_mut("properties") {
        for name in &required {
            let Some(Value::Object(prop)) = props.get_mut(*name) else {
                continue;
            };
            if let Some(Value::Array(alts)) = prop.get_mut("anyOf") {
                alts.retain(|a| a.get("type") != Some(&Value::String("null".into())));
                if alts.len() == 1 {
                    if let Some(only) = alts.pop() {
                        prop.remove("anyOf");
                        if let Value::Object(o) = only {
                            prop.extend(o);
                        }
                    }
                }
            } else if let Some(Value::Array(types)) = prop.get_mut("type") {
                types.retain(|t| t != "null");
                if let [single] = types.as_slice() {
                    let single = single.clone();
                    prop.insert("type".to_owned(), single);
                }
            }
        }
    }
    let list = required
        .iter()
        .map(|n| Value::String((*n).to_owned()))
        .collect();
    schema.insert("required".to_owned(), Value::Array(list));
}

model_enum! {
    /// The e-service applied for.
    pub enum Service: Service {
        /// Permit for emissions into the environment (ru «разрешение на эмиссии»),
        /// Ecological Code of 2007.
        EmissionPermit = "emission_permit",
        /// State ecological expertise conclusion (ru «заключение ГЭЭ»).
        EcologicalExpertise = "ecological_expertise",
        /// Environmental permit for impact (ru «экологическое разрешение на
        /// воздействие»), category II, Ecological Code of 2021 art. 120–124.
        EnvironmentalPermit = "environmental_permit",
        /// Declaration of impact on the environment (ru «декларация о воздействии на
        /// окружающую среду»), category III, Ecological Code of 2021 art. 110.
        ImpactDeclaration = "impact_declaration",
    }
}

model_enum! {
    /// What is asked of the service: `issue` / `reissue` for permits, `issue` for
    /// a declaration, `first` / `repeat` for expertise.
    pub enum Action: Action {
        /// First issue of a permit.
        Issue = "issue",
        /// Re-issue (переоформление) of a permit.
        Reissue = "reissue",
        /// First expertise of a project.
        First = "first",
        /// Repeat expertise (повторная экспертиза).
        Repeat = "repeat",
    }
}

impl Action {
    /// The actions that exist for `service`.
    pub fn for_service(service: Service) -> &'static [Action] {
        match service {
            Service::EmissionPermit | Service::EnvironmentalPermit => {
                &[Action::Issue, Action::Reissue]
            }
            Service::EcologicalExpertise => &[Action::First, Action::Repeat],
            Service::ImpactDeclaration => &[Action::Issue],
        }
    }
}

model_enum! {
    /// Category of the object (Ecological Code 2007 art. 40/71; Ecological Code
    /// 2021 art. 12).
    #[allow(clippy::upper_case_acronyms)]
    pub enum Category {
        /// Category I (Ecological Code 2021 art. 12: a complex permit, outside
        /// these services).
        I = "I",
        /// Category II.
        II = "II",
        /// Category III.
        III = "III",
        /// Category IV.
        IV = "IV",
    }
}

model_enum! {
    /// How the application is filed.
    pub enum Channel: Channel {
        /// The e-government / e-licensing portal, signed with the applicant's EDS.
        Portal = "portal",
        /// Paper documents handed in at the provider's office or a ЦОН.
        InPerson = "in_person",
    }
}

model_enum! {
    /// In person: where the paper documents are handed in, where an edition
    /// distinguishes the two (the 2013 e-regulations: the provider's office and a
    /// ЦОН for the permit, the office only for expertise).
    pub enum Venue {
        /// The provider's office (канцелярия услугодателя).
        ProviderOffice = "provider_office",
        /// A public service centre (ЦОН / ХҚКО).
        Con = "con",
    }
}

model_enum! {
    /// Who applies: an individual (ИИН) or a legal entity (БИН).
    pub enum ApplicantKind: ApplicantKind {
        /// An individual, including an individual entrepreneur (identified by ИИН).
        Individual = "individual",
        /// A legal entity, its branch or representative office (identified by БИН).
        LegalEntity = "legal_entity",
    }
}

/// A number as the applicant typed it: `"12.5"`, `"12,5"`, `"1 234,5"`, or a JSON
/// number (kept as its shortest decimal text). Parsed by the emissions module,
/// which reports what does not parse at the cell's path.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Amount(pub String);

impl Amount {
    /// The text as typed.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Amount {
    fn from(s: &str) -> Self {
        Amount(s.to_owned())
    }
}

impl<'de> Deserialize<'de> for Amount {
    /// Accepts a string or a number, like the reader.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Amount;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number or a string holding a number")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Amount, E> {
                Ok(Amount(v.to_owned()))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Amount, E> {
                crate::input::number_text(v)
                    .map(Amount)
                    .ok_or_else(|| E::custom("not a finite number"))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Amount, E> {
                self.visit_f64(v as f64)
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Amount, E> {
                self.visit_f64(v as f64)
            }
        }
        d.deserialize_any(V)
    }
}

impl FromValue for Amount {
    fn from_value(value: &Value, r: &mut Reader<'_>) -> Option<Self> {
        match value {
            Value::String(s) => Some(Amount(s.to_string())),
            Value::Number(n) => match crate::input::number_text(*n) {
                Some(text) => Some(Amount(text)),
                None => {
                    // NaN / Infinity from JavaScript: keep the word so the decimal
                    // parser reports it as "not a number" at this cell.
                    Some(Amount(value.kind().to_owned()))
                }
            },
            other => {
                r.wrong_type("number or string", other);
                None
            }
        }
    }
}

#[cfg(schema)]
impl schemars::JsonSchema for Amount {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Amount".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A non-negative decimal as typed: a JSON number or a string such as \"12.5\", \"12,5\" or \"1 234,5\".",
            "type": ["string", "number"]
        })
    }
}

/// Declares a newtype over the text of an ISO 8601 value.
macro_rules! iso_text {
    ($(#[$meta:meta])* $name:ident, $format:literal) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// The text as given.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                $name(s.to_owned())
            }
        }

        impl FromValue for $name {
            fn from_value(value: &Value, r: &mut Reader<'_>) -> Option<Self> {
                match value {
                    Value::String(s) => Some($name(s.to_string())),
                    other => {
                        r.wrong_type("string", other);
                        None
                    }
                }
            }
        }

        #[cfg(schema)]
        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({ "type": "string", "format": $format })
            }
        }
    };
}

iso_text!(
    /// A civil date as text, `YYYY-MM-DD`.
    IsoDate,
    "date"
);
iso_text!(
    /// A date and time with UTC offset as text, e.g. `2019-10-04T17:30:00+06:00`.
    IsoDateTime,
    "date-time"
);

/// Yes/no answers used by conditional rules (`in_water_protection_zone`, …), in
/// input order; an absent or `null` answer means "not answered". Serialized as a
/// JSON object.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts(pub Vec<(String, bool)>);

impl Facts {
    /// The answer to `name`, if given.
    pub fn get(&self, name: &str) -> Option<bool> {
        self.0
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| *v)
    }

    /// Sets the answer to `name`.
    pub fn set(&mut self, name: &str, value: bool) {
        match self.0.iter_mut().find(|(n, _)| n == name) {
            Some(entry) => entry.1 = value,
            None => self.0.push((name.to_owned(), value)),
        }
    }
}

impl<const N: usize> From<[(&str, bool); N]> for Facts {
    fn from(pairs: [(&str, bool); N]) -> Self {
        let mut facts = Facts::default();
        for (name, value) in pairs {
            facts.set(name, value);
        }
        facts
    }
}

impl Serialize for Facts {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Facts {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Facts;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of true/false answers")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut m: A) -> Result<Facts, A::Error> {
                let mut facts = Facts::default();
                while let Some((k, v)) = m.next_entry::<String, Option<bool>>()? {
                    if let Some(v) = v {
                        facts.set(&k, v);
                    }
                }
                Ok(facts)
            }
        }
        d.deserialize_map(V)
    }
}

impl FromValue for Facts {
    /// An object of `true`/`false`; `null` means "not answered" and is skipped. A
    /// repeated fact is warned about and its last answer counts, as in the
    /// JavaScript object `JSON.parse` makes of the text.
    fn from_value(value: &Value, r: &mut Reader<'_>) -> Option<Self> {
        let Value::Object(entries) = value else {
            r.wrong_type("object", value);
            return None;
        };
        r.duplicate_keys(entries);
        let mut facts = Facts::default();
        for (key, v) in crate::input::last_wins(entries) {
            match v {
                Value::Null => {}
                Value::Bool(b) => facts.set(key, *b),
                other => {
                    let mark = r.push_key(key);
                    r.wrong_type("boolean", other);
                    r.truncate(mark);
                }
            }
        }
        Some(facts)
    }
}

#[cfg(schema)]
impl schemars::JsonSchema for Facts {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Facts".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Yes/no answers used by conditional rules; null or absent = not answered.",
            "type": "object",
            "additionalProperties": { "type": ["boolean", "null"] }
        })
    }
}

model_struct! {
    /// An application to one of the e-services, as submitted.
    pub struct Application {
        /// Who applies.
        applicant: Applicant [required],
        /// Which e-service.
        service: Service [required],
        /// `issue` / `reissue` (permits), `issue` (declaration) or `first` / `repeat`
        /// (expertise).
        action: Action [required],
        /// Category of the object: I, II, III or IV.
        category: Category [required],
        /// `portal` or `in_person`.
        channel: Channel [required],
        /// In person: `provider_office` or `con` (a ЦОН), where the paper documents
        /// are handed in; checked against the venues the edition names.
        venue: Venue,
        /// Region of the service provider (e.g. `almaty_city`); with `submitted_at`
        /// it selects the regulation edition.
        region: String,
        /// Explicit regulation edition id (e.g. `almaty_city_2019`); overrides the
        /// selection by region and date.
        edition: String,
        /// When the application is submitted: ISO 8601 with UTC offset.
        submitted_at: IsoDateTime,
        /// The application itself is signed with the applicant's EDS (ЭЦП).
        eds_signed: bool,
        /// The registration certificate of the EDS the application is signed with,
        /// as the portal knows it.
        eds: EdsCertificate,
        /// The production object the application is for.
        object: ProductionObject,
        /// The proposed conditions of nature use (the blank's closing part).
        proposed_conditions: String,
        /// The list of enclosed documents as written on the blank (section 4).
        enclosures: String,
        /// Paper filing: the full name of the head of the enterprise (or the
        /// individual) who signs the application.
        signatory: String,
        /// Yes/no answers used by conditional document rules.
        facts: Facts,
        /// Attached documents.
        documents: Vec<AttachedDocument>,
        /// Table 1: industrial sites.
        industrial_sites: Vec<IndustrialSite>,
        /// Table 2: air pollutant emissions, per year.
        air_emissions: AirEmissions,
        /// Table 3: discharges with waste water, per year.
        discharges: Discharges,
        /// Table 4: waste placement, per year.
        waste: Waste,
        /// Table 5: sulfur placement, per year.
        sulfur: Sulfur,
        /// The permit with its per-year limit appendices (re-issue, or a draft).
        permit: Permit,
        /// Progress of an expertise: remarks and the applicant's fixes.
        expertise: ExpertiseProgress,
        /// The contents of a declaration of impact (Ecological Code 2021 art. 110
        /// p. 3); required for `impact_declaration`.
        declaration: Declaration,
        /// A permit for emissions issued under the Ecological Code of 2007 that the
        /// application refers to (its fate is set by art. 418 p. 8–10 of the 2021
        /// Code).
        old_permit: OldPermit,
        /// Re-issue after a change of the operator of the object: the day the
        /// operator changed (alienation, transfer, reorganisation), `YYYY-MM-DD`;
        /// the new operator files within the edition's term (2021 Code art. 107
        /// p. 2: 10 working days).
        operator_changed_on: IsoDate,
    }
}

model_struct! {
    /// The contents of a declaration of impact on the environment (Ecological
    /// Code 2021 art. 110 p. 3). The applicant's name, БИН/ИИН and address
    /// (subp. 1) are those of `applicant`, the object's name (subp. 2) that of
    /// `object`.
    pub struct Declaration {
        /// Organisational and legal form of a legal entity (subp. 1), e.g. «ТОО».
        legal_form: String,
        /// Short description of the object (subp. 2).
        object_description: String,
        /// Main activity (subp. 3).
        main_activity: String,
        /// Kinds and volume of products, works or services (subp. 3).
        products: String,
        /// Declared emissions of pollutants, one row per substance (subp. 4).
        emissions: Vec<DeclaredEmission>,
        /// Kinds and amounts of waste: generated, accumulated, transferred to
        /// waste management organisations (subp. 4).
        waste: Vec<DeclaredWaste>,
        /// For planned activity: the positive state ecological expertise
        /// conclusion (subp. 5).
        expertise_conclusion: ConclusionRef,
    }
}

model_struct! {
    /// One declared pollutant.
    pub struct DeclaredEmission {
        /// Substance code, if any.
        code: String,
        /// Substance name.
        name: String [required],
        /// Declared amount, tonnes per year.
        t_per_year: Amount [required],
    }
}

model_struct! {
    /// One kind of waste with its amounts (tonnes per year).
    pub struct DeclaredWaste {
        /// Waste code, if any.
        code: String,
        /// Kind of waste.
        name: String [required],
        /// Generated.
        generated: Amount,
        /// Accumulated.
        accumulated: Amount,
        /// Transferred to waste management organisations.
        transferred: Amount,
    }
}

model_struct! {
    /// A conclusion or permit referred to by number and date.
    pub struct ConclusionRef {
        /// Its number.
        number: String [required],
        /// Day of issue.
        issued_on: IsoDate [required],
    }
}

model_struct! {
    /// A permit for emissions issued under the Ecological Code of 2007.
    pub struct OldPermit {
        /// Its number.
        number: String,
        /// Day of issue.
        issued_on: IsoDate,
        /// Last day of validity as written in it.
        valid_until: IsoDate,
    }
}

model_struct! {
    /// The signer's EDS registration certificate (регистрационное свидетельство
    /// ЭЦП): whose it is and when it is valid. An employee's certificate names the
    /// employee's ИИН and the legal entity's БИН.
    pub struct EdsCertificate {
        /// The ИИН of the person the certificate was issued to.
        subject_iin: String,
        /// The БИН of the legal entity, for an employee's certificate.
        subject_bin: String,
        /// Start of validity: ISO 8601 date-time with offset, or a date.
        valid_from: String,
        /// End of validity: ISO 8601 date-time with offset, or a date (valid through
        /// that day).
        valid_until: String,
        /// The certificate is on the list of revoked (annulled) certificates.
        revoked: bool,
    }
}

model_struct! {
    /// The applicant.
    pub struct Applicant {
        /// Name of the nature user (organisation or individual).
        name: String [required],
        /// `individual` or `legal_entity`.
        kind: ApplicantKind [required],
        /// ИИН (individuals) or БИН (legal entities): 12 digits, as text.
        iin_bin: String [required],
        /// Legal address, or residential address of an individual.
        address: String,
        /// Contact telephones, fax.
        phone: String,
        /// The taxpayer registration number (РНН), where the blank asks for it
        /// (Karaganda 2013, 000 App.3): 12 digits.
        rnn: String,
    }
}

model_struct! {
    /// The production object the application is for (seed 000 App.3, section 1).
    pub struct ProductionObject {
        /// Name of the production object.
        name: String,
        /// Hazard class of the production object, as written (A-24).
        hazard_class: String,
        /// Nature user's account number, if one was assigned.
        account_number: String,
    }
}

model_struct! {
    /// One attached document.
    pub struct AttachedDocument {
        /// Document id from the rule data (e.g. `env_protection_action_plan`).
        id: String [required],
        /// Date of issue.
        issued_on: IsoDate,
        /// Last day of validity, if the document expires.
        valid_until: IsoDate,
        /// Signed with the applicant's EDS.
        eds_signed: bool,
        /// A notarised copy.
        notarised: bool,
        /// An electronic scanned copy.
        scanned: bool,
    }
}

model_struct! {
    /// Progress of the review after submission (acceptance, remarks and fixes) —
    /// of an expertise, or of a permit under the 2021 Code (art. 123).
    pub struct ExpertiseProgress {
        /// Day the application was accepted for review (2021 Code art. 123 p. 3:
        /// the remarks period runs from it).
        accepted_on: IsoDate,
        /// Day the reasoned remarks were sent to the applicant.
        remarks_sent_on: IsoDate,
        /// Day the applicant submitted the fixed documents.
        fixes_submitted_on: IsoDate,
    }
}

impl Application {
    /// Reads an application from a value tree, reporting every input problem at
    /// its path. Also returns the paths where a value was dropped.
    pub fn from_value(value: &Value, findings: &mut Findings) -> (Application, FailedPaths) {
        let mut reader = Reader::new(findings);
        // The application, or the empty one when `value` is not an object.
        let app = <Application as FromValue>::item_from_value(value, &mut reader);
        (app, reader.into_failed_paths())
    }

    /// Reads an application from JSON text; malformed JSON gives a single
    /// `input.malformed_json` finding and an empty application.
    pub fn from_json_str(text: &str) -> (Application, Findings) {
        let mut findings = Findings::default();
        let app = match Value::from_json_str(text, &Limits::default()) {
            Ok(v) => Application::from_value(&v, &mut findings).0,
            Err(e) => {
                findings.push(e.to_finding());
                Application::default()
            }
        };
        (app, findings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test(unsupported = test)]
    fn terms_cover_every_model_value() {
        use crate::findings::catalog::term;
        use crate::findings::Lang;
        use crate::input::JsonError as J;
        for lang in Lang::ALL {
            for e in [
                J::UnexpectedEnd,
                J::UnexpectedCharacter,
                J::TrailingCharacters,
                J::InvalidNumber,
                J::InvalidEscape,
                J::ControlCharacter,
                J::ExpectedColon,
                J::ExpectedCommaOrEnd,
                J::KeyMustBeString,
            ] {
                assert!(term("json_error", e.id(), lang).is_some(), "{}", e.id());
            }
            for s in Service::NAMES {
                assert!(term("service", s, lang).is_some(), "{s}");
            }
            for a in Action::NAMES {
                assert!(term("action", a, lang).is_some(), "{a}");
            }
            for c in Channel::NAMES {
                assert!(term("channel", c, lang).is_some(), "{c}");
            }
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn enums_round_trip_their_names() {
        for s in Service::ALL {
            assert_eq!(Service::parse(s.as_str()), Some(*s));
        }
        assert_eq!(Category::parse("III"), Some(Category::III));
        assert_eq!(Category::parse("3"), None);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn wrong_enum_value_lists_the_allowed_ones() {
        let (_, f) = Application::from_json_str(r#"{"category": "V"}"#);
        let bad = f.as_slice().iter().find(|x| x.path == "/category").unwrap();
        assert_eq!(bad.code, "input.unknown_value");
        assert_eq!(
            bad.params.get("allowed"),
            Some(&crate::findings::Param::List(vec![
                "I".into(),
                "II".into(),
                "III".into(),
                "IV".into()
            ]))
        );
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn amounts_keep_text_and_read_numbers_as_shortest_decimal() {
        let (app, f) = Application::from_json_str(
            r#"{"waste": {"years": [{"year": 2025, "items": [
                {"name": "Зола", "normative": "1 234,5", "requested": 0.1, "actual": true}]}]}}"#,
        );
        let years = app.waste.unwrap().years.unwrap();
        let item = &years[0].items.as_ref().unwrap()[0];
        assert_eq!(item.normative, Some(Amount::from("1 234,5")));
        assert_eq!(item.requested, Some(Amount::from("0.1")));
        assert_eq!(item.actual, None);
        let bad = f
            .as_slice()
            .iter()
            .find(|x| x.code == "input.wrong_type")
            .unwrap();
        assert_eq!(bad.path, "/waste/years/0/items/0/actual");
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn amount_deserializes_from_numbers_and_strings_with_serde() {
        let a: Amount = serde_json::from_str("12.50").unwrap();
        assert_eq!(a.as_str(), "12.5");
        let a: Amount = serde_json::from_str("\"12,50\"").unwrap();
        assert_eq!(a.as_str(), "12,50");
    }
}
