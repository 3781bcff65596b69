//! ИИН / БИН: the applicant's 12-digit identification number, read into typed
//! values with the exact reason when it is not valid.
//!
//! Every applicant has one (the regulations define them and require them, e.g.
//! `aktobe_2013 PR §6.7, §17.2`; `karaganda_2013 §6.3, §6.7`, which check the number in
//! the request against the signer's certificate): an **ИИН**
//! (individual identification number, kk ЖСН) for an individual, including an
//! individual entrepreneur working on his own; a **БИН** (business identification
//! number, kk БСН) for a legal entity, its branch or representative office, and
//! an individual entrepreneur in joint entrepreneurship (ИП(С)). The seeds define
//! the numbers but not their structure; that comes from the national standard
//! (the rules for forming identification numbers under the 2007 law on national
//! registers of identification numbers, Government Decree No. 406 of 22 May 2007)
//! as public implementations read it.
//!
//! # The rules
//!
//! 12 ASCII digits. Surrounding whitespace is trimmed; spaces or dashes between
//! the digits, full-width and other non-ASCII digits, letters and a wrong length
//! are reasons of their own ([`Reason`]).
//!
//! | digits | ИИН | БИН |
//! |---|---|---|
//! | 1–2 | year of birth (last two digits) | year of registration (90–99 → 1990s, 00–89 → 2000–2089) |
//! | 3–4 | month of birth | month of registration |
//! | 5–6 | day of birth (so the 5th digit is 0–3) | 5th: type — 4 resident legal entity, 5 non-resident legal entity, 6 ИП(С); 6th: attribute — 0 head office, 1 branch, 2 representative office, 3 peasant (farm) enterprise in joint entrepreneurship, 4 farm holding (2023 rules) |
//! | 7 | century and sex: 1/2 male/female born 1800–1899 (the standard's XIX century), 3/4 1900–1999, 5/6 2000–2099 | serial number (7–11) |
//! | 8–11 | serial number | |
//! | 12 | check digit | check digit |
//!
//! The 5th digit tells the two apart ([`parse_identifier`]); 7–9 there is neither.
//! The birth date must exist in the century of the 7th digit (so `000229` is a
//! valid date for a 2000 birth, `5` in the 7th place, and not for 1900, `3`).
//! Check digit ([`check_digit`]): Σ dᵢ·wᵢ mod 11 over the first 11 digits with
//! weights 1, 2, …, 11; if that is 10, again with weights 3, 4, …, 11, 1, 2; if
//! that is 10 too, no 12th digit makes the number valid ([`Reason::Uncheckable`]).
//!
//! The sources of this structure, the public implementations it was checked
//! against, and the choices where they differ (the 7th digit 0 and 7–9, БИН
//! attribute 4, the БИН year pivot): DESIGN.md, "ИИН / БИН".
//!
//! # Where the answers go
//!
//! [`check_application`] checks the applicant's number against the applicant's
//! kind and the submission date; [`Verdict`] is the one-line answer of the
//! `kz-eco-rules id` command and of the JavaScript `validateIdentifier(s)`.

mod parse;
mod rules;
mod verdict;

use std::fmt;

use serde::Serialize;

use crate::calendar::Date;

pub use parse::{check_digit, is_valid_identifier, parse_bin, parse_identifier, parse_iin, Reason};
pub use rules::check_application;
pub use verdict::{BinFields, Fields, IinFields, NoFields, Verdict};

// The finding codes (`pub const`s and `CODES`), generated from
// `data/messages/ident.json` by `build/messages.rs`.
include!(concat!(env!("OUT_DIR"), "/codes_ident.rs"));

/// Which identifier a number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(schema, derive(schemars::JsonSchema))]
#[cfg_attr(schema, schemars(rename = "IdentifierKind"))]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// ИИН (ЖСН): an individual.
    Iin,
    /// БИН (БСН): a legal entity, branch, representative office or ИП(С).
    Bin,
}

impl Kind {
    /// Both kinds.
    pub const ALL: [Kind; 2] = [Kind::Iin, Kind::Bin];

    /// Its id in JSON (`iin`, `bin`).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Iin => "iin",
            Kind::Bin => "bin",
        }
    }
}

