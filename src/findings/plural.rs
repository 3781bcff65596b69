//! CLDR plural rules of the three languages, for counts in messages.
//!
//! A message says «2 строки», «5 строк», «21 строка»: the form of a noun after a
//! number depends on the number. CLDR names the forms (plural categories) and
//! gives the rule choosing one per language; templates name the forms they give
//! (`{count, plural, one {# строка} few {# строки} many {# строк} other {# строки}}`,
//! see [`crate::findings::catalog`]) and [`category`] picks one.
//!
//! The rules of the three languages (CLDR 46, cardinal):
//!
//! | language | category | rule |
//! |---|---|---|
//! | kk | one | n = 1 |
//! | kk | other | everything else |
//! | ru | one | v = 0 and i % 10 = 1 and i % 100 ≠ 11 |
//! | ru | few | v = 0 and i % 10 = 2..4 and i % 100 ≠ 12..14 |
//! | ru | many | v = 0 and (i % 10 = 0 or i % 10 = 5..9 or i % 100 = 11..14) |
//! | ru | other | everything else (fractions) |
//! | en | one | i = 1 and v = 0 |
//! | en | other | everything else |
//!
//! where `n` is the absolute value, `i` its integer digits and `v` the number of
//! visible fraction digits (`1.50`: i = 1, v = 2). A handful of comparisons, so a
//! table here rather than ICU4X (`icu_plurals`), which costs several kilobytes of
//! wasm for the same three rules (DESIGN.md, "Language").
//!
//! ```
//! use kz_eco_rules::findings::plural::{category, Category};
//! use kz_eco_rules::Lang;
//! assert_eq!(category(Lang::Ru, "21"), Category::One);
//! assert_eq!(category(Lang::Ru, "22"), Category::Few);
//! assert_eq!(category(Lang::Ru, "25"), Category::Many);
//! assert_eq!(category(Lang::Ru, "1.5"), Category::Other);
//! assert_eq!(category(Lang::En, "1"), Category::One);
//! assert_eq!(category(Lang::Kk, "2"), Category::Other);
//! ```

use crate::lang::Lang;

/// A CLDR plural category (the ones our three languages use).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    /// `one`: 1 (ru also 21, 31, 101…).
    One,
    /// `few`: ru 2–4, 22–24…
    Few,
    /// `many`: ru 0, 5–20, 25–30, 100…
    Many,
    /// `other`: what no other category takes (ru: fractions; kk, en: all but 1).
    Other,
}

impl Category {
    /// The CLDR keyword: `one`, `few`, `many`, `other`.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::One => "one",
            Category::Few => "few",
            Category::Many => "many",
            Category::Other => "other",
        }
    }
}

/// The categories a language distinguishes, in CLDR order: the forms a plural
/// template in that language must give.
pub fn categories(lang: Lang) -> &'static [Category] {
    match lang {
        Lang::Ru => &[
            Category::One,
            Category::Few,
            Category::Many,
            Category::Other,
        ],
        Lang::Kk | Lang::En => &[Category::One, Category::Other],
    }
}

