//! Table 1: industrial sites — numbers, coordinates, area.

use crate::findings::{Basis, Param, TermKind};
use crate::model::{Category, Dms};

use super::boundary::{self, Place, RegionPlace};
use super::decimal::{self, Rounding};
use super::grid::{later_duplicates, pack, push_index, sort_keys, unpack};
use super::{basis, finding, Checker};

/// Site numbers defined by table 1 (sorted), and whether they can be relied on
/// (table 1 is filled and every row has a number).
#[derive(Debug, Clone, Default)]
pub(crate) struct Sites {
    pub numbers: Vec<u32>,
    pub usable: bool,
    /// Table 1 is empty or absent, and no other finding says so: no site is
    /// defined.
    pub undefined: bool,
}

const UNITS_PER_ONE: i128 = decimal::ONE;

/// The form's table 1 under `edition`.
pub(crate) fn t1_form(edition: Option<&str>) -> Basis {
    basis::form(edition, "table_1")
}

impl Checker<'_, '_> {
    fn t1_form(&self) -> Basis {
        t1_form(self.cx.edition.map(|e| e.id))
    }

    /// Checks table 1 and returns its site numbers.
    pub(crate) fn check_sites(&mut self) -> Sites {
        let Some(rows) = self.cx.app.industrial_sites.as_ref() else {
            return Sites {
                undefined: !self.cx.input_failed("/industrial_sites"),
                ..Sites::default()
            };
        };
        if rows.is_empty() {
            return Sites {
                undefined: true,
                ..Sites::default()
            };
        }
        let mut numbers: Vec<u64> = Vec::with_capacity(rows.len());
        let mut usable = !rows.is_empty();
        // Each site's point (path, latitude, longitude), while every site has one.
        let mut points: Option<Vec<(String, i64, i64)>> = Some(Vec::with_capacity(rows.len()));
        for (i, site) in rows.iter().enumerate() {
            let mut base = String::from("/industrial_sites");
            push_index(&mut base, i);
            match site.number {
                Some(n) => numbers.push(pack(n, i)),
                None => usable = false,
            }
            let lat = self.dms(&base, "/latitude", site.latitude.as_ref(), 90);
            let lon = self.dms(&base, "/longitude", site.longitude.as_ref(), 180);
            match (lat, lon) {
                (Some(lat), Some(lon)) => {
                    self.inside_kazakhstan(&base, lat, lon);
                    if let Some(p) = points.as_mut() {
                        p.push((base.clone(), lat, lon));
                    }
                }
                _ => points = None,
            }
            let mut area_path = base;
            area_path.push_str("/area_ha");
            if let Some(q) = self.amount(site.area_ha.as_ref(), &area_path, t1_form) {
                if q.units == 0 {
                    // The blanks give the column of areas only; an occupied area
                    // of 0 ha is an untrue figure: the refusal ground for
                    // incorrect materials.
                    let edition = self.cx.edition.map(|e| e.id);
                    let f = finding::area_not_positive(area_path)
                        .basis(super::basis::incorrect(edition));
                    self.push(f);
                }
            }
        }
        if let Some(points) = points {
            self.inside_region(&points);
        }
        for (i, n) in later_duplicates(numbers.clone()) {
            let mut path = String::from("/industrial_sites");
            push_index(&mut path, i);
            path.push_str("/number");
            let f = finding::duplicate_site(path, n).basis(self.t1_form());
            self.push(f);
        }
        sort_keys(&mut numbers);
        let mut list: Vec<u32> = Vec::with_capacity(numbers.len());
        for (n, _) in numbers.into_iter().map(unpack) {
            if list.last() != Some(&n) {
                list.push(n);
            }
        }
        Sites {
            numbers: list,
            usable,
            undefined: false,
        }
    }

