//! The table engine: one non-generic walk over any of the per-year tables.
//!
//! Each table (application tables 2–5, permit appendices 1–4) is first turned into
//! a plain view ([`YearIn`] → [`GroupIn`] → [`RowIn`], cells as `&Amount`) by a small
//! adapter in [`super::tables`], and described by a static [`Spec`]: where it lives
//! in the application, its columns (column group × unit, path suffixes, whether a
//! cell is required). The engine then parses every cell, checks sums, pairs of
//! columns, flows and duplicates, and records the recomputed totals — the same code
//! for all eight tables, so the wasm module carries it once.

use crate::calendar::is_leap_year;
use crate::case::{fold, normalized, normalized_walk};
use crate::findings::{Basis, Finding, Param};
use crate::model::Amount;
use crate::text::is_space;

use super::decimal::{self, half_ulp2, mul_wide, mul_wide_small, Rounding, Units};
use super::number::{self, NumberError};
use super::{basis, finding, Checker, TotalCell};
use super::{ACTUAL_ABOVE_REQUESTED, REQUESTED_ABOVE_NORMATIVE};

/// Most columns of a table (table 3 of the 002 form: 3 groups × mg/l, g/h, t/yr).
pub(crate) const MAX_COLS: usize = 9;

/// Longest substance name or code compared for duplicates, in characters.
pub const MAX_NAME_LEN: usize = 500;

/// The cells of one row, in the order of [`Spec::columns`].
pub(crate) type Cells<'a> = [Option<&'a Amount>; MAX_COLS];

/// A row without cells.
pub(crate) const NO_CELLS: Cells<'static> = [None; MAX_COLS];

/// One substance / item row.
pub(crate) struct RowIn<'a> {
    /// Pollutant or waste code.
    pub code: Option<&'a str>,
    /// Name.
    pub name: Option<&'a str>,
    /// Cells.
    pub cells: Cells<'a>,
}

/// One site / outlet group (flat tables have one group without id).
pub(crate) struct GroupIn<'a> {
    /// Site or outlet number.
    pub id: Option<u32>,
    /// The declared group row.
    pub subtotal: Cells<'a>,
    /// Substance rows.
    pub rows: Vec<RowIn<'a>>,
}

/// One per-year block.
pub(crate) struct YearIn<'a> {
    /// The year.
    pub year: Option<i32>,
    /// The declared total row.
    pub total: Cells<'a>,
    /// Groups.
    pub groups: Vec<GroupIn<'a>>,
}

/// Column group of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Normative,
    Requested,
    Actual,
    Limit,
}

/// Unit of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    GPerS,
    GPerH,
    MgPerL,
    TPerYear,
}

impl Unit {
    /// Whether values add up along rows (mg/l is a concentration: never summed).
    fn additive(self) -> bool {
        self != Unit::MgPerL
    }
}

/// When a cell of a substance row must be filled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Need {
    /// Always.
    Always,
    /// Only under the Almaty-oblast form (g/h of table 3, DIGEST A-6).
    AlmatyOblastForm,
    /// Never (actual values: a new object has none).
    Optional,
}

/// One column.
pub(crate) struct Column {
    pub kind: Kind,
    pub unit: Unit,
    /// Path suffix in a substance row, e.g. `/requested/t_per_year`.
    pub row: &'static str,
    /// Path suffix in a total / group row.
    pub total: &'static str,
    pub need: Need,
}

/// A table's place in the application and its columns.
pub(crate) struct Spec {
    /// JSON Pointer of the table, e.g. `/air_emissions`.
    pub root: &'static str,
    /// `/sites`, `/outlets`, or empty for a flat table.
    pub groups: &'static str,
    /// `/site` or `/outlet`.
    pub group_id: &'static str,
    /// `/substances` or `/items`.
    pub rows: &'static str,
    pub columns: &'static [Column],
    /// Groups are industrial sites of table 1.
    pub refs_sites: bool,
    /// The form's key in `data/citations.json` (`emissions.form.<form>@<edition>`,
    /// e.g. `table_2`).
    pub form: &'static str,
    /// The t/yr column restated by a permit condition, if any.
    pub conditions_col: Option<usize>,
    /// Rows must carry a code (waste: form T4 col. 2, permit App.3 col. 3).
    pub code_required: bool,
}

/// Where a row is.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Row {
    Total,
    Subtotal(usize),
    Item(usize, usize),
}

impl Spec {
    fn flat(&self) -> bool {
        self.groups.is_empty()
    }

