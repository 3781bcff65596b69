//! The eight per-year tables: their [`Spec`]s and adapters from the model to the
//! engine's plain views.
//!
//! | table | JSON | groups | columns (unit) | required in a substance row |
//! |---|---|---|---|---|
//! | application T2 | `/air_emissions` | `sites` (table 1) | normative, requested, actual × g/s, t/yr | normative, requested |
//! | application T3 | `/discharges` | `outlets` | normative, requested, actual × mg/l, g/h, t/yr | normative, requested mg/l and t/yr; g/h under the 002 form (A-6) |
//! | application T4 | `/waste` | — | normative, requested, actual t/yr | normative, requested (and the waste code) |
//! | application T5 | `/sulfur` | — | normative, requested, actual t/yr | normative, requested |
//! | permit App.1 | `/permit/air_limits` | `sites` (table 1) | limit g/s, t/yr | both |
//! | permit App.2 | `/permit/discharge_limits` | `outlets` | limit mg/l, t/yr | both |
//! | permit App.3 | `/permit/waste_limits` | — | tonnes | tonnes (and the waste code) |
//! | permit App.4 | `/permit/sulfur_limits` | — | tonnes | tonnes |
//!
//! Outlets of table 3 are numbered on their own (the form's «1-су шығарымы»); they
//! are not sites of table 1, so only tables with `sites` are checked against table 1.

use crate::model::{
    AirColumns, AirEmissions, AirLimits, AirValues, Amount, DischargeLimits, Discharges, Sulfur,
    TonnesColumns, TonnesLimits, Waste, WaterColumns, WaterLimitValues, WaterValues,
};

use super::grid::{Cells, Column, GroupIn, Kind, Need, RowIn, Spec, Unit, YearIn, NO_CELLS};

const fn col(kind: Kind, unit: Unit, row: &'static str, total: &'static str, need: Need) -> Column {
    Column {
        kind,
        unit,
        row,
        total,
        need,
    }
}

use Kind::{Actual, Limit, Normative, Requested};
use Need::{AlmatyOblastForm, Always, Optional};
use Unit::{GPerH, GPerS, MgPerL, TPerYear};

/// Application table 2: air emissions.
pub(crate) static AIR: Spec = Spec {
    root: "/air_emissions",
    groups: "/sites",
    group_id: "/site",
    rows: "/substances",
    columns: &[
        col(
            Normative,
            GPerS,
            "/normative/g_per_s",
            "/normative/g_per_s",
            Always,
        ),
        col(
            Normative,
            TPerYear,
            "/normative/t_per_year",
            "/normative/t_per_year",
            Always,
        ),
        col(
            Requested,
            GPerS,
            "/requested/g_per_s",
            "/requested/g_per_s",
            Always,
        ),
        col(
            Requested,
            TPerYear,
            "/requested/t_per_year",
            "/requested/t_per_year",
            Always,
        ),
        col(
            Actual,
            GPerS,
            "/actual/g_per_s",
            "/actual/g_per_s",
            Optional,
        ),
        col(
            Actual,
            TPerYear,
            "/actual/t_per_year",
            "/actual/t_per_year",
            Optional,
        ),
    ],
    refs_sites: true,
    form: "table_2",
    conditions_col: None,
    code_required: false,
};

