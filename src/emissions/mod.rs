//! Emission tables 1–5 of the application and the permit's limit appendices 1–4,
//! checked in exact decimal arithmetic.
//!
//! The forms are those of seed 000 App.3 (Karaganda 2013: the application blank
//! with tables 1–5 and the permit blank with appendices 1–5) and seed 002 PR App.1
//! (Almaty oblast 2012: the application blank, whose table 3 also has g/h); the
//! model is [`crate::model::AirEmissions`] and its siblings. Numbers are read as
//! typed ([`number`]) into fixed-point values ([`decimal`]); the engine
//! (`grid.rs`) walks every table the same way. Recomputed totals are returned
//! as data ([`Summary`]) so a form can fill its total rows itself.
//!
//! # Checks
//!
//! "Form" means the blank's own structure: a row labelled "Total, including by
//! sites" is by definition the sum of the site rows, a column headed "20__" holds a
//! year of this century. Citations: `<edition> <clause>`; the blank is cited as
//! `almaty_oblast_2012 PR App.1 T<n>` under that edition and as `karaganda_2013
//! App.3 T<n>` otherwise (Aktobe 2013 and Almaty city 2019 print no forms; both
//! refer to the same ministerial blanks, order 94-ө). `eco_code_2007` is the
//! Ecological Code of 09.01.2007.
//! **\[rec\]** marks a check the seeds do not state; those are warnings, as the
//! digest asks, except where noted.
//!
//! Every code, with its severity, what it reports and its basis, is in the
//! reference `docs/checks.md` (generated from `data/messages/emissions.json`).
//!
//! Category IV permits are issued without a time limit from 28.04.2016 (Eco Code
//! 2007 art. 76 as amended): for category IV submitted (or, with
//! no submission time, under an edition in force) from that day, the five-year
//! checks are skipped.
//!
//! Why some severities differ from the rules digest, and the other readings of the
//! forms: DESIGN.md, "Emission tables".
//!
//! # Totals and the rounding tolerance
//!
//! A declared total is compared with the **exact** sum of its rows as typed; no
//! sum is ever rounded. Every entry is taken to be rounded to the places it is
//! written with, so a total `T` with `t` decimals and parts `pᵢ` with `dᵢ`
//! decimals agree when
//!
//! `|T − Σ pᵢ| ≤ ½·10⁻ᵗ + Σ ½·10⁻ᵈⁱ`
//!
//! — the interval of true totals consistent with rounding every entry to nearest:
//! three rows of 4 places may differ from a 4-place total by 0,0002, never by
//! 0,0003 (tested in `grid.rs`; why this tolerance: DESIGN.md). A zero (`0`,
//! `0,0`, `0.000`) is exact and adds nothing.
//!
//! Site and total rows are checked on the exact sums of their rows (requested ≤
//! normative, actual ≤ requested, capacity), unless a row below already reported
//! the same relation; the capacity check's one slack rule and its years are in
//! `grid.rs` (`exceeds_rate`) and DESIGN.md.
//!
//! A wrong cell is reported once, where it can be located: a site row that
//! disagrees with its substances is reported at the site row; the total is then
//! reported only if it disagrees both with the exact sum of all substances and with
//! the sum of the declared site rows. So one wrong total or site cell gives exactly
//! one finding at its path; one wrong substance cell gives one finding at its
//! site row (arithmetic alone cannot tell which substance is wrong).
//! Rows with an empty or invalid part are not compared (that cell is reported).
//!
//! # Input limits
//!
//! - Each number's text: at most [`number::MAX_TEXT_LEN`] bytes (longer →
//!   `invalid_number`); values at most 10¹² with at most 12 decimals.
//! - Each table (application or permit): at most [`MAX_TABLE_ROWS`] substance /
//!   item rows, and at most as many year blocks + site / outlet groups; beyond
//!   either, one `too_many_rows` error and the table is skipped.
//! - Substance names and codes compared for duplicates: at most
//!   [`MAX_NAME_LEN`] characters (`text_too_long`).
//! - The reader bounds the rest: strings ≤ 65 536 characters, arrays ≤ 100 000 items, the
//!   whole input ≤ 2 000 000 values ([`crate::input::Limits`]).
//!
//! All work is linear in the number of rows (duplicate detection sorts the keys
//! of one group, O(n log n)), and every sum fits `i128` by construction.