    fn column(&self, i: usize) -> Option<&'static Column> {
        self.columns.get(i)
    }

    /// The form clause this table comes from.
    pub(crate) fn form(&self, edition: Option<&str>) -> Basis {
        basis::form(edition, self.form)
    }

    /// `/…/years/<y>`.
    pub(crate) fn year_path(&self, y: usize) -> String {
        let mut p = String::with_capacity(64);
        p.push_str(self.root);
        p.push_str("/years");
        push_index(&mut p, y);
        p
    }

    fn group_path(&self, y: usize, g: usize) -> String {
        let mut p = self.year_path(y);
        p.push_str(self.groups);
        push_index(&mut p, g);
        p
    }

    fn row_path(&self, y: usize, row: Row) -> String {
        match row {
            Row::Total => {
                let mut p = self.year_path(y);
                p.push_str("/total");
                p
            }
            Row::Subtotal(g) => {
                let mut p = self.group_path(y, g);
                p.push_str("/subtotal");
                p
            }
            Row::Item(g, r) => {
                let mut p = if self.flat() {
                    self.year_path(y)
                } else {
                    self.group_path(y, g)
                };
                p.push_str(self.rows);
                push_index(&mut p, r);
                p
            }
        }
    }

    fn cell_path(&self, y: usize, row: Row, col: usize) -> String {
        let mut p = self.row_path(y, row);
        if let Some(c) = self.column(col) {
            p.push_str(match row {
                Row::Item(..) => c.row,
                _ => c.total,
            });
        }
        p
    }

    /// [`Self::cell_path`] under a row path built once for all its cells (natively).
    #[cfg(not(target_arch = "wasm32"))]
    fn cell_path_in(&self, row_path: &str, row: Row, col: usize) -> String {
        let name = self.column(col).map_or("", |c| match row {
            Row::Item(..) => c.row,
            _ => c.total,
        });
        let mut p = String::with_capacity(row_path.len() + name.len());
        p.push_str(row_path);
        p.push_str(name);
        p
    }

    /// The row path [`Checker::record`] takes natively.
    #[cfg(not(target_arch = "wasm32"))]
    fn totals_path(&self, y: usize, row: Row) -> TotalsPath {
        self.row_path(y, row)
    }

    /// Nothing in wasm, which builds each cell's whole path (less code).
    #[cfg(target_arch = "wasm32")]
    fn totals_path(&self, _: usize, _: Row) -> TotalsPath {
        TotalsPath
    }
}

/// A row's path shared by its summary totals (natively).
#[cfg(not(target_arch = "wasm32"))]
type TotalsPath = String;
/// In wasm each total builds its whole path.
#[cfg(target_arch = "wasm32")]
struct TotalsPath;

/// Appends `/<i>` without going through `core::fmt`.
pub(crate) fn push_index(p: &mut String, i: usize) {
    p.push('/');
    crate::text::push_uint(p, i as u64, 0);
}

/// Low 23 bits: a row index in a packed duplicate key.
const ROW_MASK: u64 = (1 << 23) - 1;

pub(crate) use crate::keys::{later_duplicates, pack, sort_keys, unpack};

fn pack_usize(hi: usize, lo: usize) -> u64 {
    pack(u32::try_from(hi).unwrap_or(u32::MAX), lo)
}

/// A parsed cell: a value with its written decimals, or nothing (empty / invalid).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Slot {
    pub units: Units,
    pub dec: u8,
    pub ok: bool,
}

impl From<super::number::Quantity> for Slot {
    fn from(q: super::number::Quantity) -> Slot {
        Slot {
            units: q.units,
            dec: q.decimals,
            ok: true,
        }
    }
}

impl Slot {
    pub(crate) fn value(self) -> Param {
        Param::Decimal(decimal::format_units(self.units))
    }

    /// Twice the half-unit of the last written place — the room rounding leaves
    /// this entry — in units; none for a zero: `0`, `0,0` and `0.000` all say
    /// "nothing" exactly, whatever places they are written with.
    pub(crate) fn half2(self) -> i128 {
        if self.units == 0 {
            0
        } else {
            half_ulp2(self.dec)
        }
    }
}

type Slots = [Slot; MAX_COLS];

fn at(s: &Slots, i: usize) -> Slot {
    s.get(i).copied().unwrap_or_default()
}

/// A running exact sum with its rounding tolerance.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Acc {
    /// Σ units.
    pub sum: i128,
    /// Σ twice the half-units of the last written places.
    pub tol: i128,
    /// Parts with a value.
    pub n: u32,
    /// Some part is empty or invalid.
    pub missing: bool,
}

impl Acc {
    pub(crate) fn add(&mut self, s: Slot) {
        if s.ok {
            self.sum = self.sum.saturating_add(s.units);
            self.tol = self.tol.saturating_add(s.half2());
            self.n = self.n.saturating_add(1);
        } else {
            self.missing = true;
        }
    }

    fn merge(&mut self, o: &Acc) {
        self.sum = self.sum.saturating_add(o.sum);
        self.tol = self.tol.saturating_add(o.tol);
        self.n = self.n.saturating_add(o.n);
        self.missing |= o.missing;
    }

    /// Every part has a value, and there is at least one.
    pub(crate) fn complete(&self) -> bool {
        !self.missing && self.n > 0
    }
}

/// True when `declared` can be the rounding (to its own written places) of a true
/// value whose parts, each rounded to their places, sum to `acc`:
/// |declared − Σ| ≤ ½ ulp(declared) + Σ ½ ulp(part).
/// A declared zero is exact (see [`Slot::half2`]).
pub(crate) fn consistent(declared: Slot, acc: &Acc) -> bool {
    let diff = (2 * declared.units).abs_diff(2i128.saturating_mul(acc.sum));
    diff <= declared.half2().saturating_add(acc.tol).unsigned_abs()
}

/// A value with its rounding room (twice the half-unit, in units): a cell, or an
/// exact sum of cells with the sum of their rooms.
#[derive(Debug, Clone, Copy)]
struct Val {
    units: i128,
    half2: i128,
}

/// Leap years that apply to one year block's capacity check.
#[derive(Debug, Clone, Copy)]
struct Leap {
    /// The block's own year (normative, requested, limits).
    block: bool,
    /// The year the "actual" columns describe: the year before submission.
    actual: bool,
}

/// One row for [`Checker::pair_checks`].
struct RowCheck<'s> {
    row: Row,
    /// The row's cells.
    slots: &'s Slots,
    /// For a total / group row: the exact sums of the rows below, per column.
    sums: Option<&'s [Acc; MAX_COLS]>,
    /// Relations already reported in a row below.
    explained: u32,
    leap: Leap,
}

