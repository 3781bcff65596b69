//! Whether a point lies inside Kazakhstan: the country's border from Natural
//! Earth (public domain; `data/boundaries/kazakhstan.json`, simplified by
//! `scripts/gen-boundary.mjs`), tested in integer arithmetic so native and wasm
//! answer alike.
//!
//! Points are in micro-degrees (10⁻⁶°), the border's vertices in 0.001°. The
//! simplified border lies within [`margin`] of the source's, so a point is
//! [`Place::Outside`] only when it is outside the polygon **and** farther than the
//! margin from every edge; a point within the margin is [`Place::NearBorder`] and
//! is given the benefit of the doubt.
//!
//! ```
//! use kz_eco_rules::emissions::boundary::{locate, Place};
//! // Almaty (43.2567° N, 76.9286° E) and Bishkek (42.8746° N, 74.5698° E).
//! assert_eq!(locate(43_256_700, 76_928_600), Place::Inside);
//! assert_eq!(locate(42_874_600, 74_569_800), Place::Outside);
//! ```

include!(concat!(env!("OUT_DIR"), "/boundary.rs"));
include!(concat!(env!("OUT_DIR"), "/regions.rs"));

/// Where a point is, against the country's border.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Inside the (simplified) border.
    Inside,
    /// Outside it, but within [`margin`] of it: the data cannot tell.
    NearBorder,
    /// Outside, farther than [`margin`] from the border.
    Outside,
}

/// The border's accuracy as simplified, in micro-degrees (0.021°, about 2 km).
pub fn margin() -> i64 {
    MARGIN_MILLIDEG * 1_000
}

/// Calls `step` with each (Δlongitude, Δlatitude) of a ring's steps as the
/// generated tables store them (`build/boundary.rs`): the first byte is the Rice
/// parameter `k`, then each value zigzagged (0, 1, 2, 3 … for 0, -1, 1, -2 …) as
/// its high bits in unary (1 bits and a 0) and its `k` low bits, most
/// significant bit first. A cut value ends the steps.
fn each_step(steps: &[u8], mut step: impl FnMut(i64, i64)) {
    let Some((&k, bytes)) = steps.split_first() else {
        return;
    };
    if k > 16 {
        return;
    }
    // The bits, most significant first (no iterator adapters: less wasm).
    let mut at = 0usize;
    let mut next_bit = || {
        let (byte, shift) = (bytes.get(at / 8)?, 7 - at % 8);
        at += 1;
        Some(byte >> shift & 1 == 1)
    };
    let mut pending: Option<i64> = None;
    loop {
        let mut z: u64 = 0;
        loop {
            match next_bit() {
                Some(true) => z += 1,
                Some(false) => break,
                None => return,
            }
        }
        for _ in 0..k {
            let Some(bit) = next_bit() else {
                return;
            };
            z = z << 1 | u64::from(bit);
        }
        let half = i64::try_from(z >> 1).unwrap_or(i64::MAX);
        let v = if z & 1 == 1 { -half - 1 } else { half };
        match pending.take() {
            None => pending = Some(v),
            Some(dx) => step(dx, v),
        }
    }
}

/// Calls `edge` with every edge of every ring, in micro-degrees; the rings'
/// vertices are in units of `unit` micro-degrees.
fn edges(rings: &[(i32, i32, &[u8])], unit: i64, edge: &mut dyn FnMut((i64, i64), (i64, i64))) {
    for &(x0, y0, steps) in rings {
        let first = (i64::from(x0) * unit, i64::from(y0) * unit);
        let mut prev = first;
        each_step(steps, |dx, dy| {
            let next = (prev.0 + dx * unit, prev.1 + dy * unit);
            edge(prev, next);
            prev = next;
        });
        edge(prev, first);
    }
}

/// A ring set's edges, in micro-degrees.
trait Border {
    /// Calls `edge` with every edge whose latitudes meet `lo..=hi` (and
    /// perhaps others).
    fn edges_near(&self, lo: i64, hi: i64, edge: impl FnMut((i64, i64), (i64, i64)));
}