/// Application table 3: discharges with waste water.
pub(crate) static WATER: Spec = Spec {
    root: "/discharges",
    groups: "/outlets",
    group_id: "/outlet",
    rows: "/substances",
    columns: &[
        col(
            Normative,
            MgPerL,
            "/normative/mg_per_l",
            "/normative/mg_per_l",
            Always,
        ),
        col(
            Normative,
            GPerH,
            "/normative/g_per_h",
            "/normative/g_per_h",
            AlmatyOblastForm,
        ),
        col(
            Normative,
            TPerYear,
            "/normative/t_per_year",
            "/normative/t_per_year",
            Always,
        ),
        col(
            Requested,
            MgPerL,
            "/requested/mg_per_l",
            "/requested/mg_per_l",
            Always,
        ),
        col(
            Requested,
            GPerH,
            "/requested/g_per_h",
            "/requested/g_per_h",
            AlmatyOblastForm,
        ),
        col(
            Requested,
            TPerYear,
            "/requested/t_per_year",
            "/requested/t_per_year",
            Always,
        ),
        col(
            Actual,
            MgPerL,
            "/actual/mg_per_l",
            "/actual/mg_per_l",
            Optional,
        ),
        col(
            Actual,
            GPerH,
            "/actual/g_per_h",
            "/actual/g_per_h",
            Optional,
        ),
        col(
            Actual,
            TPerYear,
            "/actual/t_per_year",
            "/actual/t_per_year",
            Optional,
        ),
    ],
    refs_sites: false,
    form: "table_3",
    conditions_col: None,
    code_required: false,
};

const TONNES_COLUMNS: &[Column] = &[
    col(Normative, TPerYear, "/normative", "/normative", Always),
    col(Requested, TPerYear, "/requested", "/requested", Always),
    col(Actual, TPerYear, "/actual", "/actual", Optional),
];

/// Application table 4: waste placement.
pub(crate) static WASTE: Spec = Spec {
    root: "/waste",
    groups: "",
    group_id: "",
    rows: "/items",
    columns: TONNES_COLUMNS,
    refs_sites: false,
    form: "table_4",
    conditions_col: None,
    code_required: true,
};

/// Application table 5: sulfur placement.
pub(crate) static SULFUR: Spec = Spec {
    root: "/sulfur",
    groups: "",
    group_id: "",
    rows: "/items",
    columns: TONNES_COLUMNS,
    refs_sites: false,
    form: "table_5",
    conditions_col: None,
    code_required: false,
};

/// Permit appendix 1: air emission limits.
pub(crate) static AIR_LIMITS: Spec = Spec {
    root: "/permit/air_limits",
    groups: "/sites",
    group_id: "/site",
    rows: "/substances",
    columns: &[
        col(Limit, GPerS, "/limit/g_per_s", "/g_per_s", Always),
        col(Limit, TPerYear, "/limit/t_per_year", "/t_per_year", Always),
    ],
    refs_sites: true,
    form: "limits_1",
    conditions_col: Some(1),
    code_required: false,
};

/// Permit appendix 2: discharge limits.
pub(crate) static WATER_LIMITS: Spec = Spec {
    root: "/permit/discharge_limits",
    groups: "/outlets",
    group_id: "/outlet",
    rows: "/substances",
    columns: &[
        col(Limit, MgPerL, "/limit/mg_per_l", "/mg_per_l", Always),
        col(Limit, TPerYear, "/limit/t_per_year", "/t_per_year", Always),
    ],
    refs_sites: false,
    form: "limits_2",
    conditions_col: Some(1),
    code_required: false,
};

const TONNES_LIMIT_COLUMNS: &[Column] = &[col(Limit, TPerYear, "/tonnes", "", Always)];

/// Permit appendix 3: waste placement limits.
pub(crate) static WASTE_LIMITS: Spec = Spec {
    root: "/permit/waste_limits",
    groups: "",
    group_id: "",
    rows: "/items",
    columns: TONNES_LIMIT_COLUMNS,
    refs_sites: false,
    form: "limits_3",
    conditions_col: Some(0),
    code_required: true,
};

/// Permit appendix 4: sulfur placement limits.
pub(crate) static SULFUR_LIMITS: Spec = Spec {
    root: "/permit/sulfur_limits",
    groups: "",
    group_id: "",
    rows: "/items",
    columns: TONNES_LIMIT_COLUMNS,
    refs_sites: false,
    form: "limits_4",
    conditions_col: Some(0),
    code_required: false,
};

fn air_values(v: Option<&AirValues>) -> [Option<&Amount>; 2] {
    [
        v.and_then(|v| v.g_per_s.as_ref()),
        v.and_then(|v| v.t_per_year.as_ref()),
    ]
}

