//! Table 1: industrial sites — numbers, coordinates, area.

use crate::findings::{Basis, Param};
use crate::model::Dms;

use super::decimal::{self, Rounding};
use super::grid::{later_duplicates, pack, push_index, sort_keys, unpack};
use super::{basis, finding, Checker};

/// Kazakhstan's extent in whole degrees, rounded outwards (DIGEST §5.4, outside
/// the seeds): latitude 40°–56° N, longitude 46°–88° E.
pub const LATITUDE_EXTENT: (i64, i64) = (40, 56);
/// See [`LATITUDE_EXTENT`].
pub const LONGITUDE_EXTENT: (i64, i64) = (46, 88);

/// Site numbers defined by table 1 (sorted), and whether they can be relied on
/// (table 1 is filled and every row has a number).
#[derive(Debug, Clone, Default)]
pub(crate) struct Sites {
    pub numbers: Vec<u32>,
    pub usable: bool,
}

const UNITS_PER_ONE: i128 = 1_000_000_000;

/// The form's table 1 under `edition`.
pub(crate) fn t1_form(edition: Option<&str>) -> Basis {
    basis::form(edition, Some("PR App.1 T1"), "App.3 T1")
}

impl Checker<'_, '_> {
    fn t1_form(&self) -> Basis {
        t1_form(self.cx.edition.map(|e| e.id))
    }

    /// Checks table 1 and returns its site numbers.
    pub(crate) fn check_sites(&mut self) -> Sites {
        let Some(rows) = self.cx.app.industrial_sites.as_ref() else {
            return Sites::default();
        };
        let mut numbers: Vec<u64> = Vec::with_capacity(rows.len());
        let mut usable = !rows.is_empty();
        for (i, site) in rows.iter().enumerate() {
            let mut base = String::from("/industrial_sites");
            push_index(&mut base, i);
            match site.number {
                Some(n) => numbers.push(pack(n, i)),
                None => usable = false,
            }
            self.dms(
                &base,
                "/latitude",
                site.latitude.as_ref(),
                90,
                LATITUDE_EXTENT,
            );
            self.dms(
                &base,
                "/longitude",
                site.longitude.as_ref(),
                180,
                LONGITUDE_EXTENT,
            );
            let mut area_path = base;
            area_path.push_str("/area_ha");
            if let Some(q) = self.amount(site.area_ha.as_ref(), &area_path, t1_form) {
                if q.units == 0 {
                    let f = finding::area_not_positive(area_path).basis(self.t1_form());
                    self.push(f);
                }
            }
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
        }
    }

    /// Degrees and minutes whole, degrees below `deg_limit`, minutes and seconds
    /// in [0, 60); then the angle inside `extent` (a warning outside).
    fn dms(
        &mut self,
        base: &str,
        field: &str,
        v: Option<&Dms>,
        deg_limit: i64,
        extent: (i64, i64),
    ) {
        let Some(v) = v else { return };
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
            let units = i128::from(q.units);
            if whole && units % UNITS_PER_ONE != 0 {
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
        if !complete {
            return;
        }
        let (lo, hi) = extent;
        let seconds = |deg: i64| i128::from(deg) * 3600 * UNITS_PER_ONE;
        if total < seconds(lo) || total > seconds(hi) {
            // Decimal degrees to 4 places (about 11 m), half away from zero.
            let degrees =
                decimal::div_round(total, 3600 * 100_000, Rounding::HalfAwayFromZero).unwrap_or(0);
            let f = finding::outside_kazakhstan(
                path,
                Param::Decimal(decimal::format_scaled(degrees, 4)),
                lo,
                hi,
            );
            self.push(f);
        }
    }
}
