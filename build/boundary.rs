//! `data/boundaries/kazakhstan.json` → the country's border as integer rings
//! (`boundary.rs`): each ring's first point in 0.001° and then the steps from
//! point to point Rice-coded ([`rice`]), so the wasm carries ≈ 2.3 bytes a
//! point.
//!
//! Checked: at least one ring, each of at least three points, every coordinate
//! with at most three decimals and inside 40°–90° E, 35°–60° N, every step
//! within `i16`, the margin in (0°, 0.5°).

use std::fmt::Write as _;

use serde::Deserialize;

use crate::gen::{self, Problems, Text};

/// The Rice parameter of the country's steps (in 0.001°) and the regions' (in
/// 0.01°): the one that makes each table smallest (2 063 and 1 934 bytes with
/// each ring's `k`).
const COUNTRY_K: u32 = 7;
const REGIONS_K: u32 = 5;

/// `data/boundaries/kazakhstan.json`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BoundaryFile {
    country: Text,
    /// Where the polygons come from, for the reader of the data.
    #[allow(dead_code)]
    source: Text,
    /// How they were simplified, for the reader of the data.
    #[allow(dead_code)]
    made_by: Text,
    margin_deg: f64,
    rings: Vec<Vec<[f64; 2]>>,
}

/// `v` in units of 1/`per_degree` degree, if it has no finer digits.
fn fixed(v: f64, per_degree: i32) -> Option<i32> {
    let scaled = v * f64::from(per_degree);
    let m = scaled.round();
    ((scaled - m).abs() < 1e-6 && m.abs() < 1e9).then_some(m as i32)
}

/// The margin of a boundary file in 0.001° (in (0°, 0.5°)), after checking that
/// the file is Kazakhstan's.
fn margin(country: &str, margin_deg: f64, path: &str, p: &mut Problems) -> Option<i32> {
    if country != "KZ" {
        p.add(path, format!("country {country:?}: only KZ is read"));
    }
    let margin = fixed(margin_deg, 1000).filter(|m| *m > 0 && *m < 500);
    if margin.is_none() {
        p.add(
            &format!("{path}: /margin_deg"),
            "must be in (0°, 0.5°) with ≤ 3 decimals",
        );
    }
    margin
}

/// The steps of a ring as generated: the first byte is `k`, then each step
/// zigzagged (0, -1, 1, -2 … → 0, 1, 2, 3 …) and Rice-coded, most significant
/// bit first: the value's high bits (`>> k`) as that many 1 bits and a 0, then
/// its `k` low bits; the last byte is filled with 1 bits, which end no value.
/// E.g. `k` 2, steps 1, -3 (2 and 5: `0 10`, `10 01`): `[2, 0b0101_0011]`.
fn rice(k: u32, steps: &[i32]) -> String {
    let mut bits = Vec::new();
    for &d in steps {
        let z = (d.unsigned_abs() << 1) - u32::from(d < 0);
        bits.extend(std::iter::repeat_n(true, (z >> k) as usize));
        bits.push(false);
        bits.extend((0..k).rev().map(|i| z >> i & 1 == 1));
    }
    let mut out = format!("{k},");
    for byte in bits.chunks(8) {
        let b = (0..8).fold(0u8, |b, i| {
            b << 1 | u8::from(byte.get(i).copied().unwrap_or(true))
        });
        let _ = write!(out, "{b},");
    }
    out
}