    /// Degrees and minutes whole, degrees below `deg_limit`, minutes and seconds
    /// in [0, 60): the angle in micro-degrees (rounded down), or `None` after
    /// reporting what is wrong.
    fn dms(&mut self, base: &str, field: &str, v: Option<&Dms>, deg_limit: i64) -> Option<i64> {
        let v = v?;
        let mut path = String::with_capacity(base.len() + 16);
        path.push_str(base);
        path.push_str(field);
        // (value, field, limit, whole, seconds per unit)
        let parts = [
            (v.deg.as_ref(), "/deg", deg_limit, true, 3600),
            (v.min.as_ref(), "/min", 60, true, 60),
            (v.sec.as_ref(), "/sec", 60, false, 1),
        ];
        let mut total: i128 = 0;
        let mut complete = true;
        for (amount, name, limit, whole, per) in parts {
            let mut part_path = path.clone();
            part_path.push_str(name);
            let Some(q) = self.amount(amount, &part_path, t1_form) else {
                complete = false;
                continue;
            };
            let units = q.units;
            if whole && decimal::div_rem(units, UNITS_PER_ONE).1 != 0 {
                let f = finding::not_whole(part_path, Param::Decimal(q.canonical()))
                    .basis(self.t1_form());
                self.push(f);
                complete = false;
            } else if units >= i128::from(limit) * UNITS_PER_ONE {
                let f = finding::coordinate_out_of_range(
                    part_path,
                    Param::Decimal(q.canonical()),
                    limit,
                )
                .basis(self.t1_form());
                self.push(f);
                complete = false;
            }
            total += units * per;
        }
        // Seconds in units → micro-degrees: ÷ (3600 × 10¹² ÷ 10⁶).
        let micro = decimal::div_rem(total, 3600 * (UNITS_PER_ONE / 1_000_000)).0;
        complete.then(|| i64::try_from(micro).unwrap_or(i64::MAX))
    }

    /// The site (`lat`, `lon` in micro-degrees, north and east) inside
    /// Kazakhstan's border; outside it, whether swapping the two would put it
    /// inside (a common slip: the columns are side by side).
    fn inside_kazakhstan(&mut self, base: &str, lat: i64, lon: i64) {
        if boundary::locate(lat, lon) != Place::Outside {
            return;
        }
        let f = if boundary::locate(lon, lat) == Place::Inside {
            finding::coordinates_swapped(base, deg(lat), deg(lon))
        } else {
            finding::outside_kazakhstan(base, deg(lat), deg(lon))
        };
        self.push(f);
    }

    /// The sites (`points`: path, latitude, longitude in micro-degrees) against
    /// the region the application names, for categories II–IV, whose permits
    /// the regions' executive bodies issue. An object may lie across regions
    /// and be applied for in any of them (2021 Code art. 120 p. 4), so only when
    /// every site lies in another region is each reported; a site near a
    /// region's border or in no region's polygon stops the check.
    fn inside_region(&mut self, points: &[(String, i64, i64)]) {
        let app = self.cx.app;
        let regional = matches!(
            app.category,
            Some(Category::II | Category::III | Category::IV)
        );
        let Some(region) = app.region.as_deref().filter(|_| regional) else {
            return;
        };
        let elsewhere = |&(_, lat, lon): &(String, i64, i64)| {
            boundary::locate_in_region(region, lat, lon) == RegionPlace::Elsewhere
        };
        if points.is_empty() || !points.iter().all(elsewhere) {
            return;
        }
        let basis = if app.category == Some(Category::II) {
            super::basis::region_of_sites(self.cx.edition.map(|e| e.id))
        } else {
            None
        };
        for (base, lat, lon) in points {
            let region = Param::Term(TermKind::Region, region.to_owned());
            let mut f = finding::outside_region(base.as_str(), deg(*lat), deg(*lon), region);
            if let Some(b) = &basis {
                f = f.basis(b.clone());
            }
            self.push(f);
        }
    }
}

/// Micro-degrees as decimal degrees to 4 places (about 11 m), half away from zero.
fn deg(micro: i64) -> Param {
    let v = decimal::div_round(i128::from(micro), 100, Rounding::HalfAwayFromZero);
    Param::Decimal(decimal::format_scaled(v.unwrap_or(0), 4))
}