fn air_row<'a>(
    n: Option<&'a AirValues>,
    r: Option<&'a AirValues>,
    a: Option<&'a AirValues>,
) -> Cells<'a> {
    let [n0, n1] = air_values(n);
    let [r0, r1] = air_values(r);
    let [a0, a1] = air_values(a);
    [n0, n1, r0, r1, a0, a1, None, None, None]
}

fn air_columns(c: Option<&AirColumns>) -> Cells<'_> {
    air_row(
        c.and_then(|c| c.normative.as_ref()),
        c.and_then(|c| c.requested.as_ref()),
        c.and_then(|c| c.actual.as_ref()),
    )
}

fn water_values(v: Option<&WaterValues>) -> [Option<&Amount>; 3] {
    [
        v.and_then(|v| v.mg_per_l.as_ref()),
        v.and_then(|v| v.g_per_h.as_ref()),
        v.and_then(|v| v.t_per_year.as_ref()),
    ]
}

fn water_row<'a>(
    n: Option<&'a WaterValues>,
    r: Option<&'a WaterValues>,
    a: Option<&'a WaterValues>,
) -> Cells<'a> {
    let [n0, n1, n2] = water_values(n);
    let [r0, r1, r2] = water_values(r);
    let [a0, a1, a2] = water_values(a);
    [n0, n1, n2, r0, r1, r2, a0, a1, a2]
}

fn water_columns(c: Option<&WaterColumns>) -> Cells<'_> {
    water_row(
        c.and_then(|c| c.normative.as_ref()),
        c.and_then(|c| c.requested.as_ref()),
        c.and_then(|c| c.actual.as_ref()),
    )
}

fn tonnes_row<'a>(
    n: Option<&'a Amount>,
    r: Option<&'a Amount>,
    a: Option<&'a Amount>,
) -> Cells<'a> {
    [n, r, a, None, None, None, None, None, None]
}

fn tonnes_columns(c: Option<&TonnesColumns>) -> Cells<'_> {
    tonnes_row(
        c.and_then(|c| c.normative.as_ref()),
        c.and_then(|c| c.requested.as_ref()),
        c.and_then(|c| c.actual.as_ref()),
    )
}

fn pair<'a>(a: Option<&'a Amount>, b: Option<&'a Amount>) -> Cells<'a> {
    [a, b, None, None, None, None, None, None, None]
}

fn one(a: Option<&Amount>) -> Cells<'_> {
    [a, None, None, None, None, None, None, None, None]
}

fn flat<'a>(rows: Vec<RowIn<'a>>) -> Vec<GroupIn<'a>> {
    vec![GroupIn {
        id: None,
        subtotal: NO_CELLS,
        rows,
    }]
}

// The views are built with plain loops over slices: iterator adapters would be
// instantiated once per model type in the wasm module. One macro per table shape
// writes the loops.

fn slice<T>(v: &Option<Vec<T>>) -> &[T] {
    v.as_deref().unwrap_or_default()
}