/// A ring's first point and its steps (Δlongitude, Δlatitude) in units of
/// 1/`per_degree` degree; `place` is the ring's place in the data for the
/// problems found (a coordinate with finer digits, outside the box, a step
/// beyond `i16`).
fn ring_steps(
    ring: &[[f64; 2]],
    place: &str,
    per_degree: i32,
    p: &mut Problems,
) -> ((i32, i32), Vec<i32>) {
    let digits = match per_degree {
        1000 => "three",
        _ => "two",
    };
    let (mut first, mut prev, mut steps) = ((0, 0), None, Vec::new());
    for (i, [lon, lat]) in ring.iter().enumerate() {
        let at = format!("{place}/{i}");
        let (Some(x), Some(y)) = (fixed(*lon, per_degree), fixed(*lat, per_degree)) else {
            p.add(&at, format!("more than {digits} decimals"));
            continue;
        };
        if !(40 * per_degree..=90 * per_degree).contains(&x)
            || !(35 * per_degree..=60 * per_degree).contains(&y)
        {
            p.add(&at, "outside 40°–90° E, 35°–60° N");
        }
        match prev {
            None => first = (x, y),
            Some((px, py)) => {
                for d in [x - px, y - py] {
                    if i16::try_from(d).is_ok() {
                        steps.push(d);
                    } else {
                        p.add(&at, "step from the previous point too long for the table");
                    }
                }
            }
        }
        prev = Some((x, y));
    }
    (first, steps)
}

pub fn generate(p: &mut Problems) -> String {
    let path = "data/boundaries/kazakhstan.json";
    let mut out = String::new();
    let Some(file) = gen::load::<BoundaryFile>(path, p) else {
        return "pub(crate) static RINGS: &[(i32, i32, &[u8])] = &[];\n\
                pub(crate) const MARGIN_MILLIDEG: i64 = 0;\n"
            .to_owned();
    };
    let margin = margin(&file.country, file.margin_deg, path, p);
    if file.rings.is_empty() {
        p.add(&format!("{path}: /rings"), "no ring");
    }
    out.push_str(
        "/// Kazakhstan's border: per ring, the first point (longitude, latitude in\n\
         /// 0.001°) and the steps to each next point (Δlongitude, Δlatitude),\n\
         /// Rice-coded (`build/boundary.rs`).\n\
         pub(crate) static RINGS: &[(i32, i32, &[u8])] = &[\n",
    );
    for (r, ring) in file.rings.iter().enumerate() {
        if ring.len() < 3 {
            p.add(&format!("{path}: /rings/{r}"), "fewer than three points");
            continue;
        }
        let place = format!("{path}: /rings/{r}");
        let ((x, y), steps) = ring_steps(ring, &place, 1000, p);
        let steps = rice(COUNTRY_K, &steps);
        let _ = writeln!(out, "    ({x}, {y}, &[{steps}]),");
    }
    out.push_str("];\n");
    let _ = writeln!(
        out,
        "/// How far the simplified border may lie from the source's, in 0.001°.\n\
         pub(crate) const MARGIN_MILLIDEG: i64 = {};",
        margin.unwrap_or(0)
    );
    out
}