pub mod boundary;
pub mod decimal;
mod grid;
pub mod number;
mod permit;
mod sites;
mod tables;
mod years;

use serde::Serialize;

use crate::findings::{Basis, Finding, Findings};
use crate::model::{Action, Category, Service};
use crate::Context;

pub(crate) use grid::number_finding;
pub use grid::MAX_NAME_LEN;
pub use years::{MAX_YEARS, YEAR_RANGE};

use grid::{Spec, YearIn, YearTotal};
use sites::Sites;
use years::YearsOf;

/// Most substance / item rows checked in one table (and, separately, most year
/// blocks + site / outlet groups).
pub const MAX_TABLE_ROWS: usize = 100_000;

// The finding codes (`pub const`s and `CODES`), generated from
// `data/messages/emissions.json` by `build/messages.rs`.
include!(concat!(env!("OUT_DIR"), "/codes_emissions.rs"));

/// Recomputed totals: what each total / site / outlet row and each permit
/// condition line should say, so a form can fill them itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(schema, derive(schemars::JsonSchema))]
pub struct Summary {
    /// One entry per additive total cell whose parts have at least one value, in
    /// table order (sites before their year's total).
    pub totals: Vec<TotalCell>,
}

impl Summary {
    /// The entry for the total cell at `path`.
    pub fn get(&self, path: &str) -> Option<&TotalCell> {
        self.totals.iter().find(|t| t.path == path)
    }
}

/// One recomputed total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(schema, derive(schemars::JsonSchema))]
pub struct TotalCell {
    /// JSON Pointer of the total cell, e.g.
    /// `/air_emissions/years/0/sites/1/subtotal/requested/t_per_year`.
    pub path: String,
    /// The exact sum of the parts that have a value, canonical decimal (`12.345`).
    pub value: String,
    /// False when some part is empty or invalid (then `value` is partial).
    pub complete: bool,
}

/// Sources of the citations.
pub(crate) mod basis {
    use crate::findings::Basis;

    /// Seed 002 (Almaty oblast 2012).
    pub const ALMATY_OBLAST: &str = "almaty_oblast_2012";

    /// The clause an edition's own table data names (`tables.refusal` of
    /// `data/editions.json`), when it has one.
    pub fn own(
        edition: Option<&str>,
        pick: fn(&crate::editions::Tables) -> Option<&'static str>,
    ) -> Option<Basis> {
        let ed = crate::editions::edition(edition?)?;
        pick(&ed.tables).map(|clause| Basis::new(ed.id, clause))
    }

    /// What the permit contains: «условия природопользования, в том числе
    /// нормативы эмиссий по всем их источникам» (2007 Code art. 70 p. 1 subp. 3;
    /// under the 2021 Code art. 121 p. 1 subp. 3, named
    /// `emissions.permit_contents@<edition>`). No refusal ground names a request
    /// above the standards (2007 art. 77 p. 1 refers to art. 73, which is about
    /// special conditions of nature use; 2021 art. 124 p. 1 to false or
    /// non-compliant information), so the finding citing this is a warning.
    pub fn conditions(edition: Option<&str>) -> Basis {
        let own =
            edition.map(|e| Basis::named(&crate::text::concat(&["emissions.permit_contents@", e])));
        match own {
            Some(b) if !b.clause.is_empty() => b,
            _ => Basis::named("emissions.permit_contents"),
        }
    }

