//! `data/boundaries/kazakhstan.json` → the country's border as integer rings
//! (`boundary.rs`): each ring's first point in 0.001° and then the steps from
//! point to point a byte each (`-128` escaping an `i16`), so the wasm carries
//! ≈ 3 bytes a point.
//!
//! Checked: at least one ring, each of at least three points, every coordinate
//! with at most three decimals and inside 40°–90° E, 35°–60° N, every step
//! within `i16`, the margin in (0°, 0.5°).

use std::fmt::Write as _;

use serde::Deserialize;

use crate::gen::{self, Problems, Text};

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

/// Writes `d` as one byte, or `-128` and the little-endian `i16` when it does
/// not fit; `None` beyond `i16`.
fn byte_step(d: i32, steps: &mut String) -> Option<()> {
    match (i8::try_from(d), i16::try_from(d)) {
        (Ok(b), _) if b != i8::MIN => {
            let _ = write!(steps, "{b},");
        }
        (_, Ok(w)) => {
            let [lo, hi] = w.to_le_bytes().map(|b| i8::from_le_bytes([b]));
            let _ = write!(steps, "-128,{lo},{hi},");
        }
        _ => return None,
    }
    Some(())
}

/// A ring's first point and its steps in units of 1/`per_degree` degree, each
/// step written by `step` (which refuses a step it cannot hold); `place` is the
/// ring's place in the data for the problems found.
fn ring_steps(
    ring: &[[f64; 2]],
    place: &str,
    per_degree: i32,
    p: &mut Problems,
    mut step: impl FnMut(i32, &mut String) -> Option<()>,
) -> ((i32, i32), String) {
    let digits = match per_degree {
        1000 => "three",
        _ => "two",
    };
    let (mut first, mut prev, mut steps) = ((0, 0), None, String::new());
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
                    if step(d, &mut steps).is_none() {
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
        return "pub(crate) static RINGS: &[(i32, i32, &[i8])] = &[];\n\
                pub(crate) const MARGIN_MILLIDEG: i64 = 0;\n"
            .to_owned();
    };
    let margin = margin(&file.country, file.margin_deg, path, p);
    if file.rings.is_empty() {
        p.add(&format!("{path}: /rings"), "no ring");
    }
    out.push_str(
        "/// Kazakhstan's border: per ring, the first point (longitude, latitude in\n\
         /// 0.001°) and the steps to each next point (Δlongitude, Δlatitude), a\n\
         /// byte each; -128 escapes a little-endian i16.\n\
         pub(crate) static RINGS: &[(i32, i32, &[i8])] = &[\n",
    );
    for (r, ring) in file.rings.iter().enumerate() {
        if ring.len() < 3 {
            p.add(&format!("{path}: /rings/{r}"), "fewer than three points");
            continue;
        }
        let place = format!("{path}: /rings/{r}");
        let ((x, y), steps) = ring_steps(ring, &place, 1000, p, byte_step);
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
/// first point in 0.01° then the steps a byte each, `-128` escaping an `i16`),
/// `REGIONS` (region id → unit index, sorted by id) and `REGION_MARGIN_MILLIDEG`.
///
/// Checked: every region of `data/editions.json` is mapped, and only those; every
/// unit named exists, codes are unique; `against` is `own`, `parent` or
/// `surrounding`; rings as for the country's border but with at most two
/// decimals; the margin in (0°, 0.5°).
pub fn generate_regions(p: &mut Problems) -> String {
    let path = "data/boundaries/regions.json";
    let empty = "pub(crate) static UNITS: &[&[(i32, i32, &[i8])]] = &[];\n\
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
         /// (Δlongitude, Δlatitude), a byte each; -128 escapes a little-endian i16.\n\
         pub(crate) static UNITS: &[&[(i32, i32, &[i8])]] = &[\n",
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
            let ((x, y), steps) = ring_steps(ring, &at, 100, p, byte_step);
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
