//! Per-year blocks: the years a table (or a list of permit conditions) is filled for.

use crate::findings::{Basis, Param};

use super::grid::{later_duplicates, pack, push_index, sort_keys, unpack};
use super::{finding, Checker};

/// A permit is issued for at most five years under the 2007 Code (art. 76; the
/// permit blank has five year columns), so an application asks for at most five.
/// Each edition states its own term (`permit_term` of `data/editions.json`:
/// ten years under the 2021 Code, art. 120 p. 5); this is the term used when no
/// edition could be selected.
pub const MAX_YEARS: usize = 5;

/// Years the blank allows: "20__".
pub const YEAR_RANGE: (i32, i32) = (2000, 2099);

/// A year as a message parameter (text: `2020`, never grouped as `2,020`).
pub(crate) fn year_param(y: i32) -> Param {
    let mut s = String::with_capacity(5);
    if y < 0 {
        s.push('-');
    }
    crate::text::push_uint(&mut s, u64::from(y.unsigned_abs()), 0);
    Param::Text(s)
}

/// Whose years these are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum YearsOf {
    /// An application table: requested limits for the coming years.
    Application,
    /// A permit appendix or condition list: may have started before the
    /// application (re-issue); more than five years is an error.
    Permit,
}

impl Checker<'_, '_> {
    /// Checks the years of one table; `items` is the JSON Pointer of the list
    /// (`/air_emissions/years`, `/permit/conditions/air`), `form` the blank's clause.
    pub(crate) fn check_years(
        &mut self,
        items: &str,
        years: &[Option<i32>],
        of: YearsOf,
        form: &Basis,
    ) {
        let path = |i: usize| {
            let mut p = String::with_capacity(items.len() + 12);
            p.push_str(items);
            push_index(&mut p, i);
            p.push_str("/year");
            p
        };
        let mut valid: Vec<u64> = Vec::with_capacity(years.len());
        for (i, year) in years.iter().enumerate() {
            let Some(y) = *year else { continue };
            if y < YEAR_RANGE.0 || y > YEAR_RANGE.1 {
                let f = finding::year_out_of_range(path(i), year_param(y)).basis(form.clone());
                self.push(f);
                continue;
            }
            // 2000–2099: non-negative.
            valid.push(pack(y.unsigned_abs(), i));
        }
        for (i, y) in later_duplicates(valid.clone()) {
            let f = finding::duplicate_year(path(i), year_param(y as i32)).basis(form.clone());
            self.push(f);
        }
        sort_keys(&mut valid);
        // (year, first block) of each distinct year, ascending.
        let mut distinct: Vec<(i32, usize)> = Vec::with_capacity(valid.len());
        for (y, i) in valid.into_iter().map(unpack) {
            let y = y as i32;
            if distinct.last().is_none_or(|&(prev, _)| prev != y) {
                distinct.push((y, i as usize));
            }
        }
        let form_checks = self.form_checks();
        for w in distinct.windows(2).filter(|_| form_checks) {
            if let [(prev, _), (y, i)] = w {
                if *y > prev + 1 {
                    let f =
                        finding::years_not_consecutive(path(*i), year_param(*y), year_param(*prev))
                            .basis(Basis::consistency());
                    self.push(f);
                }
            }
        }
        if let Some((max, term)) = self.permit_term().filter(|(m, _)| distinct.len() > *m) {
            let f = match of {
                YearsOf::Application => finding::too_many_years(items, distinct.len(), max),
                YearsOf::Permit => finding::permit_too_long(items, distinct.len(), max),
            };
            self.push(f.basis(term));
        }
        if of == YearsOf::Application && form_checks {
            if let Some(submitted) = self.cx.submitted_on().map(|d| d.year()) {
                for &(y, i) in distinct.iter().filter(|(y, _)| *y < submitted) {
                    let f = finding::year_before_submission(
                        path(i),
                        year_param(y),
                        year_param(submitted),
                    )
                    .basis(Basis::consistency());
                    self.push(f);
                }
            }
        }
    }
}