    /// A total or subtotal that is not the sum of its rows: the blank's total row
    /// («Барлығы, оның ішінде») where the edition's figures rest on the seeds'
    /// blanks; under an edition whose tables rest on no blank (the 2021
    /// Code), the refusal ground for false information
    /// (`tables.refusal`: art. 124 p. 1 subp. 1), not the clause that asks for
    /// the draft standards.
    pub fn total(edition: Option<&str>, form: &str) -> Basis {
        match own(edition, |t| t.refusal) {
            Some(b) => b,
            None => self::form(edition, form),
        }
    }

    /// Refusal ground: incomplete or incorrect materials.
    pub fn incorrect(edition: Option<&str>) -> Basis {
        if let Some(b) = own(edition, |t| t.refusal) {
            return b;
        }
        match edition {
            Some(ALMATY_OBLAST) => Basis::named("emissions.incorrect_materials_2012"),
            _ => Basis::named("emissions.incorrect_materials"),
        }
    }

    /// The form a table or field comes from under `edition`: the edition's own
    /// blank where its regulation has one (`emissions.form.<form>@<edition>` in
    /// `data/citations.json`: 002 PR App.1, 000 App.3), else the refusal ground
    /// for incomplete or incorrect materials (the other regulations do not
    /// include the blanks; under the 2021 Code `tables.refusal`, art. 124 p. 1
    /// subp. 1, since the clause asking for the draft standards names no
    /// ground).
    pub fn form(edition: Option<&str>, form: &str) -> Basis {
        blank(edition, form).unwrap_or_else(|| incorrect(edition))
    }

    /// The edition's own blank of `form`, when it has one.
    fn blank(edition: Option<&str>, form: &str) -> Option<Basis> {
        let b = Basis::named(&crate::text::concat(&[
            "emissions.form.",
            form,
            "@",
            edition?,
        ]));
        (!b.clause.is_empty()).then_some(b)
    }

    /// A check the edition's blank states where it has one (conditions 1–4 of
    /// the permit blank name the appendix each amount comes from), else the
    /// consistency check: the figures compared with one another.
    pub fn blank_or_consistency(edition: Option<&str>, form: &str) -> Basis {
        blank(edition, form).unwrap_or_else(Basis::consistency)
    }

    /// An empty required figure: the edition's ground for incomplete documents
    /// where it names one apart from untrue information
    /// (`emissions.incomplete@<edition>`: 2021 Code art. 123 p. 1 part 2), else
    /// `otherwise` (the blank, or the ground for incomplete or incorrect
    /// materials).
    pub fn incomplete(edition: Option<&str>, otherwise: Basis) -> Basis {
        let own =
            edition.map(|e| Basis::named(&crate::text::concat(&["emissions.incomplete@", e])));
        match own {
            Some(b) if !b.clause.is_empty() => b,
            _ => otherwise,
        }
    }
    /// Where a category II object's application is filed: with the executive
    /// body of a region where its sources lie (`emissions.region_of_sites@<edition>`
    /// in `data/citations.json`: the 2021 Code art. 120 p. 4), when the edition
    /// has such a clause.
    pub fn region_of_sites(edition: Option<&str>) -> Option<Basis> {
        let b = Basis::named(&crate::text::concat(&[
            "emissions.region_of_sites@",
            edition?,
        ]));
        (!b.clause.is_empty()).then_some(b)
    }
}

/// What a checked table leaves for the permit checks.
pub(crate) struct TableRun {
    /// Totals of the conditions column, per year block.
    totals: Vec<YearTotal>,
    /// The year of each block.
    years: Vec<Option<i32>>,
}

/// The rules' working state: the context, the findings, the totals found so far
/// and table 1's site numbers.
pub(crate) struct Checker<'c, 'a> {
    cx: &'c Context<'a>,
    findings: &'c mut Findings,
    totals: Vec<TotalCell>,
    sites: Sites,
}

