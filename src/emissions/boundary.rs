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

/// Calls `edge` with every edge of every ring, in micro-degrees.
fn edges(mut edge: impl FnMut((i64, i64), (i64, i64))) {
    for &(x0, y0, steps) in RINGS {
        let first = (i64::from(x0) * 1_000, i64::from(y0) * 1_000);
        let mut prev = first;
        for step in steps.chunks_exact(2) {
            let &[dx, dy] = step else { continue };
            let (dx, dy) = (i64::from(dx) * 1_000, i64::from(dy) * 1_000);
            let next = (prev.0 + dx, prev.1 + dy);
            edge(prev, next);
            prev = next;
        }
        edge(prev, first);
    }
}

/// Locates the point (`lat`, `lon`) in micro-degrees.
pub fn locate(lat: i64, lon: i64) -> Place {
    let p = (i128::from(lon), i128::from(lat));
    let m = i128::from(margin());
    let mut inside = false;
    let mut near = false;
    edges(|a, b| {
        let (a, b) = (
            (i128::from(a.0), i128::from(a.1)),
            (i128::from(b.0), i128::from(b.1)),
        );
        // Even-odd crossing of the ray to +longitude, compared without division.
        if (a.1 > p.1) != (b.1 > p.1) {
            let lhs = (p.0 - a.0) * (b.1 - a.1);
            let rhs = (p.1 - a.1) * (b.0 - a.0);
            if (b.1 > a.1 && lhs < rhs) || (b.1 < a.1 && lhs > rhs) {
                inside = !inside;
            }
        }
        // Distance to the edge ≤ margin, squared: |ab × ap|² ≤ m²·|ab|² where
        // the foot of the perpendicular falls on the edge, else to its ends.
        let (abx, aby) = (b.0 - a.0, b.1 - a.1);
        let (apx, apy) = (p.0 - a.0, p.1 - a.1);
        let t = apx * abx + apy * aby;
        let len2 = abx * abx + aby * aby;
        let close = if t <= 0 || len2 == 0 {
            apx * apx + apy * apy <= m * m
        } else if t >= len2 {
            let (bpx, bpy) = (p.0 - b.0, p.1 - b.1);
            bpx * bpx + bpy * bpy <= m * m
        } else {
            let cross = abx * apy - aby * apx;
            cross * cross <= m * m * len2
        };
        near |= close;
    });
    match (inside, near) {
        (true, _) => Place::Inside,
        (false, true) => Place::NearBorder,
        (false, false) => Place::Outside,
    }
}

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
}