/// Sex, from the 7th digit of an ИИН (odd: male, even: female).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(schema, derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Sex {
    /// Male.
    Male,
    /// Female.
    Female,
}

impl Sex {
    /// Both sexes.
    pub const ALL: [Sex; 2] = [Sex::Male, Sex::Female];

    /// Its id in JSON (`male`, `female`).
    pub fn as_str(self) -> &'static str {
        match self {
            Sex::Male => "male",
            Sex::Female => "female",
        }
    }
}

/// The 5th digit of a БИН.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(schema, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EntityType {
    /// 4: a resident legal entity.
    ResidentLegalEntity,
    /// 5: a non-resident legal entity.
    NonResidentLegalEntity,
    /// 6: an individual entrepreneur in joint entrepreneurship (ИП(С)).
    JointIndividualEntrepreneurship,
}

impl EntityType {
    /// Every type, in digit order.
    pub const ALL: [EntityType; 3] = [
        EntityType::ResidentLegalEntity,
        EntityType::NonResidentLegalEntity,
        EntityType::JointIndividualEntrepreneurship,
    ];

    /// The type of digit `d` (4–6).
    pub fn from_digit(d: u8) -> Option<EntityType> {
        // `ALL` is in digit order from 4 (a test checks `digit()` against it).
        Self::ALL.get(usize::from(d.checked_sub(4)?)).copied()
    }

    /// Its digit.
    pub fn digit(self) -> u8 {
        match self {
            EntityType::ResidentLegalEntity => 4,
            EntityType::NonResidentLegalEntity => 5,
            EntityType::JointIndividualEntrepreneurship => 6,
        }
    }

    /// Its id in JSON (`resident_legal_entity`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::ResidentLegalEntity => "resident_legal_entity",
            EntityType::NonResidentLegalEntity => "non_resident_legal_entity",
            EntityType::JointIndividualEntrepreneurship => "joint_individual_entrepreneurship",
        }
    }
}

/// The 6th digit of a БИН: which unit of the entity the number belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(schema, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Attribute {
    /// 0: the head office (головное подразделение) of a legal entity or ИП(С).
    HeadOffice,
    /// 1: a branch.
    Branch,
    /// 2: a representative office.
    RepresentativeOffice,
    /// 3: a peasant (farm) enterprise working on the basis of joint entrepreneurship
    /// (the digit of the 2007 rules).
    PeasantFarm,
    /// 4: a peasant (farm) holding under the 2023 rules for forming БИН (see the
    /// module docs: reported, not verified against the order itself).
    FarmHolding,
}

impl Attribute {
    /// Every attribute, in digit order.
    pub const ALL: [Attribute; 5] = [
        Attribute::HeadOffice,
        Attribute::Branch,
        Attribute::RepresentativeOffice,
        Attribute::PeasantFarm,
        Attribute::FarmHolding,
    ];

    /// The attribute of digit `d` (0–4).
    pub fn from_digit(d: u8) -> Option<Attribute> {
        // `ALL` is in digit order from 0 (a test checks `digit()` against it).
        Self::ALL.get(usize::from(d)).copied()
    }

    /// Its digit.
    pub fn digit(self) -> u8 {
        match self {
            Attribute::HeadOffice => 0,
            Attribute::Branch => 1,
            Attribute::RepresentativeOffice => 2,
            Attribute::PeasantFarm => 3,
            Attribute::FarmHolding => 4,
        }
    }

    /// Its id in JSON (`head_office`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Attribute::HeadOffice => "head_office",
            Attribute::Branch => "branch",
            Attribute::RepresentativeOffice => "representative_office",
            Attribute::PeasantFarm => "peasant_farm",
            Attribute::FarmHolding => "farm_holding",
        }
    }
}

/// A month of a year (a БИН's registration), written `YYYY-MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    year: u16,
    month: u8,
}

impl YearMonth {
    /// The month, if `month` is 1–12.
    pub fn new(year: u16, month: u8) -> Option<YearMonth> {
        (1..=12)
            .contains(&month)
            .then_some(YearMonth { year, month })
    }

    /// The month of a date.
    pub fn of(date: Date) -> YearMonth {
        YearMonth {
            year: u16::try_from(date.year()).unwrap_or(0),
            month: u8::try_from(date.month()).unwrap_or(0),
        }
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }
}