/// A view builder for a table grouped by sites / outlets: `$groups` and `$id`
/// name the group list and number; the closures give the cells of a substance
/// row, a group row and a total row.
macro_rules! grouped_view {
    ($(#[$meta:meta])* $name:ident($table:ty), $groups:ident, $id:ident,
     row |$x:ident| $cells:expr, group |$g:ident| $sub:expr, total |$y:ident| $total:expr) => {
        $(#[$meta])*
        pub(crate) fn $name(t: &$table) -> Vec<YearIn<'_>> {
            let mut out = Vec::new();
            for $y in slice(&t.years) {
                let mut groups = Vec::new();
                for $g in slice(&$y.$groups) {
                    let mut rows = Vec::new();
                    for $x in slice(&$g.substances) {
                        rows.push(row($x.code.as_deref(), $x.name.as_deref(), $cells));
                    }
                    groups.push(group($g.$id, $sub, rows));
                }
                out.push(year($y.year, $total, groups));
            }
            out
        }
    };
}

/// A view builder for a flat table (waste, sulfur): one group without number.
macro_rules! flat_view {
    ($(#[$meta:meta])* $name:ident($table:ty),
     row |$x:ident| ($code:expr, $cells:expr), total |$y:ident| $total:expr) => {
        $(#[$meta])*
        pub(crate) fn $name(t: &$table) -> Vec<YearIn<'_>> {
            let mut out = Vec::new();
            for $y in slice(&t.years) {
                let mut rows = Vec::new();
                for $x in slice(&$y.items) {
                    rows.push(row($code, $x.name.as_deref(), $cells));
                }
                out.push(year($y.year, $total, flat(rows)));
            }
            out
        }
    };
}

grouped_view!(
    /// Table 2 as a view.
    air_view(AirEmissions), sites, site,
    row |x| air_row(x.normative.as_ref(), x.requested.as_ref(), x.actual.as_ref()),
    group |g| air_columns(g.subtotal.as_ref()),
    total |y| air_columns(y.total.as_ref())
);

grouped_view!(
    /// Table 3 as a view.
    water_view(Discharges), outlets, outlet,
    row |x| water_row(x.normative.as_ref(), x.requested.as_ref(), x.actual.as_ref()),
    group |g| water_columns(g.subtotal.as_ref()),
    total |y| water_columns(y.total.as_ref())
);

grouped_view!(
    /// Permit appendix 1 as a view.
    air_limits_view(AirLimits), sites, site,
    row |x| air_limit(x.limit.as_ref()),
    group |g| air_limit(g.subtotal.as_ref()),
    total |y| air_limit(y.total.as_ref())
);

grouped_view!(
    /// Permit appendix 2 as a view.
    water_limits_view(DischargeLimits), outlets, outlet,
    row |x| water_limit(x.limit.as_ref()),
    group |g| water_limit(g.subtotal.as_ref()),
    total |y| water_limit(y.total.as_ref())
);

flat_view!(
    /// Table 4 as a view.
    waste_view(Waste),
    row |x| (x.code.as_deref(), tonnes_row(x.normative.as_ref(), x.requested.as_ref(), x.actual.as_ref())),
    total |y| tonnes_columns(y.total.as_ref())
);

flat_view!(
    /// Table 5 as a view (sulfur rows have no code).
    sulfur_view(Sulfur),
    row |x| (None, tonnes_row(x.normative.as_ref(), x.requested.as_ref(), x.actual.as_ref())),
    total |y| tonnes_columns(y.total.as_ref())
);

flat_view!(
    /// Permit appendix 3 or 4 as a view.
    tonnes_limits_view(TonnesLimits),
    row |x| (x.code.as_deref(), one(x.tonnes.as_ref())),
    total |y| one(y.total.as_ref())
);

fn air_limit(v: Option<&AirValues>) -> Cells<'_> {
    let [a, b] = air_values(v);
    pair(a, b)
}

fn water_limit(v: Option<&WaterLimitValues>) -> Cells<'_> {
    pair(
        v.and_then(|v| v.mg_per_l.as_ref()),
        v.and_then(|v| v.t_per_year.as_ref()),
    )
}

fn row<'a>(code: Option<&'a str>, name: Option<&'a str>, cells: Cells<'a>) -> RowIn<'a> {
    RowIn { code, name, cells }
}

fn group<'a>(id: Option<u32>, subtotal: Cells<'a>, rows: Vec<RowIn<'a>>) -> GroupIn<'a> {
    GroupIn { id, subtotal, rows }
}

fn year<'a>(year: Option<i32>, total: Cells<'a>, groups: Vec<GroupIn<'a>>) -> YearIn<'a> {
    YearIn {
        year,
        total,
        groups,
    }
}

/// Substance / item rows, and year blocks + groups, of a view: what
/// [`super::MAX_TABLE_ROWS`] bounds.
pub(crate) fn count_rows(years: &[YearIn<'_>]) -> (usize, usize) {
    let (mut rows, mut groups) = (0, 0);
    for y in years {
        groups += 1 + y.groups.len();
        for g in &y.groups {
            rows += g.rows.len();
        }
    }
    (rows, groups)
}
