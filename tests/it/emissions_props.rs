//! Property tests of the emission tables (native only: proptest).
//!
//! - a consistent generated table 2 (exact totals, requested ≤ normative, actual ≤
//!   requested, t/yr within the rate) has no `emissions.*` finding at all;
//! - changing one total or site cell beyond the rounding tolerance gives exactly
//!   one finding, `emissions.sum_mismatch` at that path, expecting the exact sum;
//! - changing one substance cell gives exactly one finding, at its site row;
//! - numbers: canonical text and the kk/ru rendering of a value (decimal comma,
//!   no-break-space thousands) parse back to the same value; any typed grouping
//!   parses; no text makes the parser panic.

use crate::common::{check, found};
use kz_eco_rules::emissions::{self, number};
use kz_eco_rules::findings::{catalog, Param};
use kz_eco_rules::{Lang, Report};
use proptest::prelude::*;
use serde_json::{json, Value};

/// One substance: decimals, g/s and t/yr (normative, requested, actual) as
/// integers of 10^-decimals.
#[derive(Debug, Clone)]
struct Sub {
    d: u32,
    g: [u64; 3],
    t: [u64; 3],
}

fn sub() -> impl Strategy<Value = Sub> {
    (0u32..=6, 1u64..=1_000_000, any::<[u64; 5]>()).prop_map(|(d, gn, x)| {
        let gr = 1 + x[0] % gn;
        let ga = 1 + x[1] % gr;
        let tn = 1 + x[2] % (20 * gn);
        let tr = 1 + x[3] % tn.min(20 * gr);
        let ta = 1 + x[4] % tr.min(20 * ga);
        Sub {
            d,
            g: [gn, gr, ga],
            t: [tn, tr, ta],
        }
    })
}

/// Years × sites × substances.
fn table() -> impl Strategy<Value = Vec<Vec<Vec<Sub>>>> {
    prop::collection::vec(
        prop::collection::vec(prop::collection::vec(sub(), 1..=5), 1..=3),
        1..=3,
    )
}

/// One in units of 10⁻¹² (the parser's scale).
const ONE: u128 = 1_000_000_000_000;

/// Units of 10⁻¹² as plain decimal text.
fn text(units: u128) -> String {
    let int = units / ONE;
    let frac = units % ONE;
    if frac == 0 {
        return int.to_string();
    }
    let f = format!("{frac:012}");
    format!("{int}.{}", f.trim_end_matches('0'))
}

fn units(v: u64, d: u32) -> u128 {
    u128::from(v) * 10u128.pow(12 - d)
}

const COLUMNS: [(&str, &str); 6] = [
    ("normative", "g_per_s"),
    ("normative", "t_per_year"),
    ("requested", "g_per_s"),
    ("requested", "t_per_year"),
    ("actual", "g_per_s"),
    ("actual", "t_per_year"),
];

/// The six cells of a substance, in units.
fn cells(s: &Sub) -> [u128; 6] {
    let u = |v| units(v, s.d);
    [
        u(s.g[0]),
        u(s.t[0]),
        u(s.g[1]),
        u(s.t[1]),
        u(s.g[2]),
        u(s.t[2]),
    ]
}

fn columns(values: [u128; 6]) -> Value {
    let mut row = json!({});
    for (i, (group, unit)) in COLUMNS.iter().enumerate() {
        row[*group][*unit] = json!(text(values[i]));
    }
    row
}

/// The application with exact totals.
fn application(t: &[Vec<Vec<Sub>>]) -> Value {
    let sites = t.iter().map(Vec::len).max().unwrap_or(1);
    let site_rows: Vec<Value> = (1..=sites)
        .map(|n| {
            // In the city of Almaty, the application's region.
            json!({"number": n, "name": "Алаң", "area_ha": "1",
                   "latitude": {"deg": "43", "min": "21", "sec": "35.2"},
                   "longitude": {"deg": "76", "min": "57", "sec": "48.9"}})
        })
        .collect();
    let years: Vec<Value> = t
        .iter()
        .enumerate()
        .map(|(y, year)| {
            let mut total = [0u128; 6];
            let groups: Vec<Value> = year
                .iter()
                .enumerate()
                .map(|(g, subs)| {
                    let mut subtotal = [0u128; 6];
                    let rows: Vec<Value> = subs
                        .iter()
                        .enumerate()
                        .map(|(i, s)| {
                            let c = cells(s);
                            for k in 0..6 {
                                subtotal[k] += c[k];
                            }
                            let mut row = columns(c);
                            row["code"] = json!(format!("{g}{i:03}"));
                            row["name"] = json!(format!("Вещество {i}"));
                            row
                        })
                        .collect();
                    for k in 0..6 {
                        total[k] += subtotal[k];
                    }
                    json!({"site": g + 1, "subtotal": columns(subtotal), "substances": rows})
                })
                .collect();
            json!({"year": 2020 + y, "total": columns(total), "sites": groups})
        })
        .collect();
    json!({
        "applicant": {"name": "ЖШС", "kind": "legal_entity", "iin_bin": "081240001238"},
        "service": "emission_permit", "action": "issue", "category": "II", "channel": "portal",
        "region": "almaty_city", "submitted_at": "2019-11-04T10:15:00+06:00",
        "industrial_sites": site_rows,
        "air_emissions": {"years": years}
    })
}