impl Checker<'_, '_> {
    fn push(&mut self, f: Finding) {
        self.findings.push(f);
    }

    /// Parses an amount outside the tables' rows (table 1, permit conditions) at
    /// `path`: the value, or `None` after reporting what is wrong; an empty text
    /// is `missing_value` (citing `form`), an absent one was reported by the reader.
    fn amount(
        &mut self,
        amount: Option<&crate::model::Amount>,
        path: &str,
        form: fn(Option<&str>) -> Basis,
    ) -> Option<number::Quantity> {
        let text = amount?.as_str();
        match number::parse(text) {
            Ok(q) => Some(q),
            Err(number::NumberError::Empty) => {
                if !self.cx.input_failed(path) {
                    let edition = self.cx.edition.map(|e| e.id);
                    let basis = basis::incomplete(edition, form(edition));
                    self.push(finding::missing_value(path).basis(basis));
                }
                None
            }
            Err(e) => {
                self.push(grid::number_finding(&e, text, path.to_owned()));
                None
            }
        }
    }

    /// The longest permit validity in years and its basis, from the edition's
    /// data (`permit_term`); `None` when the permit has no term (e.g. category IV
    /// from 28.04.2016 under the 2007 Code) or the edition sets none. Without an
    /// edition: the 2007 Code's five years ([`MAX_YEARS`], art. 76).
    fn permit_term(&self) -> Option<(usize, Basis)> {
        let on = self
            .cx
            .submitted_on()
            .or(self.cx.edition.map(|e| e.period.from));
        let category = self.cx.app.category;
        match self.cx.edition {
            Some(ed) => {
                let term = ed.permit_term?;
                if term.unlimited_for(category, on) {
                    return None;
                }
                Some((term.max_years as usize, term.basis()))
            }
            None => {
                let since = crate::calendar::Date::new(2016, 4, 28);
                let unlimited = category == Some(Category::IV) && on.is_some() && on >= since;
                (!unlimited).then(|| (MAX_YEARS, Basis::named("emissions.permit_term")))
            }
        }
    }

    /// True when the checks tied to the blank's own structure apply (the
    /// edition's `tables.form_checks`; without an edition, the seeds' blanks).
    fn form_checks(&self) -> bool {
        self.cx.edition.is_none_or(|e| e.tables.form_checks)
    }

    /// Checks one table's size, years and contents; `None` when it has no year
    /// blocks or was skipped for its size.
    fn run_table(&mut self, spec: &Spec, view: Vec<YearIn<'_>>, of: YearsOf) -> Option<TableRun> {
        if view.is_empty() {
            return None;
        }
        let (rows, groups) = tables::count_rows(&view);
        if rows > MAX_TABLE_ROWS || groups > MAX_TABLE_ROWS {
            let rows = rows.max(groups);
            let f = finding::too_many_rows(spec.root, rows, MAX_TABLE_ROWS);
            self.push(f);
            return None;
        }
        let mut years: Vec<Option<i32>> = Vec::with_capacity(view.len());
        for y in &view {
            years.push(y.year);
        }
        let mut items = String::with_capacity(spec.root.len() + 6);
        items.push_str(spec.root);
        items.push_str("/years");
        let form = spec.form(self.cx.edition.map(|e| e.id));
        self.check_years(&items, &years, of, &form);
        let totals = self.check_table(spec, &view);
        Some(TableRun { totals, years })
    }
}

