//! The permit (seed 000 App.3 permit blank): limit appendices 1–4, conditions 1–4
//! ("year ____ — ____ tonnes") and the validity period.

use crate::findings::{Basis, Finding};
use crate::model::{Permit, YearTonnes};

use super::grid::{consistent, number_finding, push_index, Acc, Slot, Spec, YearTotal};
use super::number::{self, NumberError};
use super::tables::{
    air_limits_view, tonnes_limits_view, water_limits_view, AIR_LIMITS, SULFUR_LIMITS,
    WASTE_LIMITS, WATER_LIMITS,
};
use super::years::{year_param, YearsOf, MAX_YEARS};
use super::{basis, Checker, TableRun, TotalCell};
use super::{
    CONDITION_MISMATCH, CONDITION_WITHOUT_APPENDIX, MISSING_VALUE, PERMIT_TOO_LONG,
    VALIDITY_REVERSED, YEAR_OUTSIDE_VALIDITY,
};

fn conditions_form() -> Basis {
    Basis::new(basis::KARAGANDA, "App.3 permit, conditions 1–4")
}

impl Checker<'_, '_> {
    /// Checks a permit's appendices, conditions and validity.
    pub(crate) fn check_permit(&mut self, p: &Permit) {
        let empty = Vec::new();
        let appendices: [(&Spec, Option<TableRun>); 4] = [
            (
                &AIR_LIMITS,
                p.air_limits
                    .as_ref()
                    .and_then(|t| self.run_table(&AIR_LIMITS, air_limits_view(t), YearsOf::Permit)),
            ),
            (
                &WATER_LIMITS,
                p.discharge_limits.as_ref().and_then(|t| {
                    self.run_table(&WATER_LIMITS, water_limits_view(t), YearsOf::Permit)
                }),
            ),
            (
                &WASTE_LIMITS,
                p.waste_limits.as_ref().and_then(|t| {
                    self.run_table(&WASTE_LIMITS, tonnes_limits_view(t), YearsOf::Permit)
                }),
            ),
            (
                &SULFUR_LIMITS,
                p.sulfur_limits.as_ref().and_then(|t| {
                    self.run_table(&SULFUR_LIMITS, tonnes_limits_view(t), YearsOf::Permit)
                }),
            ),
        ];
        let conditions = p.conditions.as_ref();
        let lists: [(&str, &Vec<YearTonnes>); 4] = [
            (
                "/permit/conditions/air",
                conditions.and_then(|c| c.air.as_ref()).unwrap_or(&empty),
            ),
            (
                "/permit/conditions/discharges",
                conditions
                    .and_then(|c| c.discharges.as_ref())
                    .unwrap_or(&empty),
            ),
            (
                "/permit/conditions/waste",
                conditions.and_then(|c| c.waste.as_ref()).unwrap_or(&empty),
            ),
            (
                "/permit/conditions/sulfur",
                conditions.and_then(|c| c.sulfur.as_ref()).unwrap_or(&empty),
            ),
        ];
        let validity = self.validity(p);
        for ((spec, appendix), (items, lines)) in appendices.iter().zip(lists) {
            let years: Vec<Option<i32>> = lines.iter().map(|l| l.year).collect();
            self.check_years(items, &years, YearsOf::Permit, &conditions_form());
            let totals = appendix
                .as_ref()
                .map_or(&[][..], |run| run.totals.as_slice());
            for (i, line) in lines.iter().enumerate() {
                self.condition(items, i, line, totals);
            }
            if let Some((from, to)) = validity {
                if let Some(run) = appendix {
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
        let mut base = String::with_capacity(items.len() + 8);
        base.push_str(items);
        push_index(&mut base, i);
        let Some(year) = line.year else { return };
        let Some(appendix) = totals.iter().find(|t| t.year == Some(year)) else {
            let mut path = base;
            path.push_str("/year");
            let f = Finding::warning(CONDITION_WITHOUT_APPENDIX, path)
                .with("year", year_param(year))
                .basis(conditions_form());
            self.push(f);
            return;
        };
        let path = format!("{base}/tonnes");
        if appendix.acc.n > 0 {
            self.totals.push(TotalCell {
                path: path.clone(),
                value: super::decimal::format_units(appendix.acc.sum),
                complete: !appendix.acc.missing,
            });
        }
        let Some(amount) = line.tonnes.as_ref() else {
            return;
        };
        let stated = match number::parse(amount.as_str()) {
            Ok(q) => Slot {
                units: q.units,
                dec: q.decimals,
                ok: true,
            },
            Err(NumberError::Empty) => {
                if !self.cx.input_failed(&path) {
                    self.push(Finding::error(MISSING_VALUE, path).basis(conditions_form()));
                }
                return;
            }
            Err(e) => {
                self.push(number_finding(&e, amount.as_str(), path));
                return;
            }
        };
        let declared = appendix.declared;
        let mut declared_acc = Acc::default();
        if declared.ok {
            // A declared total as a one-part sum, with its own rounding tolerance.
            declared_acc = Acc {
                sum: i128::from(declared.units),
                tol: super::decimal::half_ulp2(declared.dec),
                n: 1,
                missing: false,
            };
        }
        let sum = &appendix.acc;
        let checkable = sum.complete() || declared.ok;
        let fits = (sum.complete() && consistent(stated, sum))
            || (declared.ok && consistent(stated, &declared_acc));
        if checkable && !fits {
            let expected = if sum.complete() {
                sum.sum
            } else {
                i128::from(declared.units)
            };
            let f = Finding::error(CONDITION_MISMATCH, path)
                .with(
                    "declared",
                    crate::findings::Param::Decimal(super::decimal::format_units(i128::from(
                        stated.units,
                    ))),
                )
                .with(
                    "expected",
                    crate::findings::Param::Decimal(super::decimal::format_units(expected)),
                )
                .basis(conditions_form());
            self.push(f);
        }
    }

    /// The validity period "from year ____ to year ____", when both are given and
    /// in order; at most five years (art. 76) unless the term is unlimited.
    fn validity(&mut self, p: &Permit) -> Option<(i32, i32)> {
        let (from, to) = (p.valid_from_year?, p.valid_to_year?);
        if to < from {
            let f = Finding::error(VALIDITY_REVERSED, "/permit/valid_to_year")
                .with("from", year_param(from))
                .with("to", year_param(to))
                .basis(Basis::new(basis::KARAGANDA, "App.3 permit, condition 7"));
            self.push(f);
            return None;
        }
        let span = i64::from(to) - i64::from(from) + 1;
        if span > MAX_YEARS as i64 && !self.unlimited_term() {
            let f = Finding::error(PERMIT_TOO_LONG, "/permit/valid_to_year")
                .with("count", span)
                .with("max", MAX_YEARS)
                .basis(basis::term());
            self.push(f);
        }
        Some((from, to))
    }

    /// Years of a list outside the validity period (a warning: the blank's
    /// year columns are meant to cover the period, DIGEST §5.4 [rec]).
    fn within_validity(&mut self, items: &str, years: &[Option<i32>], from: i32, to: i32) {
        for (i, y) in years.iter().enumerate() {
            let Some(y) = *y else { continue };
            if y < from || y > to {
                let mut path = String::with_capacity(items.len() + 12);
                path.push_str(items);
                push_index(&mut path, i);
                path.push_str("/year");
                let f = Finding::warning(YEAR_OUTSIDE_VALIDITY, path)
                    .with("year", year_param(y))
                    .with("from", year_param(from))
                    .with("to", year_param(to))
                    .basis(Basis::new(basis::KARAGANDA, "App.3 permit, condition 7"));
                self.push(f);
            }
        }
    }
}