fn emission_findings(r: &Report) -> Vec<(&'static str, String)> {
    found(r, "emissions.")
}

fn run(v: &Value) -> Report {
    check(&v.to_string(), Lang::En)
}

fn parse_units(s: &str) -> u128 {
    let q = number::parse(s).unwrap_or_else(|e| panic!("{s:?}: {e:?}"));
    u128::try_from(q.units).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn a_consistent_table_has_no_findings(t in table()) {
        let r = run(&application(&t));
        prop_assert_eq!(emission_findings(&r), vec![]);
        // The summary restates every declared total.
        let summary = r.summary.unwrap();
        prop_assert_eq!(summary.totals.len(), t.iter().map(|y| (y.len() + 1) * 6).sum::<usize>());
        prop_assert!(summary.totals.iter().all(|c| c.complete));
    }

    #[test]
    fn one_wrong_total_or_site_cell_is_one_finding_at_its_path(
        t in table(),
        pick in any::<(usize, usize, usize, bool)>(),
    ) {
        let mut v = application(&t);
        let y = pick.0 % t.len();
        let col = pick.2 % 6;
        let (group, unit) = COLUMNS[col];
        let year = &mut v["air_emissions"]["years"][y];
        // Beyond any tolerance: more than ½ per part (and per site row) plus ½.
        let parts: usize = t[y].iter().map(Vec::len).sum::<usize>() + t[y].len();
        let (cell, path) = if pick.3 {
            let g = pick.1 % t[y].len();
            (&mut year["sites"][g]["subtotal"][group][unit],
             format!("/air_emissions/years/{y}/sites/{g}/subtotal/{group}/{unit}"))
        } else {
            (&mut year["total"][group][unit], format!("/air_emissions/years/{y}/total/{group}/{unit}"))
        };
        let exact = cell.as_str().unwrap().to_owned();
        let wrong = parse_units(&exact) + (parts as u128 + 2) * ONE;
        *cell = json!(text(wrong));
        let r = run(&v);
        prop_assert_eq!(emission_findings(&r), vec![(emissions::SUM_MISMATCH, path)]);
        let expected = r.findings.iter().find(|f| f.code == emissions::SUM_MISMATCH).unwrap();
        prop_assert_eq!(expected.params.get("expected"), Some(&Param::Decimal(text(parse_units(&exact)))));
    }

    #[test]
    fn one_wrong_substance_cell_is_one_finding_at_its_site_row(
        t in table(),
        pick in any::<(usize, usize, usize)>(),
    ) {
        let mut v = application(&t);
        let y = pick.0 % t.len();
        let g = pick.1 % t[y].len();
        let i = pick.2 % t[y][g].len();
        // A larger normative g/s keeps every other relation of the row.
        let cell = &mut v["air_emissions"]["years"][y]["sites"][g]["substances"][i]["normative"]["g_per_s"];
        let parts = t[y][g].len() as u128;
        let wrong = parse_units(cell.as_str().unwrap()) + (parts + 2) * ONE;
        *cell = json!(text(wrong));
        let r = run(&v);
        let path = format!("/air_emissions/years/{y}/sites/{g}/subtotal/normative/g_per_s");
        prop_assert_eq!(emission_findings(&r), vec![(emissions::SUM_MISMATCH, path)]);
    }

    #[test]
    fn canonical_and_rendered_values_parse_back(u in 0u128..=ONE * ONE) {
        let canonical = text(u);
        prop_assert_eq!(parse_units(&canonical), u);
        let q = number::parse(&canonical).unwrap();
        prop_assert_eq!(q.canonical(), canonical.clone());
        for lang in [Lang::Kk, Lang::Ru] {
            let shown = catalog::render_param(&Param::Decimal(canonical.clone()), lang);
            prop_assert_eq!(parse_units(&shown), u, "{}", shown);
        }
    }

    #[test]
    fn typed_groupings_and_separators_parse(
        int in 0u64..=999_999_999_999,
        frac in 0u32..1_000_000,
        sep in prop::sample::select(vec![" ", "\u{a0}", "\u{202f}"]),
        point in prop::sample::select(vec![".", ","]),
    ) {
        let digits = int.to_string();
        let mut grouped = String::new();
        for (k, c) in digits.chars().enumerate() {
            if k > 0 && (digits.len() - k) % 3 == 0 {
                grouped.push_str(sep);
            }
            grouped.push(c);
        }
        let typed = format!("{grouped}{point}{frac:06}");
        let want = u128::from(int) * ONE + u128::from(frac) * 1_000_000;
        prop_assert_eq!(parse_units(&typed), want);
    }

    #[test]
    fn no_text_makes_the_parser_panic(s in "\\PC{0,30}") {
        if let Ok(q) = number::parse(&s) {
            prop_assert!(q.units >= 0);
            prop_assert_eq!(number::parse(&q.canonical()).map(|c| c.units), Ok(q.units));
        }
    }
}