impl<'s> RowCheck<'s> {
    fn item(row: Row, slots: &'s Slots, leap: Leap) -> RowCheck<'s> {
        RowCheck {
            row,
            slots,
            sums: None,
            explained: 0,
            leap,
        }
    }
}

/// The declared total of the conditions column of one year (permit appendices).
pub(crate) struct YearTotal {
    pub year: Option<i32>,
    pub declared: Slot,
    pub acc: Acc,
}

/// Column relations of a table, worked out once per table.
struct Plan {
    /// (higher, lower, code) — `higher` must not exceed `lower`.
    compares: Vec<(usize, usize, &'static str)>,
    /// (rate column, t/yr column, hourly?, actual amounts?).
    rates: Vec<(usize, usize, bool, bool)>,
    /// Columns of each column group (zero / positive consistency): all of them
    /// (substance rows), and the additive ones (total / group rows).
    kinds: Vec<(Vec<usize>, Vec<usize>)>,
    /// (mg/l column, g/h or t/yr column, hourly?).
    flows: Vec<(usize, usize, bool)>,
}

impl Plan {
    fn new(spec: &Spec) -> Plan {
        let cols = spec.columns;
        let find =
            |kind: Kind, unit: Unit| cols.iter().position(|c| c.kind == kind && c.unit == unit);
        let mut plan = Plan {
            compares: Vec::new(),
            rates: Vec::new(),
            kinds: Vec::new(),
            flows: Vec::new(),
        };
        for (i, c) in cols.iter().enumerate() {
            let (lower, code) = match c.kind {
                Kind::Requested => (Kind::Normative, REQUESTED_ABOVE_NORMATIVE),
                Kind::Actual => (Kind::Requested, ACTUAL_ABOVE_REQUESTED),
                _ => continue,
            };
            if let Some(j) = find(lower, c.unit) {
                plan.compares.push((i, j, code));
            }
        }
        for kind in [Kind::Normative, Kind::Requested, Kind::Actual, Kind::Limit] {
            let mut members: Vec<usize> = Vec::new();
            for i in 0..cols.len() {
                if spec.column(i).is_some_and(|c| c.kind == kind) {
                    members.push(i);
                }
            }
            if members.is_empty() {
                continue;
            }
            let t = find(kind, Unit::TPerYear);
            let mg = find(kind, Unit::MgPerL);
            for (unit, hourly) in [(Unit::GPerS, false), (Unit::GPerH, true)] {
                if let (Some(r), Some(t)) = (find(kind, unit), t) {
                    plan.rates.push((r, t, hourly, kind == Kind::Actual));
                }
            }
            if let Some(mg) = mg {
                if let Some(h) = find(kind, Unit::GPerH) {
                    plan.flows.push((mg, h, true));
                }
                if let Some(t) = t {
                    plan.flows.push((mg, t, false));
                }
            }
            let mut additive = Vec::new();
            for &i in &members {
                if spec.column(i).is_some_and(|c| c.unit.additive()) {
                    additive.push(i);
                }
            }
            plan.kinds.push((members, additive));
        }
        plan
    }
}

impl Checker<'_, '_> {
    pub(super) fn edition_id(&self) -> Option<&'static str> {
        self.cx.edition.map(|e| e.id)
    }