/// Checks tables 1–5 and the permit of an application; returns the recomputed
/// totals when the application has any table.
///
/// ```
/// use kz_eco_rules::{validate_json, Lang, Options};
/// let report = validate_json(
///     r#"{"category": "IV", "waste": {"years": [{"year": 2025,
///          "total": {"normative": "3,5", "requested": "3,0"},
///          "items": [{"name": "Зола", "code": "10 01 01", "normative": "1,25", "requested": "1,0"},
///                    {"name": "Шлак", "code": "10 01 02", "normative": "2,25", "requested": "2,5"}]}]}}"#,
///     &Options::with_lang(Lang::En),
/// );
/// let codes: Vec<(&str, &str)> = report.findings.iter()
///     .filter(|f| f.code.starts_with("emissions."))
///     .map(|f| (f.code, f.path.as_str())).collect();
/// assert_eq!(codes, [
///     ("emissions.requested_above_normative", "/waste/years/0/items/1/requested"),
///     ("emissions.sum_mismatch", "/waste/years/0/total/requested"),
/// ]);
/// let summary = report.summary.unwrap();
/// assert_eq!(summary.get("/waste/years/0/total/requested").unwrap().value, "3.5");
/// ```
pub fn check_application(cx: &Context<'_>, findings: &mut Findings) -> Option<Summary> {
    let app = cx.app;
    let mut ck = Checker {
        cx,
        findings,
        totals: Vec::new(),
        sites: Sites::default(),
    };
    ck.sites = ck.check_sites();
    let edition = cx.edition.map(|e| e.id);
    let asks_limits = app.service == Some(Service::EmissionPermit)
        && app.action != Some(Action::Reissue)
        && matches!(app.category, Some(Category::II | Category::III));
    let has_years = |y: Option<&Vec<_>>| y.is_some_and(|y: &Vec<_>| !y.is_empty());
    let air = has_years(app.air_emissions.as_ref().and_then(|t| t.years.as_ref()));
    let no_sites = app.industrial_sites.as_ref().is_none_or(Vec::is_empty);
    let t1_missing = asks_limits && air && no_sites && !cx.input_failed("/industrial_sites");
    // A missing table 1 reported as such is not reported again at every site.
    ck.sites.undefined &= !t1_missing;
    let app_of = YearsOf::Application;
    if let Some(t) = &app.air_emissions {
        ck.run_table(&tables::AIR, tables::air_view(t), app_of);
    }
    if let Some(t) = &app.discharges {
        ck.run_table(&tables::WATER, tables::water_view(t), app_of);
    }
    if let Some(t) = &app.waste {
        ck.run_table(&tables::WASTE, tables::waste_view(t), app_of);
    }
    if let Some(t) = &app.sulfur {
        ck.run_table(&tables::SULFUR, tables::sulfur_view(t), app_of);
    }
    if asks_limits {
        let water = app.discharges.as_ref().and_then(|t| t.years.as_ref());
        let waste = app.waste.as_ref().and_then(|t| t.years.as_ref());
        let sulfur = app.sulfur.as_ref().and_then(|t| t.years.as_ref());
        let any = air
            || water.is_some_and(|y| !y.is_empty())
            || waste.is_some_and(|y| !y.is_empty())
            || sulfur.is_some_and(|y| !y.is_empty());
        if !any {
            let section = basis::form(edition, "limits_section");
            let f = finding::no_limits_requested("").basis(section);
            ck.push(f);
        }
        if t1_missing {
            let t1 = basis::incomplete(edition, sites::t1_form(edition));
            let f = finding::missing_value("/industrial_sites").basis(t1);
            ck.push(f);
        }
    }
    if let Some(p) = &app.permit {
        ck.check_permit(p);
    }
    let any_table = app.industrial_sites.is_some()
        || app.air_emissions.is_some()
        || app.discharges.is_some()
        || app.waste.is_some()
        || app.sulfur.is_some()
        || app.permit.is_some();
    any_table.then_some(Summary { totals: ck.totals })
}

#[cfg(all(test, schema))]
mod tests {
    use super::*;

    #[test]
    fn the_summary_has_a_json_schema() {
        let schema = serde_json::to_value(schemars::schema_for!(Summary)).unwrap();
        let cell = &schema["$defs"]["TotalCell"]["properties"];
        for field in ["path", "value", "complete"] {
            assert!(cell.get(field).is_some(), "{schema}");
        }
    }
}