/// Rings as the generated tables store them, vertices in units of the second
/// field's micro-degrees: all their edges, decoded at each call.
#[derive(Clone, Copy)]
struct Rings<'a>(&'a [(i32, i32, &'a [u8])], i64);

impl Border for Rings<'_> {
    fn edges_near(&self, _: i64, _: i64, mut edge: impl FnMut((i64, i64), (i64, i64))) {
        edges(self.0, self.1, &mut edge);
    }
}

/// The regions' vertices are in 0.01°.
const REGION_UNIT: i64 = 10_000;

/// Kazakhstan's border.
#[cfg(target_arch = "wasm32")]
fn country() -> Rings<'static> {
    Rings(RINGS, 1_000)
}

/// The polygon of the regional data's unit `u`.
#[cfg(target_arch = "wasm32")]
fn unit(u: usize) -> Option<Rings<'static>> {
    UNITS.get(u).map(|rings| Rings(rings, REGION_UNIT))
}

/// Locates the point (`lat`, `lon`) in micro-degrees against Kazakhstan's border.
pub fn locate(lat: i64, lon: i64) -> Place {
    place_in(&country(), margin(), lat, lon)
}

/// Locates the point against `border`, giving the benefit of the doubt within
/// `margin` micro-degrees of an edge.
fn place_in(border: &impl Border, margin: i64, lat: i64, lon: i64) -> Place {
    if inside(border, lat, lon) {
        Place::Inside
    } else if near(border, margin, lat, lon) {
        Place::NearBorder
    } else {
        Place::Outside
    }
}

/// Whether the point is inside `border` (even-odd rule). Only the edges that
/// straddle the point's latitude are compared, so most edges cost two
/// comparisons.
fn inside(border: &impl Border, lat: i64, lon: i64) -> bool {
    let mut inside = false;
    border.edges_near(lat, lat, |a, b| {
        // Even-odd crossing of the ray to +longitude, compared without division.
        if (a.1 > lat) != (b.1 > lat) {
            let (a, b, p) = (wide(a), wide(b), (i128::from(lon), i128::from(lat)));
            let lhs = (p.0 - a.0) * (b.1 - a.1);
            let rhs = (p.1 - a.1) * (b.0 - a.0);
            if (b.1 > a.1 && lhs < rhs) || (b.1 < a.1 && lhs > rhs) {
                inside = !inside;
            }
        }
    });
    inside
}

/// Whether the point is within `margin` of an edge of `border`. An edge whose
/// bounding box is farther than the margin is skipped before any product.
fn near(border: &impl Border, margin: i64, lat: i64, lon: i64) -> bool {
    let p = (i128::from(lon), i128::from(lat));
    let m = i128::from(margin);
    let mut near = false;
    let (lo, hi) = (lat.saturating_sub(margin), lat.saturating_add(margin));
    border.edges_near(lo, hi, |a, b| {
        if near
            || lon < a.0.min(b.0).saturating_sub(margin)
            || lon > a.0.max(b.0).saturating_add(margin)
            || lat < a.1.min(b.1).saturating_sub(margin)
            || lat > a.1.max(b.1).saturating_add(margin)
        {
            return;
        }
        let (a, b) = (wide(a), wide(b));
        // Distance to the edge ≤ margin, squared: |ab × ap|² ≤ m²·|ab|² where
        // the foot of the perpendicular falls on the edge, else to its ends.
        let (abx, aby) = (b.0 - a.0, b.1 - a.1);
        let (apx, apy) = (p.0 - a.0, p.1 - a.1);
        let t = apx * abx + apy * aby;
        let len2 = abx * abx + aby * aby;
        near = if t <= 0 || len2 == 0 {
            apx * apx + apy * apy <= m * m
        } else if t >= len2 {
            let (bpx, bpy) = (p.0 - b.0, p.1 - b.1);
            bpx * bpx + bpy * bpy <= m * m
        } else {
            let cross = abx * apy - aby * apx;
            cross * cross <= m * m * len2
        };
    });
    near
}

/// A vertex in `i128`, where the products cannot overflow.
fn wide(v: (i64, i64)) -> (i128, i128) {
    (i128::from(v.0), i128::from(v.1))
}

/// Where a point is against the region an application names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegionPlace {
    /// Inside the region's polygon (or, for a region the data have only as part
    /// of a larger one, inside that larger one).
    Inside,
    /// Outside it, but within [`region_margin`] of it: the data cannot tell.
    NearBorder,
    /// Farther than [`region_margin`] from the region's polygon and inside
    /// another region's.
    Elsewhere,
    /// The data cannot tell: the region is not in them, or the point lies in no
    /// region's polygon (offshore, or outside the country as the regional data
    /// draw it).
    Unknown,
}