    /// Checks one table; returns the totals of its conditions column per year.
    pub(crate) fn check_table(&mut self, spec: &Spec, years: &[YearIn<'_>]) -> Vec<YearTotal> {
        let plan = Plan::new(spec);
        let nc = spec.columns.len().min(MAX_COLS);
        let mut out = Vec::new();
        let mut buf: Vec<Slots> = Vec::new();
        let actual_leap = self.actual_year_is_leap();
        for (y, year) in years.iter().enumerate() {
            let leap = Leap {
                block: year.year.is_some_and(is_leap_year),
                actual: actual_leap,
            };
            let total = self.read_row(spec, y, Row::Total, &year.total);
            let mut all = [Acc::default(); MAX_COLS];
            let mut decl = [Acc::default(); MAX_COLS];
            // Relations reported in any row of this year (see `pair_checks`).
            let mut year_fired = 0u32;
            if !spec.flat() {
                self.duplicate_groups(spec, y, &year.groups);
            }
            for (g, group) in year.groups.iter().enumerate() {
                if spec.refs_sites {
                    self.site_reference(spec, y, g, group.id);
                }
                buf.clear();
                for (r, row) in group.rows.iter().enumerate() {
                    let slots = self.read_row(spec, y, Row::Item(g, r), &row.cells);
                    buf.push(slots);
                    if spec.code_required
                        && row.code.is_none_or(|c| crate::text::trim(c).is_empty())
                    {
                        self.missing_text(spec, y, Row::Item(g, r), "/code");
                    }
                }
                let mut accs = [Acc::default(); MAX_COLS];
                for c in 0..nc {
                    let Some(acc) = accs.get_mut(c) else { break };
                    for slots in &buf {
                        acc.add(at(slots, c));
                    }
                }
                let mut fired = 0u32;
                for (r, slots) in buf.iter().enumerate() {
                    let row = RowCheck::item(Row::Item(g, r), slots, leap);
                    fired |= self.pair_checks(spec, &plan, y, &row);
                }
                year_fired |= fired;
                if spec.flat() {
                    for c in 0..nc {
                        if let (Some(a), Some(acc)) = (all.get_mut(c), accs.get(c)) {
                            a.merge(acc);
                        }
                    }
                    continue;
                }
                if group.rows.is_empty() {
                    self.push(
                        finding::empty_group(spec.group_path(y, g))
                            .basis(spec.form(self.edition_id())),
                    );
                }
                self.duplicate_substances(spec, y, g, &group.rows);
                self.flows(spec, &plan, y, g, &group.rows, &buf);
                let sub = self.read_row(spec, y, Row::Subtotal(g), &group.subtotal);
                let sub_path = spec.totals_path(y, Row::Subtotal(g));
                for c in 0..nc {
                    let Some(col) = spec.column(c) else { continue };
                    if !col.unit.additive() {
                        continue;
                    }
                    let acc = accs.get(c).copied().unwrap_or_default();
                    let declared = at(&sub, c);
                    if declared.ok && acc.complete() && !consistent(declared, &acc) {
                        self.sum_mismatch(spec, y, Row::Subtotal(g), c, declared, acc.sum);
                    }
                    self.record(spec, y, &sub_path, Row::Subtotal(g), c, &acc);
                    if let Some(a) = all.get_mut(c) {
                        a.merge(&acc);
                        a.missing |= group.rows.is_empty();
                    }
                    if let Some(d) = decl.get_mut(c) {
                        d.add(declared);
                    }
                }
                let row = RowCheck {
                    row: Row::Subtotal(g),
                    slots: &sub,
                    sums: Some(&accs),
                    explained: fired,
                    leap,
                };
                year_fired |= self.pair_checks(spec, &plan, y, &row);
            }
            let total_path = spec.totals_path(y, Row::Total);
            for c in 0..nc {
                let Some(col) = spec.column(c) else { continue };
                if !col.unit.additive() {
                    continue;
                }
                let acc = all.get(c).copied().unwrap_or_default();
                let dec = decl.get(c).copied().unwrap_or_default();
                let declared = at(&total, c);
                let checkable = acc.complete() || dec.complete();
                let fits = (acc.complete() && consistent(declared, &acc))
                    || (dec.complete() && consistent(declared, &dec));
                if declared.ok && checkable && !fits {
                    let expected = if acc.complete() { acc.sum } else { dec.sum };
                    self.sum_mismatch(spec, y, Row::Total, c, declared, expected);
                }
                self.record(spec, y, &total_path, Row::Total, c, &acc);
            }
            let row = RowCheck {
                row: Row::Total,
                slots: &total,
                sums: Some(&all),
                explained: year_fired,
                leap,
            };
            self.pair_checks(spec, &plan, y, &row);
            if let Some(c) = spec.conditions_col {
                out.push(YearTotal {
                    year: year.year,
                    declared: at(&total, c),
                    acc: all.get(c).copied().unwrap_or_default(),
                });
            }
        }
        out
    }

    /// Whether the year the "actual" columns describe — the year before the
    /// submission — is a leap year. Without a submission date that year is
    /// unknown, and the longer (leap) year is taken, so the capacity check never
    /// fires on a guess.
    fn actual_year_is_leap(&self) -> bool {
        self.cx
            .submitted_on()
            .is_none_or(|d| is_leap_year(d.year() - 1))
    }

    /// Parses the cells of one row, reporting what does not parse and required
    /// cells left empty. Concentrations are not read in total / group rows.
    fn read_row(&mut self, spec: &Spec, y: usize, row: Row, cells: &Cells<'_>) -> Slots {
        let mut slots = [Slot::default(); MAX_COLS];
        let item = matches!(row, Row::Item(..));
        for (c, col) in spec.columns.iter().enumerate().take(MAX_COLS) {
            if !item && !col.unit.additive() {
                continue;
            }
            let amount = cells.get(c).copied().flatten();
            let parsed = amount.map(|a| number::parse(a.as_str()));
            let slot = match parsed {
                Some(Ok(q)) => Slot::from(q),
                None | Some(Err(NumberError::Empty)) => {
                    let need = item
                        && match col.need {
                            Need::Always => true,
                            Need::AlmatyOblastForm => {
                                self.edition_id() == Some(basis::ALMATY_OBLAST)
                            }
                            Need::Optional => false,
                        };
                    if need {
                        self.missing_cell(spec, y, row, c);
                    }
                    Slot::default()
                }
                Some(Err(e)) => {
                    let text = amount.map_or("", |a| a.as_str());
                    self.push(number_finding(&e, text, spec.cell_path(y, row, c)));
                    Slot::default()
                }
            };
            if let Some(s) = slots.get_mut(c) {
                *s = slot;
            }
        }
        slots
    }

    /// A required cell is empty — unless reading the input already failed there
    /// or at an enclosing object of the row.
    fn missing_cell(&mut self, spec: &Spec, y: usize, row: Row, c: usize) {
        let path = spec.cell_path(y, row, c);
        let row_len = spec.row_path(y, row).len();
        let mut p = path.as_str();
        loop {
            if self.cx.input_failed(p) {
                return;
            }
            match crate::text::rfind_byte(p, b'/') {
                Some(i) if i >= row_len => p = p.get(..i).unwrap_or(""),
                _ => break,
            }
        }
        let basis = basis::incomplete(self.edition_id(), spec.form(self.edition_id()));
        self.push(finding::missing_value(path).basis(basis));
    }

    /// A required text of a row is empty (unless reading failed there).
    fn missing_text(&mut self, spec: &Spec, y: usize, row: Row, field: &str) {
        let mut path = spec.row_path(y, row);
        if self.cx.input_failed(&path) {
            return;
        }
        path.push_str(field);
        if !self.cx.input_failed(&path) {
            let basis = basis::incomplete(self.edition_id(), spec.form(self.edition_id()));
            self.push(finding::missing_value(path).basis(basis));
        }
    }

    fn sum_mismatch(
        &mut self,
        spec: &Spec,
        y: usize,
        row: Row,
        c: usize,
        declared: Slot,
        expected: i128,
    ) {
        let f = finding::sum_mismatch(
            spec.cell_path(y, row, c),
            declared.value(),
            Param::Decimal(decimal::format_units(expected)),
        )
        .basis(basis::total(self.edition_id(), spec.form));
        self.push(f);
    }

    /// Adds a recomputed total to the summary (when any part has a value).
    fn record(
        &mut self,
        spec: &Spec,
        y: usize,
        row_path: &TotalsPath,
        row: Row,
        c: usize,
        acc: &Acc,
    ) {
        if acc.n == 0 {
            return;
        }
        #[cfg(not(target_arch = "wasm32"))]
        let path = {
            let _ = y;
            spec.cell_path_in(row_path, row, c)
        };
        #[cfg(target_arch = "wasm32")]
        let path = {
            let _ = row_path;
            spec.cell_path(y, row, c)
        };
        self.totals.push(TotalCell {
            path,
            value: decimal::format_units(acc.sum),
            complete: !acc.missing,
        });
    }

    /// Requested ≤ normative, actual ≤ requested, t/yr within what the rate allows,
    /// zero next to a positive value. Returns the relations it reported, one bit
    /// each (`compares`, then `rates`).
    ///
    /// In a total / group row a relation is checked on the exact sums of the rows
    /// below where they are complete (on the declared cells otherwise), unless a
    /// row below already reported the same relation (`explained`): every relation
    /// is linear, so sums of rows that each keep it keep it too, and an excess
    /// in a total comes either from a reported row or — reported here — from a
    /// row no check could blame (a zero or empty g/s next to tonnes, say).
    fn pair_checks(&mut self, spec: &Spec, plan: &Plan, y: usize, row: &RowCheck<'_>) -> u32 {
        let s = row.slots;
        let cov = |i: usize| {
            row.sums
                .is_some_and(|sums| sums.get(i).is_some_and(Acc::complete))
        };
        let val = |i: usize| -> Option<Val> {
            if let Some(a) = row
                .sums
                .and_then(|sums| sums.get(i))
                .filter(|a| a.complete())
            {
                return Some(Val {
                    units: a.sum,
                    half2: a.tol,
                });
            }
            let slot = at(s, i);
            slot.ok.then(|| Val {
                units: slot.units,
                half2: slot.half2(),
            })
        };
        // What a message shows: the declared cell when there is one.
        let shown = |i: usize, v: &Val| {
            let slot = at(s, i);
            if slot.ok {
                slot.value()
            } else {
                Param::Decimal(decimal::format_units(v.units))
            }
        };
        let mut fired = 0u32;
        for (k, &(hi, lo, code)) in plan.compares.iter().enumerate() {
            let bit = 1u32 << k;
            let (Some(a), Some(b)) = (val(hi), val(lo)) else {
                continue;
            };
            // The reported cell must be there (a missing site row is no place).
            if !at(s, hi).ok || row.explained & bit != 0 || a.units <= b.units {
                continue;
            }
            fired |= bit;
            let path = spec.cell_path(y, row.row, hi);
            let f = if code == REQUESTED_ABOVE_NORMATIVE {
                finding::requested_above_normative(path, shown(hi, &a), shown(lo, &b))
                    .basis(basis::conditions(self.edition_id()))
            } else {
                finding::actual_above_requested(path, shown(hi, &a), shown(lo, &b))
                    .basis(Basis::consistency())
            };
            self.push(f);
        }
        for (k, &(rate, annual, hourly, actual)) in plan.rates.iter().enumerate() {
            let bit = 1u32 << (plan.compares.len() + k);
            let (Some(r), Some(t)) = (val(rate), val(annual)) else {
                continue;
            };
            if !at(s, annual).ok || row.explained & bit != 0 || r.units == 0 {
                continue;
            }
            let leap = if actual {
                row.leap.actual
            } else {
                row.leap.block
            };
            if let Some(max) = exceeds_rate(r, t, hourly, leap) {
                fired |= bit;
                let f = finding::annual_above_rate(
                    spec.cell_path(y, row.row, annual),
                    shown(annual, &t),
                    Param::Decimal(decimal::format_units(max)),
                )
                .basis(basis::incorrect(self.edition_id()));
                self.push(f);
            }
        }
        let item = matches!(row.row, Row::Item(..));
        for (all, additive) in &plan.kinds {
            let members = if item { all } else { additive };
            if !item && members.iter().all(|&i| cov(i)) {
                continue;
            }
            let positive = members.iter().find(|&&i| at(s, i).ok && at(s, i).units > 0);
            let Some(&p) = positive else { continue };
            for &z in members {
                if at(s, z).ok && at(s, z).units == 0 {
                    let f = finding::zero_with_positive(
                        spec.cell_path(y, row.row, z),
                        at(s, p).value(),
                    )
                    .basis(Basis::consistency());
                    self.push(f);
                }
            }
        }
        fired
    }

    /// The same site / outlet twice in one year block.
    fn duplicate_groups(&mut self, spec: &Spec, y: usize, groups: &[GroupIn<'_>]) {
        let mut ids: Vec<u64> = Vec::new();
        for (g, group) in groups.iter().enumerate() {
            if let Some(id) = group.id {
                ids.push(pack(id, g));
            }
        }
        for (g, id) in later_duplicates(ids) {
            let mut path = spec.group_path(y, g);
            path.push_str(spec.group_id);
            let f = finding::duplicate_group(path, id).basis(spec.form(self.edition_id()));
            self.push(f);
        }
    }

    /// A site number table 1 does not define — also when table 1 is empty or
    /// absent and nothing else says so (category IV, say): then every site of
    /// table 2 is unknown. (A permit appendix alone, as in a re-issue, is not
    /// held to a table 1 it does not come with.)
    fn site_reference(&mut self, spec: &Spec, y: usize, g: usize, id: Option<u32>) {
        let Some(id) = id else { return };
        let undefined = self.sites.undefined && !spec.root.starts_with("/permit");
        if !(self.sites.usable || undefined) || self.sites.numbers.binary_search(&id).is_ok() {
            return;
        }
        let mut path = spec.group_path(y, g);
        path.push_str(spec.group_id);
        // Table 2 against table 1: the application's data compared with itself.
        let f = finding::unknown_site(path, id).basis(Basis::consistency());
        self.push(f);
    }

    /// The same substance twice within one group: the same code, or — where one
    /// of the two rows has no code — the same name ignoring case and spacing;
    /// names beyond [`MAX_NAME_LEN`] are reported instead.
    fn duplicate_substances(&mut self, spec: &Spec, y: usize, g: usize, rows: &[RowIn<'_>]) {
        // Keys: 40 bits of the text's hash, 1 bit code/name, 23 bits row (rows of
        // one table are at most MAX_TABLE_ROWS < 2²³).
        let mut keys: Vec<u64> = Vec::with_capacity(rows.len() * 2);
        for (r, row) in rows.iter().enumerate() {
            for (kind, text, field) in [(0u64, row.code, "/code"), (1u64, row.name, "/name")] {
                let Some(text) = text.filter(|t| t.chars().any(|c| !is_space(c))) else {
                    continue;
                };
                if let Some(len) = crate::input::chars_over(text, MAX_NAME_LEN) {
                    let mut path = spec.row_path(y, Row::Item(g, r));
                    path.push_str(field);
                    self.push(finding::text_too_long(path, len, MAX_NAME_LEN));
                    continue;
                }
                let row_bits = (r as u64) & ROW_MASK;
                keys.push((normalized_hash(text) >> 24) << 24 | kind << 23 | row_bits);
            }
        }
        sort_keys(&mut keys);
        // (later row, first row) of equal texts. Equal hashes mean duplicates (or,
        // rarely, collisions): within a run each text is compared with at most
        // eight distinct earlier texts, so crafted collisions cannot make this
        // quadratic (they can only hide a duplicate).
        let mut dups: Vec<u64> = Vec::new();
        for run in crate::keys::runs(&keys, 23) {
            let [first_key, _, ..] = run else { continue };
            let kind = (first_key >> 23) & 1;
            let text = |r: usize| {
                rows.get(r)
                    .and_then(|x| if kind == 0 { x.code } else { x.name })
                    .unwrap_or("")
            };
            // Names count only where a row has no code: two codes may share a
            // common name (two "Пыль неорганическая" of different silica content).
            let coded = |r: usize| {
                rows.get(r)
                    .and_then(|x| x.code)
                    .is_some_and(|c| c.chars().any(|c| !is_space(c)))
            };
            let mut reps: Vec<usize> = Vec::new();
            for &k in run {
                let r = (k & ROW_MASK) as usize;
                match reps.iter().find(|&&rep| {
                    (kind == 0 || !coded(rep) || !coded(r))
                        && normalized(text(rep)) == normalized(text(r))
                }) {
                    Some(&first) => dups.push(pack_usize(r, first)),
                    None if reps.len() < 8 => reps.push(r),
                    None => {}
                }
            }
        }
        sort_keys(&mut dups);
        let mut previous = None;
        for (later, first) in dups.into_iter().map(unpack) {
            if previous.replace(later) == Some(later) {
                continue;
            }
            let later = later as usize;
            let row = rows.get(later);
            let name = row.and_then(|r| r.name.or(r.code)).unwrap_or("").to_owned();
            let f = finding::duplicate_substance(
                spec.row_path(y, Row::Item(g, later)),
                name,
                first + 1,
            )
            .basis(spec.form(self.edition_id()));
            self.push(f);
        }
    }

    /// Within one outlet every substance is carried by the same water: the flow
    /// implied by each row (g/h ÷ mg/l in m³/h; t/yr ÷ mg/l × 10⁶ in m³/yr) must
    /// agree. Each row gives an interval (its entries ± half a unit of the last
    /// written place); a warning when no common value lies within 1 % of all of
    /// them.
    fn flows(
        &mut self,
        spec: &Spec,
        plan: &Plan,
        y: usize,
        g: usize,
        rows: &[RowIn<'_>],
        buf: &[Slots],
    ) {
        for &(mg, other, hourly) in &plan.flows {
            // Highest lower bound and lowest upper bound, as fractions (num, den,
            // row) of positive values; products of two cells exceed u128, so
            // fractions compare through 256-bit products (`mul_wide`).
            let mut hi: Option<(u128, u128, usize)> = None;
            let mut lo: Option<(u128, u128, usize)> = None;
            for (r, s) in buf.iter().enumerate() {
                let (c, x) = (at(s, mg), at(s, other));
                if !c.ok || !x.ok || c.units <= 0 || x.units <= 0 {
                    continue;
                }
                let (c2, hc) = (2 * c.units, half_ulp2(c.dec));
                let (x2, hx) = (2 * x.units, half_ulp2(x.dec));
                let (ln, ld) = (x2 - hx, c2 + hc);
                if ln > 0 {
                    let (ln, ld) = (ln.unsigned_abs(), ld.unsigned_abs());
                    if hi.is_none_or(|(n, d, _)| mul_wide(ln, d) > mul_wide(n, ld)) {
                        hi = Some((ln, ld, r));
                    }
                }
                let (un, ud) = (x2 + hx, c2 - hc);
                if ud > 0 {
                    let (un, ud) = (un.unsigned_abs(), ud.unsigned_abs());
                    if lo.is_none_or(|(n, d, _)| mul_wide(un, d) < mul_wide(n, ud)) {
                        lo = Some((un, ud, r));
                    }
                }
            }
            let (Some((hn, hd, hr)), Some((ln, ld, lr))) = (hi, lo) else {
                continue;
            };
            // hn/hd > ln/ld × 1.01 ?
            let spread =
                mul_wide_small(mul_wide(hn, ld), 100) > mul_wide_small(mul_wide(ln, hd), 101);
            if !spread || hr == lr {
                continue;
            }
            let flow = |r: usize| {
                let (c, x) = buf
                    .get(r)
                    .map_or((0, 0), |s| (at(s, mg).units, at(s, other).units));
                let (scale, places) = if hourly { (1_000, 3) } else { (1_000_000, 0) };
                let v = decimal::div_round(x * scale, c, Rounding::HalfAwayFromZero).unwrap_or(0);
                Param::Decimal(decimal::format_scaled(v, places))
            };
            let other_name = rows
                .get(lr)
                .and_then(|row| row.name.or(row.code))
                .unwrap_or("");
            let path = spec.cell_path(y, Row::Item(g, hr), other);
            let (this_flow, other_flow) = (flow(hr), flow(lr));
            let f = if hourly {
                finding::flow_spread_hourly(path, this_flow, other_name.to_owned(), other_flow)
            } else {
                finding::flow_spread_annual(path, this_flow, other_name.to_owned(), other_flow)
            };
            self.push(f.basis(Basis::consistency()));
        }
    }
}

/// The capacity check's one slack rule: `Some(bound)` when `annual` (t/yr) is
/// more than `rate` (g/s, or g/h when `hourly`) running all year allows, i.e. when
///
/// `annual − ½ unit of its last written place > rate × factor × 1.01`.
///
/// The rate is taken as written (its trailing zeros change nothing: `0.5` and
/// `0.500` g/s allow the same), with a fixed 1 % for its own rounding — four
/// significant digits, as inventory software prints, round by at most 0.05 %;
/// the annual amount may be the rounding of any value within half a unit of its
/// last place (`16` t/yr may stand for 15.768). A zero is exact. The bound
/// reported is `rate × factor` in units, rounded [`Rounding::TowardZero`].
/// Factors: g/s → t/yr 31,536 (365 days × 86 400 s ÷ 10⁶), 31,6224 in a leap
/// year; g/h → t/yr 0,00876 (8 760 h ÷ 10⁶), 0,008784 in a leap year.
fn exceeds_rate(rate: Val, annual: Val, hourly: bool, leap: bool) -> Option<i128> {
    let (num, den): (u32, u32) = match (hourly, leap) {
        (false, false) => (31_536, 1_000),
        (false, true) => (316_224, 10_000),
        (true, false) => (8_760, 1_000_000),
        (true, true) => (8_784, 1_000_000),
    };
    // Cells ≤ 10²⁴ units, sums ≤ 10²⁹: both sides stay below 10³⁸.
    let mul = decimal::saturating_mul_small;
    let t_min = mul(annual.units, 2).saturating_sub(annual.half2);
    let lhs = mul(mul(t_min, den), 100);
    let rhs = mul(mul(rate.units, 2 * num), 101);
    if lhs > rhs {
        decimal::div_round(mul(rate.units, num), den.into(), Rounding::TowardZero)
    } else {
        None
    }
}

/// The finding for a text that is not an accepted number.
pub(crate) fn number_finding(e: &NumberError, text: &str, path: String) -> Finding {
    let value = short(text);
    match e {
        NumberError::Negative => finding::negative_value(path, value),
        NumberError::Exponent { plain: Some(plain) } => {
            finding::exponent_notation(path, value, Param::Decimal(plain.clone()))
        }
        NumberError::TooManyDecimals => {
            finding::too_many_decimals(path, value, u32::from(number::MAX_DECIMALS))
        }
        NumberError::TooLarge => finding::too_large(
            path,
            value,
            Param::Decimal(crate::text::uint(number::MAX_VALUE)),
        ),
        NumberError::Empty | NumberError::Invalid | NumberError::Exponent { plain: None } => {
            finding::invalid_number(path, value)
        }
    }
}

/// User text echoed in a message: at most 40 characters.
fn short(text: &str) -> String {
    crate::text::shortened(crate::text::trim(text), 40)
}

/// FNV-1a of [`normalized`] text (this runs for every name and code).
fn normalized_hash(s: &str) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325;
    normalized_walk(s, fold_common, |c| {
        h = (h ^ u64::from(u32::from(c))).wrapping_mul(0x0100_0000_01b3);
    });
    h
}

/// [`fold`], natively without a call for the commonest characters (lower-case
/// Cyrillic and Latin letters and digits, which fold to themselves).
#[inline]
fn fold_common(c: char) -> char {
    #[cfg(not(target_arch = "wasm32"))]
    if matches!(c, 'а'..='я' | 'a'..='z' | '0'..='9') {
        return c;
    }
    fold(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn slot(s: &str) -> Slot {
        let q = number::parse(s).unwrap();
        Slot {
            units: q.units,
            dec: q.decimals,
            ok: true,
        }
    }

    fn acc(parts: &[&str]) -> Acc {
        let mut a = Acc::default();
        for p in parts {
            a.add(slot(p));
        }
        a
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn tolerance_allows_rounded_entries_and_nothing_more() {
        // Exact sums always fit.
        assert!(consistent(
            slot("14.8219"),
            &acc(&["1.6425", "0.0394", "13.14"])
        ));
        // Three rows rounded to 4 places: the total may differ by up to
        // ½·10⁻⁴ (its own rounding) + 3 × ½·10⁻⁴ = 0.0002.
        assert!(consistent(
            slot("1.0002"),
            &acc(&["0.3333", "0.3333", "0.3334"])
        ));
        assert!(consistent(
            slot("0.9998"),
            &acc(&["0.3333", "0.3333", "0.3334"])
        ));
        assert!(!consistent(
            slot("1.0003"),
            &acc(&["0.3333", "0.3333", "0.3334"])
        ));
        // A total written with fewer places stands for a wider interval.
        assert!(consistent(slot("188"), &acc(&["100.25", "87.7"])));
        assert!(!consistent(slot("189"), &acc(&["100.25", "87.7"])));
        // Integers: 412 + 3 + 18 = 433 ± 2.
        assert!(consistent(slot("435"), &acc(&["412", "3", "18"])));
        assert!(!consistent(slot("435.1"), &acc(&["412", "3", "18"])));
    }

    fn val(s: &str) -> Val {
        let sl = slot(s);
        Val {
            units: sl.units,
            half2: sl.half2(),
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn rate_bounds_use_the_year_length_and_one_slack_rule() {
        let over = |r: &str, t: &str, hourly: bool, leap: bool| {
            exceeds_rate(val(r), val(t), hourly, leap).map(decimal::format_units)
        };
        // 1 g/s all year: 31.536 t (365 d), 31.6224 t (366 d); 1 % more is allowed
        // (31.85136 t; 31.938624 t in a leap year), whatever the places written.
        assert_eq!(over("1", "31.536", false, false), None);
        assert_eq!(over("1", "31.85", false, false), None);
        assert_eq!(
            over("1.000", "31.852", false, false).as_deref(),
            Some("31.536")
        );
        assert_eq!(over("1", "31.852", false, false).as_deref(), Some("31.536"));
        assert_eq!(over("1.000", "31.93", false, true), None);
        assert_eq!(
            over("1.000", "31.95", false, true).as_deref(),
            Some("31.6224")
        );
        // 0.5 g/s: 15.768 t/yr; 17 t/yr is 7.8 % more — an error however written.
        for (r, t) in [("0.5", "17"), ("0.500", "17.000"), ("0,5", "17,0")] {
            assert_eq!(
                over(r, t, false, false).as_deref(),
                Some("15.768"),
                "{r} {t}"
            );
        }
        // …while "16" t/yr may be 15.768 rounded to whole tonnes.
        assert_eq!(over("0.5", "16", false, false), None);
        assert!(over("0.5", "16.0", false, false).is_some());
        // 1000 g/h all year: 8.76 t (8 760 h), 8.784 t (8 784 h).
        assert_eq!(over("1000", "8.76", true, false), None);
        assert_eq!(over("1000", "8.85", true, false), None);
        assert!(over("1000.0", "8.86", true, false).is_some());
        assert_eq!(over("1000.0", "8.87", true, true), None);
        // Trace substances at 10 decimals.
        assert_eq!(over("0.0000008983", "0.0000283288", false, false), None);
        assert!(over("0.0000008983", "0.0000290000", false, false).is_some());
        // The largest cells do not overflow.
        assert!(over("1000000000000", "1000000000000", false, true).is_none());
        assert!(over("1", "1000000000000", false, true).is_some());
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn zeros_are_exact_in_the_tolerance() {
        // "0" adds nothing to the tolerance, whatever its places.
        for z in ["0", "0,0", "0.000"] {
            assert!(!consistent(slot("1.2"), &acc(&["1.0", z])), "{z}");
            assert!(consistent(slot("1.0"), &acc(&["1.0", z])), "{z}");
        }
        // A declared zero is exact too.
        assert!(!consistent(slot("0"), &acc(&["0.4"])));
        assert!(consistent(slot("0"), &acc(&["0", "0.000"])));
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn names_compare_ignoring_case_and_spacing() {
        let n = normalized;
        assert_eq!(n("Азота  диоксид "), n("азота диоксид"));
        assert_eq!(
            normalized_hash("АЗОТА диоксид"),
            normalized_hash(" азота   диоксид\n")
        );
        // The hash walks the same text as `normalized`.
        let fnv = |s: &str| {
            normalized(s)
                .chars()
                .fold(0xcbf2_9ce4_8422_2325u64, |h, c| {
                    (h ^ u64::from(u32::from(c))).wrapping_mul(0x0100_0000_01b3)
                })
        };
        for t in [
            "",
            "  ",
            " Азота  диоксид ",
            "Пыль неорганическая: 70-20%",
            "A\u{a0}b",
        ] {
            assert_eq!(normalized_hash(t), fnv(t), "{t:?}");
        }
        assert_ne!(n("Азота диоксид"), n("Азота оксид"));
        assert_eq!(n("ҚАЗАҚСТАН Әуе"), "қазақстан әуе");
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn paths_are_built_without_fmt() {
        let mut p = String::new();
        push_index(&mut p, 0);
        push_index(&mut p, 1234567);
        assert_eq!(p, "/0/1234567");
    }
}