/// `data/boundaries/regions.json`: the regions' polygons (Natural Earth units)
/// and which unit each region of `data/editions.json` is checked against.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegionsFile {
    country: Text,
    /// Where the polygons come from, for the reader of the data.
    #[allow(dead_code)]
    source: Text,
    /// The licence of the source, kept with the data.
    #[allow(dead_code)]
    licence: Text,
    /// How they were simplified, for the reader of the data.
    #[allow(dead_code)]
    made_by: Text,
    margin_deg: f64,
    regions: std::collections::BTreeMap<String, RegionEntry>,
    units: Vec<Unit>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegionEntry {
    unit: Text,
    /// `own`, `parent` (an unverified split) or `surrounding` (a city).
    against: Text,
    /// What the check is worth for this region, for the reader of the data.
    #[allow(dead_code)]
    check: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Unit {
    code: Text,
    /// The unit's name in the source, for the reader of the data.
    #[allow(dead_code)]
    name: Text,
    rings: Vec<Vec<[f64; 2]>>,
}

/// The region ids of `data/editions.json`.
#[derive(Deserialize)]
struct EditionsRegions {
    regions: Vec<RegionId>,
}

#[derive(Deserialize)]
struct RegionId {
    id: String,
}

/// `data/boundaries/regions.json` → `regions.rs`: `UNITS` (per unit its rings,
/// first point in 0.01° then the steps Rice-coded),
/// `REGIONS` (region id → unit index, sorted by id) and `REGION_MARGIN_MILLIDEG`.
///
/// Checked: every region of `data/editions.json` is mapped, and only those; every
/// unit named exists, codes are unique; `against` is `own`, `parent` or
/// `surrounding`; rings as for the country's border but with at most two
/// decimals; the margin in (0°, 0.5°).
pub fn generate_regions(p: &mut Problems) -> String {
    let path = "data/boundaries/regions.json";
    let empty = "pub(crate) static UNITS: &[&[(i32, i32, &[u8])]] = &[];\n\
                 pub(crate) static REGIONS: &[(&str, usize)] = &[];\n\
                 pub(crate) const REGION_MARGIN_MILLIDEG: i64 = 0;\n"
        .to_owned();
    let Some(file) = gen::load::<RegionsFile>(path, p) else {
        return empty;
    };
    let Some(editions) = gen::load::<EditionsRegions>("data/editions.json", p) else {
        return empty;
    };
    let margin = margin(&file.country, file.margin_deg, path, p);
    for r in &editions.regions {
        if !file.regions.contains_key(&r.id) {
            p.add(
                &format!("{path}: /regions"),
                format!("region {:?} of data/editions.json is not mapped", r.id),
            );
        }
    }
    let mut out = String::from(
        "/// The regions' polygons (Natural Earth units, sorted by code): per ring the\n\
         /// first point (longitude, latitude in 0.01°) and the steps to each next point\n\
         /// (Δlongitude, Δlatitude), Rice-coded (`build/boundary.rs`).\n\
         pub(crate) static UNITS: &[&[(i32, i32, &[u8])]] = &[\n",
    );
    for (u, unit) in file.units.iter().enumerate() {
        let place = format!("{path}: /units/{u}");
        if file.units[..u].iter().any(|o| *o.code == *unit.code) {
            p.add(&place, format!("unit {:?} twice", &*unit.code));
        }
        if unit.rings.is_empty() {
            p.add(&format!("{place}/rings"), "no ring");
        }
        out.push_str("    &[\n");
        for (r, ring) in unit.rings.iter().enumerate() {
            if ring.len() < 3 {
                p.add(&format!("{place}/rings/{r}"), "fewer than three points");
                continue;
            }
            let at = format!("{place}/rings/{r}");
            let ((x, y), steps) = ring_steps(ring, &at, 100, p);
            let steps = rice(REGIONS_K, &steps);
            let _ = writeln!(out, "        ({x}, {y}, &[{steps}]),");
        }
        out.push_str("    ],\n");
    }
    out.push_str(
        "];\n/// Region id (`data/editions.json`) → the index of its unit in `UNITS`.\n\
         pub(crate) static REGIONS: &[(&str, usize)] = &[\n",
    );
    let known: Vec<&str> = editions.regions.iter().map(|r| r.id.as_str()).collect();
    for (id, entry) in &file.regions {
        let place = format!("{path}: /regions/{id}");
        if !known.contains(&id.as_str()) {
            p.add(&place, "not a region of data/editions.json");
        }
        if !["own", "parent", "surrounding"].contains(&&*entry.against) {
            p.add(
                &format!("{place}/against"),
                format!("{:?}: must be own, parent or surrounding", &*entry.against),
            );
        }
        match file.units.iter().position(|u| *u.code == *entry.unit) {
            Some(u) => {
                let _ = writeln!(out, "    ({id:?}, {u}),");
            }
            None => p.add(
                &format!("{place}/unit"),
                format!("no unit {:?}", &*entry.unit),
            ),
        }
    }
    out.push_str("];\n");
    let _ = writeln!(
        out,
        "/// How far the simplified regions may lie from the source's, in 0.001°.\n\
         pub(crate) const REGION_MARGIN_MILLIDEG: i64 = {};",
        margin.unwrap_or(0)
    );
    out
}