/// The category of the number written `number` (decimal digits with an optional
/// `-` and `.` fraction, as parameters are kept) in `lang`; text that is no such
/// number is `other`.
pub fn category(lang: Lang, number: &str) -> Category {
    let digits = number.strip_prefix('-').unwrap_or(number);
    let (int, frac) = crate::text::split_once(digits, ".").unwrap_or((digits, ""));
    let well_formed = !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
        && !(crate::text::contains(digits, ".") && frac.is_empty());
    if !well_formed {
        return Category::Other;
    }
    // i % 100 needs only the last two digits (and i = 1 the whole of them).
    let last_two = int.get(int.len().saturating_sub(2)..).unwrap_or(int);
    let i100 = crate::text::digits_value(last_two).map_or(0, |n| n as u32);
    let i10 = i100 % 10;
    let i_is_one = crate::text::trim_start_byte(int, b'0') == "1";
    let v = frac.len();
    match lang {
        Lang::Kk => {
            // n = 1: the value, whatever the fraction digits (1.0 and 1.00 too).
            if i_is_one && frac.bytes().all(|b| b == b'0') {
                Category::One
            } else {
                Category::Other
            }
        }
        Lang::En => {
            if i_is_one && v == 0 {
                Category::One
            } else {
                Category::Other
            }
        }
        Lang::Ru => {
            if v != 0 {
                Category::Other
            } else if i10 == 1 && i100 != 11 {
                Category::One
            } else if (2..=4).contains(&i10) && !(12..=14).contains(&i100) {
                Category::Few
            } else {
                Category::Many
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    /// CLDR's example numbers (plurals.xml, CLDR 46) for each category; `~`
    /// ranges written out.
    fn examples(lang: Lang) -> Vec<(Category, Vec<String>)> {
        fn range(a: u32, b: u32) -> impl Iterator<Item = String> {
            (a..=b).map(|n| n.to_string())
        }
        let s = |v: &[&str]| v.iter().map(|x| (*x).to_owned()).collect::<Vec<_>>();
        match lang {
            Lang::Ru => vec![
                (
                    Category::One,
                    s(&["1", "21", "31", "41", "51", "61", "71", "81", "101", "1001"]),
                ),
                (
                    Category::Few,
                    range(2, 4)
                        .chain(range(22, 24))
                        .chain(range(32, 34))
                        .chain(range(42, 44))
                        .chain(range(52, 54))
                        .chain(s(&["62", "102", "1002"]))
                        .collect(),
                ),
                (
                    Category::Many,
                    std::iter::once("0".to_owned())
                        .chain(range(5, 19))
                        .chain(s(&["100", "1000", "10000", "100000", "1000000"]))
                        .collect(),
                ),
                (
                    Category::Other,
                    s(&[
                        "0.0",
                        "0.1",
                        "0.5",
                        "1.0",
                        "1.5",
                        "10.0",
                        "100.0",
                        "1000.0",
                        "10000.0",
                        "100000.0",
                        "1000000.0",
                    ]),
                ),
            ],
            Lang::Kk => vec![
                (Category::One, s(&["1", "1.0", "1.00", "1.000", "1.0000"])),
                (
                    Category::Other,
                    std::iter::once("0".to_owned())
                        .chain(range(2, 16))
                        .chain(s(&[
                            "100", "1000", "10000", "100000", "1000000", "0.0", "0.1", "0.9",
                            "1.1", "1.6", "10.0", "100.0",
                        ]))
                        .collect(),
                ),
            ],
            Lang::En => vec![
                (Category::One, s(&["1"])),
                (
                    Category::Other,
                    std::iter::once("0".to_owned())
                        .chain(range(2, 16))
                        .chain(s(&[
                            "100", "1000", "10000", "100000", "1000000", "0.0", "1.5", "10.0",
                            "100.0", "1000.0",
                        ]))
                        .collect(),
                ),
            ],
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn cldr_example_numbers_get_their_category() {
        for lang in Lang::ALL {
            for (want, numbers) in examples(lang) {
                assert!(categories(lang).contains(&want));
                for n in numbers {
                    assert_eq!(category(lang, &n), want, "{lang:?} {n}");
                }
            }
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn the_report_counts_of_the_reviewer() {
        let ru: Vec<&str> = ["1", "2", "5", "11", "21", "22", "25", "101", "111", "112"]
            .iter()
            .map(|n| category(Lang::Ru, n).as_str())
            .collect();
        assert_eq!(
            ru,
            ["one", "few", "many", "many", "one", "few", "many", "one", "many", "many"]
        );
        assert_eq!(category(Lang::Ru, "-21"), Category::One);
        assert_eq!(category(Lang::En, "01"), Category::One);
        for bad in ["", "abc", "1.", ".5", "1e3", "--1"] {
            assert_eq!(category(Lang::Ru, bad), Category::Other, "{bad}");
        }
    }
}