/// The regions' accuracy as simplified, in micro-degrees (0.055°, about 6 km).
pub fn region_margin() -> i64 {
    REGION_MARGIN_MILLIDEG * 1_000
}

/// Locates the point (`lat`, `lon` in micro-degrees) against the region `id`
/// of `data/editions.json`, with the regions of `data/boundaries/regions.json`
/// (Natural Earth, before the 2018 and 2022 changes: a region made since is
/// checked against the region it was part of, a city against the region
/// around it).
///
/// ```
/// use kz_eco_rules::emissions::boundary::{locate_in_region, RegionPlace};
/// // Pavlodar (52.2873° N, 76.9674° E).
/// assert_eq!(locate_in_region("pavlodar_oblast", 52_287_300, 76_967_400), RegionPlace::Inside);
/// assert_eq!(locate_in_region("abai_oblast", 52_287_300, 76_967_400), RegionPlace::Elsewhere);
/// ```
pub fn locate_in_region(id: &str, lat: i64, lon: i64) -> RegionPlace {
    let found = REGIONS.binary_search_by(|(r, _)| (*r).cmp(id));
    let Some(&(_, own)) = found.ok().and_then(|i| REGIONS.get(i)) else {
        return RegionPlace::Unknown;
    };
    let m = region_margin();
    match unit(own).map(|border| place_in(&border, m, lat, lon)) {
        Some(Place::Inside) => return RegionPlace::Inside,
        Some(Place::NearBorder) => return RegionPlace::NearBorder,
        Some(Place::Outside) => {}
        None => return RegionPlace::Unknown,
    }
    let elsewhere = (0..UNITS.len())
        .filter(|&u| u != own)
        .any(|u| unit(u).is_some_and(|border| inside(&border, lat, lon)));
    if elsewhere {
        RegionPlace::Elsewhere
    } else {
        RegionPlace::Unknown
    }
}

/// Natively each ring set's edges are decoded once and filed by bands of
/// latitude, so a point meets only its band's edges (the service checks many
/// points; the wasm keeps the smaller code that decodes the steps each time).
#[cfg(not(target_arch = "wasm32"))]
mod bands {
    use super::{Border, Rings, REGION_UNIT, RINGS, UNITS};
    use std::sync::OnceLock;

    type Edge = ((i64, i64), (i64, i64));

    /// The number of bands a ring set is cut into.
    const BANDS: i64 = 64;

    /// Edges filed by bands of latitude: band `k` holds every edge whose
    /// latitudes meet `south + k·height .. south + (k + 1)·height`.
    pub(super) struct Bands {
        south: i64,
        north: i64,
        height: i64,
        bands: Vec<Vec<Edge>>,
    }

    impl Bands {
        fn new(rings: Rings<'_>) -> Bands {
            let mut all = Vec::new();
            rings.edges_near(i64::MIN, i64::MAX, |a, b| all.push((a, b)));
            let lats = || all.iter().map(|(a, _)| a.1);
            let south = lats().min().unwrap_or(0);
            let north = lats().max().unwrap_or(0);
            let mut bands = Bands {
                south,
                north,
                height: (north - south) / BANDS + 1,
                bands: Vec::new(),
            };
            bands.bands = vec![Vec::new(); bands.band(north) + 1];
            for &(a, b) in &all {
                let (lo, hi) = (bands.band(a.1.min(b.1)), bands.band(a.1.max(b.1)));
                for list in bands.bands.get_mut(lo..=hi).unwrap_or(&mut []) {
                    list.push((a, b));
                }
            }
            bands
        }

        /// The band of latitude `lat`, the nearest one outside the edges' span.
        fn band(&self, lat: i64) -> usize {
            let lat = lat.clamp(self.south, self.north);
            usize::try_from((lat - self.south) / self.height).unwrap_or(0)
        }
    }

