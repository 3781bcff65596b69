//! `data/boundaries/kazakhstan.json` → the country's border as integer rings
//! (`boundary.rs`): each ring's first point in 0.001° and then the steps from
//! point to point as `i16` pairs, so the wasm carries ≈ 4 bytes a point.
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

/// Degrees to 0.001° when the value has at most three decimals.
fn milli(v: f64) -> Option<i32> {
    let m = (v * 1000.0).round();
    ((v * 1000.0 - m).abs() < 1e-6 && m.abs() < 1e9).then_some(m as i32)
}

pub fn generate(p: &mut Problems) -> String {
    let path = "data/boundaries/kazakhstan.json";
    let mut out = String::new();
    let Some(file) = gen::load::<BoundaryFile>(path, p) else {
        return "pub(crate) static RINGS: &[(i32, i32, &[i16])] = &[];\n\
                pub(crate) const MARGIN_MILLIDEG: i64 = 0;\n"
            .to_owned();
    };
    if &*file.country != "KZ" {
        p.add(
            path,
            format!("country {:?}: only KZ is read", &*file.country),
        );
    }
    let margin = milli(file.margin_deg).filter(|m| *m > 0 && *m < 500);
    if margin.is_none() {
        p.add(
            &format!("{path}: /margin_deg"),
            "must be in (0°, 0.5°) with ≤ 3 decimals",
        );
    }
    if file.rings.is_empty() {
        p.add(&format!("{path}: /rings"), "no ring");
    }
    out.push_str(
        "/// Kazakhstan's border: per ring, the first point (longitude, latitude in\n\
         /// 0.001°) and the steps to each next point (Δlongitude, Δlatitude).\n\
         pub(crate) static RINGS: &[(i32, i32, &[i16])] = &[\n",
    );
    for (r, ring) in file.rings.iter().enumerate() {
        if ring.len() < 3 {
            p.add(&format!("{path}: /rings/{r}"), "fewer than three points");
            continue;
        }
        let mut prev: Option<(i32, i32)> = None;
        let mut steps = String::new();
        let mut first = (0, 0);
        for (i, [lon, lat]) in ring.iter().enumerate() {
            let place = format!("{path}: /rings/{r}/{i}");
            let (Some(x), Some(y)) = (milli(*lon), milli(*lat)) else {
                p.add(&place, "more than three decimals");
                continue;
            };
            if !(40_000..=90_000).contains(&x) || !(35_000..=60_000).contains(&y) {
                p.add(&place, "outside 40°–90° E, 35°–60° N");
            }
            match prev {
                None => first = (x, y),
                Some((px, py)) => {
                    let (dx, dy) = (x - px, y - py);
                    if i16::try_from(dx).is_err() || i16::try_from(dy).is_err() {
                        p.add(&place, "step from the previous point beyond ±32.767°");
                    }
                    let _ = write!(steps, "{dx},{dy},");
                }
            }
            prev = Some((x, y));
        }
        let _ = writeln!(out, "    ({}, {}, &[{steps}]),", first.0, first.1);
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

/// Degrees to 0.01° when the value has at most two decimals.
fn centi(v: f64) -> Option<i32> {
    let m = (v * 100.0).round();
    ((v * 100.0 - m).abs() < 1e-6 && m.abs() < 1e8).then_some(m as i32)
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
    if &*file.country != "KZ" {
        p.add(
            path,
            format!("country {:?}: only KZ is read", &*file.country),
        );
    }
    let margin = milli(file.margin_deg).filter(|m| *m > 0 && *m < 500);
    if margin.is_none() {
        p.add(
            &format!("{path}: /margin_deg"),
            "must be in (0°, 0.5°) with ≤ 3 decimals",
        );
    }
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
            let mut prev: Option<(i32, i32)> = None;
            let mut steps = String::new();
            let mut first = (0, 0);
            for (i, [lon, lat]) in ring.iter().enumerate() {
                let at = format!("{place}/rings/{r}/{i}");
                let (Some(x), Some(y)) = (centi(*lon), centi(*lat)) else {
                    p.add(&at, "more than two decimals");
                    continue;
                };
                if !(4_000..=9_000).contains(&x) || !(3_500..=6_000).contains(&y) {
                    p.add(&at, "outside 40°–90° E, 35°–60° N");
                }
                match prev {
                    None => first = (x, y),
                    Some((px, py)) => {
                        let (dx, dy) = (x - px, y - py);
                        for d in [dx, dy] {
                            match (i8::try_from(d), i16::try_from(d)) {
                                (Ok(b), _) if b != i8::MIN => {
                                    let _ = write!(steps, "{b},");
                                }
                                (_, Ok(w)) => {
                                    let [lo, hi] = w.to_le_bytes().map(|b| i8::from_le_bytes([b]));
                                    let _ = write!(steps, "-128,{lo},{hi},");
                                }
                                _ => p.add(&at, "step from the previous point beyond ±327.67°"),
                            }
                        }
                    }
                }
                prev = Some((x, y));
            }
            let _ = writeln!(out, "        ({}, {}, &[{steps}]),", first.0, first.1);
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