impl YearMonth {
    /// `YYYY-MM`, as `to_string()` (without core's formatting in the wasm).
    pub fn iso(self) -> String {
        crate::text::iso_date(self.year.into(), self.month.into(), None)
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

/// A valid ИИН with the facts it carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Iin {
    number: [u8; 12],
    birth_date: Date,
    sex: Sex,
    century: u8,
}

impl Iin {
    /// The ИИН of a person born on `birth_date` (1800–2099) of `sex`, with serial
    /// number `serial` (its last four digits) and the check digit these call for.
    ///
    /// ```
    /// use kz_eco_rules::{calendar::Date, ident::{Iin, Sex}};
    /// let iin = Iin::from_parts(Date::new(1987, 10, 8).unwrap(), Sex::Female, 142).unwrap();
    /// assert_eq!(iin.as_str(), "871008401427");
    /// ```
    pub fn from_parts(birth_date: Date, sex: Sex, serial: u16) -> Result<Iin, Reason> {
        parse::build_iin(birth_date, sex, serial)
    }

    /// The 12 digits.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.number).unwrap_or("")
    }

    /// Date of birth.
    pub fn birth_date(&self) -> Date {
        self.birth_date
    }

    /// Sex.
    pub fn sex(&self) -> Sex {
        self.sex
    }

    /// Century of birth as the standard counts it: 19 (1800–1899), 20
    /// (1900–1999) or 21 (2000–2099).
    pub fn century(&self) -> u8 {
        self.century
    }

    /// The serial number (digits 8–11).
    pub fn serial(&self) -> u16 {
        digits_value(self.number.get(7..11))
    }
}

/// A valid БИН with the facts it carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Bin {
    number: [u8; 12],
    registered: YearMonth,
    entity_type: EntityType,
    attribute: Attribute,
}

impl Bin {
    /// The БИН registered in `registered` (1990–2089) for `entity_type` and
    /// `attribute`, with serial number `serial` (its last five digits) and the
    /// check digit these call for.
    ///
    /// ```
    /// use kz_eco_rules::ident::{Attribute, Bin, EntityType, YearMonth};
    /// let ym = YearMonth::new(1994, 1).unwrap();
    /// let bin = Bin::from_parts(ym, EntityType::ResidentLegalEntity, Attribute::HeadOffice, 38).unwrap();
    /// assert_eq!(bin.as_str(), "940140000385");
    /// ```
    pub fn from_parts(
        registered: YearMonth,
        entity_type: EntityType,
        attribute: Attribute,
        serial: u32,
    ) -> Result<Bin, Reason> {
        parse::build_bin(registered, entity_type, attribute, serial)
    }

    /// The 12 digits.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.number).unwrap_or("")
    }

    /// Month of (re-)registration.
    pub fn registered(&self) -> YearMonth {
        self.registered
    }

    /// Type of entity (5th digit).
    pub fn entity_type(&self) -> EntityType {
        self.entity_type
    }

    /// Which unit (6th digit).
    pub fn attribute(&self) -> Attribute {
        self.attribute
    }

    /// The serial number (digits 7–11).
    pub fn serial(&self) -> u32 {
        u32::from(digits_value(self.number.get(6..7))) * 10_000
            + u32::from(digits_value(self.number.get(7..11)))
    }
}

/// The value of up to four ASCII digits (0 when absent).
fn digits_value(ascii: Option<&[u8]>) -> u16 {
    ascii
        .unwrap_or_default()
        .iter()
        .fold(0, |acc, b| acc * 10 + u16::from(b.saturating_sub(b'0')))
}

/// A valid ИИН or БИН.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Identifier {
    /// An ИИН.
    Iin(Iin),
    /// A БИН.
    Bin(Bin),
}

impl Identifier {
    /// Which one it is.
    pub fn kind(&self) -> Kind {
        match self {
            Identifier::Iin(_) => Kind::Iin,
            Identifier::Bin(_) => Kind::Bin,
        }
    }

    /// The 12 digits.
    pub fn as_str(&self) -> &str {
        match self {
            Identifier::Iin(i) => i.as_str(),
            Identifier::Bin(b) => b.as_str(),
        }
    }
}
