//! The permit (seed 000 App.3 permit blank): limit appendices 1–4, conditions 1–4
//! ("year ____ — ____ tonnes") and the validity period.

use crate::findings::{Basis, Param};
use crate::model::{Permit, YearTonnes};

use super::decimal;
use super::grid::{consistent, push_index, Acc, Slot, YearTotal};
use super::tables::{
    air_limits_view, tonnes_limits_view, water_limits_view, AIR_LIMITS, SULFUR_LIMITS,
    WASTE_LIMITS, WATER_LIMITS,
};
use super::years::{year_param, YearsOf};
use super::{basis, finding, Checker, TotalCell};

fn conditions_form(edition: Option<&str>) -> Basis {
    basis::form(edition, "permit_conditions")
}

impl Checker<'_, '_> {
    /// Checks a permit's appendices, conditions and validity.
    pub(crate) fn check_permit(&mut self, p: &Permit) {
        let validity = self.validity(p);
        let of = YearsOf::Permit;
        let runs = [
            p.air_limits
                .as_ref()
                .and_then(|t| self.run_table(&AIR_LIMITS, air_limits_view(t), of)),
            p.discharge_limits
                .as_ref()
                .and_then(|t| self.run_table(&WATER_LIMITS, water_limits_view(t), of)),
            p.waste_limits
                .as_ref()
                .and_then(|t| self.run_table(&WASTE_LIMITS, tonnes_limits_view(t), of)),
            p.sulfur_limits
                .as_ref()
                .and_then(|t| self.run_table(&SULFUR_LIMITS, tonnes_limits_view(t), of)),
        ];
        let c = p.conditions.as_ref();
        let lists = [
            c.and_then(|c| c.air.as_deref()),
            c.and_then(|c| c.discharges.as_deref()),
            c.and_then(|c| c.waste.as_deref()),
            c.and_then(|c| c.sulfur.as_deref()),
        ];
        let specs = [&AIR_LIMITS, &WATER_LIMITS, &WASTE_LIMITS, &SULFUR_LIMITS];
        let items = [
            "/permit/conditions/air",
            "/permit/conditions/discharges",
            "/permit/conditions/waste",
            "/permit/conditions/sulfur",
        ];
        for (((run, lines), spec), items) in runs.iter().zip(lists).zip(specs).zip(items) {
            let lines = lines.unwrap_or_default();
            let mut years = Vec::with_capacity(lines.len());
            for l in lines {
                years.push(l.year);
            }
            self.check_years(items, &years, of, &conditions_form(None));
            // Without an appendix there is nothing to restate (an absent appendix
            // is not a finding of this module).
            if let Some(run) = run {
                for (i, line) in lines.iter().enumerate() {
                    self.condition(items, i, line, &run.totals);
                }
            }
            if let Some((from, to)) = validity {
                if let Some(run) = run {
                    let mut base = String::from(spec.root);
                    base.push_str("/years");
                    self.within_validity(&base, &run.years, from, to);
                }
                self.within_validity(items, &years, from, to);
            }
        }
    }

    /// One "year ____ — ____ tonnes" line against its appendix's total for that
    /// year: it must agree with the declared total or with the exact sum of the
    /// appendix rows (within their rounding).
    fn condition(&mut self, items: &str, i: usize, line: &YearTonnes, totals: &[YearTotal]) {
        let mut path = String::with_capacity(items.len() + 12);
        path.push_str(items);
        push_index(&mut path, i);
        let base_len = path.len();
        path.push_str("/tonnes");
        let stated = self.amount(line.tonnes.as_ref(), &path, conditions_form);
        let Some(year) = line.year else { return };
        let Some(appendix) = totals.iter().find(|t| t.year == Some(year)) else {
            crate::text::cut(&mut path, base_len);
            path.push_str("/year");
            let f = finding::condition_without_appendix(path, year_param(year)).basis(
                basis::blank_or_consistency(self.edition_id(), "permit_conditions"),
            );
            self.push(f);
            return;
        };
        let sum = &appendix.acc;
        if sum.n > 0 {
            self.totals.push(TotalCell {
                path: path.clone(),
                value: decimal::format_units(sum.sum),
                complete: !sum.missing,
            });
        }
        let Some(stated) = stated.map(Slot::from) else {
            return;
        };
        let declared = appendix.declared;
        // The declared total as a one-part sum, with its own rounding tolerance.
        let mut one = Acc::default();
        one.add(declared);
        let checkable = sum.complete() || declared.ok;
        let fits = (sum.complete() && consistent(stated, sum))
            || (declared.ok && consistent(stated, &one));
        if checkable && !fits {
            let expected = if sum.complete() { sum.sum } else { one.sum };
            let f = finding::condition_mismatch(
                path,
                stated.value(),
                Param::Decimal(decimal::format_units(expected)),
            )
            .basis(conditions_form(self.edition_id()));
            self.push(f);
        }
    }

    /// The validity period "from year ____ to year ____", when both are given and
    /// in order; at most five years (art. 76) unless the term is unlimited.
    fn validity(&mut self, p: &Permit) -> Option<(i32, i32)> {
        let (from, to) = (p.valid_from_year?, p.valid_to_year?);
        if to < from {
            let f = finding::validity_reversed(
                "/permit/valid_to_year",
                year_param(from),
                year_param(to),
            )
            .basis(basis::form(self.edition_id(), "permit_validity"));
            self.push(f);
            return None;
        }
        let span = i64::from(to) - i64::from(from) + 1;
        if let Some((max, term)) = self.permit_term().filter(|(m, _)| span > *m as i64) {
            let f = finding::permit_too_long("/permit/valid_to_year", span, max).basis(term);
            self.push(f);
        }
        Some((from, to))
    }

    /// Years of a list outside the validity period (a warning: the blank's
    /// year columns are meant to cover the period, DIGEST §5.4 \[rec\]; no
    /// clause says so — condition 7 only gives the period — so the basis is the
    /// consistency check).
    fn within_validity(&mut self, items: &str, years: &[Option<i32>], from: i32, to: i32) {
        for (i, y) in years.iter().enumerate() {
            let Some(y) = *y else { continue };
            if y < from || y > to {
                let mut path = String::with_capacity(items.len() + 12);
                path.push_str(items);
                push_index(&mut path, i);
                path.push_str("/year");
                let f = finding::year_outside_validity(
                    path,
                    year_param(y),
                    year_param(from),
                    year_param(to),
                )
                .basis(Basis::consistency());
                self.push(f);
            }
        }
    }
}