    impl Border for &Bands {
        fn edges_near(&self, lo: i64, hi: i64, mut edge: impl FnMut((i64, i64), (i64, i64))) {
            if hi < self.south || lo > self.north {
                return;
            }
            for list in self.bands.get(self.band(lo)..=self.band(hi)).unwrap_or(&[]) {
                for &(a, b) in list {
                    edge(a, b);
                }
            }
        }
    }

    /// Kazakhstan's border.
    pub(super) fn country() -> &'static Bands {
        static COUNTRY: OnceLock<Bands> = OnceLock::new();
        COUNTRY.get_or_init(|| Bands::new(Rings(RINGS, 1_000)))
    }

    /// The polygon of the regional data's unit `u`.
    pub(super) fn unit(u: usize) -> Option<&'static Bands> {
        static UNITS_BANDS: OnceLock<Vec<Bands>> = OnceLock::new();
        let all = UNITS_BANDS.get_or_init(|| {
            UNITS
                .iter()
                .map(|rings| Bands::new(Rings(rings, REGION_UNIT)))
                .collect()
        });
        all.get(u)
    }
}
#[cfg(not(target_arch = "wasm32"))]
use bands::{country, unit};

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn at(lat: f64, lon: f64) -> Place {
        // Test inputs only: whole micro-degrees.
        locate((lat * 1e6).round() as i64, (lon * 1e6).round() as i64)
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn cities_inside_and_outside() {
        for (name, lat, lon) in [
            ("Astana", 51.1694, 71.4491),
            ("Almaty", 43.2567, 76.9286),
            ("Shymkent", 42.3417, 69.5901),
            ("Atyrau", 47.0945, 51.9238),
            ("Aktau", 43.6481, 51.1722),
            ("Oskemen", 49.9482, 82.6279),
            ("Petropavl", 54.8753, 69.1628),
            ("Oral", 51.2333, 51.3667),
            ("Baikonur", 45.6167, 63.3167),
        ] {
            assert_eq!(at(lat, lon), Place::Inside, "{name}");
        }
        for (name, lat, lon) in [
            ("Bishkek", 42.8746, 74.5698),
            ("Tashkent", 41.2995, 69.2401),
            ("Omsk", 54.9885, 73.3242),
            ("Orenburg", 51.7682, 55.0970),
            ("Urumqi", 43.8256, 87.6168),
            ("Astrakhan", 46.3479, 48.0336),
            ("Novosibirsk", 55.0084, 82.9357),
            ("Nukus", 42.4531, 59.6103),
        ] {
            assert_eq!(at(lat, lon), Place::Outside, "{name}");
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn the_margin_is_benefit_of_the_doubt() {
        // A vertex of the border, and points just beside it.
        let (x0, y0, _) = RINGS[0];
        let (lat, lon) = (i64::from(y0) * 1_000, i64::from(x0) * 1_000);
        assert_ne!(locate(lat, lon), Place::Outside);
        assert_ne!(locate(lat + margin() / 2, lon), Place::Outside);
        assert_eq!(margin(), 21_000);
    }

    fn in_region(id: &str, lat: f64, lon: f64) -> RegionPlace {
        // Test inputs only: whole micro-degrees.
        locate_in_region(id, (lat * 1e6).round() as i64, (lon * 1e6).round() as i64)
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn cities_in_their_regions() {
        for (region, lat, lon) in [
            ("astana", 51.1694, 71.4491),
            ("akmola_oblast", 53.2833, 69.3833), // Kokshetau
            ("almaty_city", 43.2567, 76.9286),
            ("almaty_oblast", 43.2567, 76.9286), // the city inside the region
            ("zhetisu_oblast", 45.0156, 78.3739), // Taldykorgan: the former Almaty Region
            ("almaty_oblast", 45.0156, 78.3739),
            ("shymkent", 42.3417, 69.5901),
            ("turkistan_oblast", 43.2973, 68.2517),
            ("east_kazakhstan_oblast", 49.9482, 82.6279), // Oskemen
            ("abai_oblast", 50.4111, 80.2275),            // Semey
            ("ulytau_oblast", 47.7833, 67.7667),          // Zhezkazgan
            ("karaganda_oblast", 49.8047, 73.1094),
            ("aktobe_oblast", 50.2839, 57.1670),
            ("atyrau_oblast", 47.0945, 51.9238),
            ("mangystau_oblast", 43.6481, 51.1722), // Aktau
            ("kostanay_oblast", 53.2144, 63.6246),
            ("kyzylorda_oblast", 44.8488, 65.4823),
            ("kyzylorda_oblast", 45.6167, 63.3167), // Baikonur
            ("north_kazakhstan_oblast", 54.8753, 69.1628),
            ("pavlodar_oblast", 52.2873, 76.9674),
            ("west_kazakhstan_oblast", 51.2333, 51.3667), // Oral
            ("zhambyl_oblast", 42.9000, 71.3667),         // Taraz
        ] {
            assert_eq!(in_region(region, lat, lon), RegionPlace::Inside, "{region}");
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn cities_elsewhere_and_unknown() {
        for (region, lat, lon) in [
            ("atyrau_oblast", 43.6481, 51.1722),    // Aktau
            ("abai_oblast", 52.2873, 76.9674),      // Pavlodar
            ("astana", 43.2567, 76.9286),           // Almaty
            ("karaganda_oblast", 51.1694, 71.4491), // Astana
            ("shymkent", 42.9000, 71.3667),         // Taraz
        ] {
            assert_eq!(
                in_region(region, lat, lon),
                RegionPlace::Elsewhere,
                "{region}"
            );
        }
        // Bishkek is in no region of Kazakhstan; an unknown region id.
        assert_eq!(
            in_region("zhambyl_oblast", 42.8746, 74.5698),
            RegionPlace::Unknown
        );
        assert_eq!(in_region("mars", 51.1694, 71.4491), RegionPlace::Unknown);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn the_region_margin_is_benefit_of_the_doubt() {
        // A vertex of a region's polygon, and points just beside it.
        let (_, unit) = REGIONS[0];
        let (x0, y0, _) = UNITS[unit][0];
        let (lat, lon) = (i64::from(y0) * 10_000, i64::from(x0) * 10_000);
        let id = REGIONS[0].0;
        for d in [0, region_margin() / 2, -region_margin() / 2] {
            let got = locate_in_region(id, lat + d, lon + d);
            assert!(
                matches!(got, RegionPlace::Inside | RegionPlace::NearBorder),
                "{got:?}"
            );
        }
        assert_eq!(region_margin(), 55_000);
    }

    /// The one-pass test the two passes replaced: every edge's crossing and
    /// distance, in `i128`.
    fn place_in_one_pass(
        rings: &[(i32, i32, &[u8])],
        unit: i64,
        margin: i64,
        lat: i64,
        lon: i64,
    ) -> Place {
        let p = (i128::from(lon), i128::from(lat));
        let m = i128::from(margin);
        let (mut inside, mut near) = (false, false);
        edges(rings, unit, &mut |a, b| {
            let (a, b) = (wide(a), wide(b));
            if (a.1 > p.1) != (b.1 > p.1) {
                let lhs = (p.0 - a.0) * (b.1 - a.1);
                let rhs = (p.1 - a.1) * (b.0 - a.0);
                if (b.1 > a.1 && lhs < rhs) || (b.1 < a.1 && lhs > rhs) {
                    inside = !inside;
                }
            }
            let (abx, aby) = (b.0 - a.0, b.1 - a.1);
            let (apx, apy) = (p.0 - a.0, p.1 - a.1);
            let t = apx * abx + apy * aby;
            let len2 = abx * abx + aby * aby;
            near |= if t <= 0 || len2 == 0 {
                apx * apx + apy * apy <= m * m
            } else if t >= len2 {
                let (bpx, bpy) = (p.0 - b.0, p.1 - b.1);
                bpx * bpx + bpy * bpy <= m * m
            } else {
                let cross = abx * apy - aby * apx;
                cross * cross <= m * m * len2
            };
        });
        match (inside, near) {
            (true, _) => Place::Inside,
            (false, true) => Place::NearBorder,
            (false, false) => Place::Outside,
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn the_two_passes_answer_as_one() {
        // Points over the country and around it, and points a little off each
        // vertex of the border (where the margin decides).
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = |span: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            i64::try_from(x % span).unwrap()
        };
        let mut points = Vec::new();
        for _ in 0..2_000 {
            points.push((35_000_000 + next(25_000_000), 40_000_000 + next(55_000_000)));
        }
        edges(RINGS, 1_000, &mut |a, _| {
            points.push((a.1 + next(60_001) - 30_000, a.0 + next(60_001) - 30_000));
        });
        let mut places = [0; 3];
        for (i, &(lat, lon)) in points.iter().enumerate() {
            let want = place_in_one_pass(RINGS, 1_000, margin(), lat, lon);
            let rings = Rings(RINGS, 1_000);
            assert_eq!(place_in(&rings, margin(), lat, lon), want, "{lat} {lon}");
            // As the service files the edges (natively, by bands of latitude).
            assert_eq!(place_in(&country(), margin(), lat, lon), want);
            places[want as usize] += 1;
            // The regions (many more edges) at every third point.
            for (u, rings) in UNITS.iter().enumerate().filter(|_| i % 3 == 0) {
                for m in [0, region_margin()] {
                    let want = place_in_one_pass(rings, 10_000, m, lat, lon);
                    let got = place_in(&Rings(rings, 10_000), m, lat, lon);
                    assert_eq!(got, want, "{lat} {lon}");
                    let filed = unit(u).map(|border| place_in(&border, m, lat, lon));
                    assert_eq!(filed, Some(want), "{lat} {lon}");
                }
            }
        }
        // Each answer is met many times.
        assert!(places.iter().all(|&n| n > 100), "{places:?}");
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn rice_steps_decode_and_stop_on_bad_bytes() {
        let steps = |bytes: &[u8]| {
            let mut got = Vec::new();
            each_step(bytes, |dx, dy| got.push((dx, dy)));
            got
        };
        // k 2: 1, -3 (2 = `0 10`, 5 = `10 01`), the last bit filling the byte.
        assert_eq!(steps(&[2, 0b0101_0011]), [(1, -3)]);
        // k 0: 0, -1, 1, -2 (`0`, `10`, `110`, `1110`), then fill.
        assert_eq!(steps(&[0, 0b0101_1011, 0b1011_1111]), [(0, -1), (1, -2)]);
        // A cut value, no k, a k beyond 16: no step from them.
        assert_eq!(steps(&[2, 0b0101_0011, 0b1111_1111]), [(1, -3)]);
        assert_eq!(steps(&[]), []);
        assert_eq!(steps(&[17, 0]), []);
    }

    /// The vertices of `rings` as the source file writes them (degrees with
    /// `per_degree` steps), in micro-degrees.
    fn source_rings(rings: &serde_json::Value, per_degree: f64) -> Vec<Vec<(i64, i64)>> {
        let unit = 1e6 / per_degree;
        let rings = rings.as_array().expect("rings");
        let at = |v: &serde_json::Value| {
            let d = v.as_f64().expect("a number") * per_degree;
            (d.round() * unit) as i64
        };
        rings
            .iter()
            .map(|ring| {
                let ring = ring.as_array().expect("a ring");
                ring.iter().map(|pt| (at(&pt[0]), at(&pt[1]))).collect()
            })
            .collect()
    }

    /// The vertices of the generated `rings`, ring by ring, in micro-degrees.
    fn decoded_rings(rings: &[(i32, i32, &[u8])], unit: i64) -> Vec<Vec<(i64, i64)>> {
        rings
            .iter()
            .map(|r| {
                let mut ring = Vec::new();
                edges(&[*r], unit, &mut |a, _| ring.push(a));
                ring
            })
            .collect()
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn the_tables_hold_the_source_points() {
        let country: serde_json::Value =
            serde_json::from_str(include_str!("../../data/boundaries/kazakhstan.json")).unwrap();
        let want = source_rings(&country["rings"], 1_000.0);
        assert_eq!(want.iter().map(Vec::len).sum::<usize>(), 898);
        assert_eq!(decoded_rings(RINGS, 1_000), want);
        let regions: serde_json::Value =
            serde_json::from_str(include_str!("../../data/boundaries/regions.json")).unwrap();
        let units = regions["units"].as_array().unwrap();
        assert_eq!(units.len(), UNITS.len());
        let mut points = 0;
        for (unit, rings) in units.iter().zip(UNITS) {
            let want = source_rings(&unit["rings"], 100.0);
            points += want.iter().map(Vec::len).sum::<usize>();
            assert_eq!(decoded_rings(rings, 10_000), want, "{}", unit["code"]);
        }
        assert_eq!(points, 1_125);
    }
}
