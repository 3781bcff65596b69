//! Localized citations: the text a reader sees for a finding's machine basis.
//!
//! Every basis the rules emit (`"almaty_oblast_2012 PR §11.1.1"`) is listed in
//! `data/citations.json` with its act and its clauses as typed data (appendix,
//! table, step, article, point, part, subpoint, condition — each a number, a list
//! or a range); `build/citations.rs` turns it into a table, and [`text`] writes
//! the citation as each language writes one:
//!
//! - ru, innermost clause first, then the act in the genitive:
//!   «подп. 4) п. 3 ст. 110 Экологического кодекса РК»;
//! - kk, the act in the genitive first, then the clauses outermost first, each
//!   but the last in the genitive: «ҚР Экологиялық кодексінің 110-бабының
//!   3-тармағының 4) тармақшасы»;
//! - en, outermost first, then the act: «Art. 110 para. 3 subpara. 4 of the
//!   Ecological Code of the Republic of Kazakhstan».
//!
//! A list derived from another edition's (`"aktobe_2013 GR §7.8 →
//! almaty_oblast_2012 GR §11.1.2"`) cites both, the source in parentheses. A leaf:
//! it depends on nothing but [`crate::lang`].
//!
//! ```
//! use kz_eco_rules::findings::catalog::citation;
//! use kz_eco_rules::Lang;
//! assert_eq!(
//!     citation("eco_code_2021 art. 110 p. 3 subp. 4", Lang::Ru).as_deref(),
//!     Some("подп. 4) п. 3 ст. 110 Экологического кодекса РК")
//! );
//! assert_eq!(
//!     citation("eco_code_2021 art. 110 p. 3 subp. 4", Lang::Kk).as_deref(),
//!     Some("ҚР Экологиялық кодексінің 110-бабының 3-тармағының 4) тармақшасы")
//! );
//! assert_eq!(citation("no_such_act §1", Lang::En), None);
//! ```

use crate::lang::{Lang, Localized};

/// How one kind of clause is written: alone or as the last of a chain (`one`,
/// `many` for a list or a range), and inside a chain (`of_one`, `of_many`: the kk
/// genitive; ru and en write the same as alone).
struct LevelForms {
    one: Localized,
    many: Localized,
    of_one: Localized,
    of_many: Localized,
}

/// An act: its genitive form that follows (ru, en) or precedes (kk) clauses, and
/// its name for a basis that names the act alone.
struct Act {
    of: Option<Localized>,
    name: Option<Localized>,
}

/// A clause number, a range of them, or a list.
enum Num {
    One(&'static str),
    Range(&'static str, &'static str),
    List(&'static [Num]),
}

impl Num {
    fn many(&self) -> bool {
        !matches!(self, Num::One(_))
    }

    fn write(&self, out: &mut String) {
        match self {
            Num::One(n) => out.push_str(n),
            Num::Range(a, b) => {
                out.push_str(a);
                out.push('–');
                out.push_str(b);
            }
            Num::List(items) => {
                for (i, n) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    n.write(out);
                }
            }
        }
    }
}

/// One chain of clauses, outermost first: `(level index, number)`.
type Chain = &'static [(usize, Num)];

/// A row of the table: the basis as emitted, its act (index into `ACTS`), its
/// chains.
type Row = (&'static str, usize, &'static [Chain]);

include!(concat!(env!("OUT_DIR"), "/citations.rs"));

/// Where a derived list cites its source list.
const DERIVED_SEPARATOR: &str = " → ";

/// Between the bases of a day with two (`"Constitution of 2026 art. 94; Law No. 267-II (from 2027)"`).
const JOINED: &str = "; ";

/// The localized citation of `basis` (a finding's machine basis as serialized),
/// or `None` when the basis is not in `data/citations.json` (e.g. an edition
/// registered at run time).
pub(crate) fn text(basis: &str, lang: Lang) -> Option<String> {
    let mut parts = basis.split(DERIVED_SEPARATOR);
    let clause = one(parts.next()?, lang)?;
    let mut source = String::new();
    for part in parts {
        if !source.is_empty() {
            source.push_str("; ");
        }
        source.push_str(&one(part, lang)?);
    }
    if source.is_empty() {
        return Some(clause);
    }
    Some(
        DERIVED
            .get(lang)
            .replace("{clause}", &clause)
            .replace("{source}", &source),
    )
}

/// The basis rule code names by `key` (`data/citations.json`, `rules`), as
/// `(source, clause)`.
pub(crate) fn rule(key: &str) -> Option<(&'static str, &'static str)> {
    RULES
        .binary_search_by(|(k, _, _)| (*k).cmp(key))
        .ok()
        .and_then(|i| RULES.get(i))
        .map(|(_, source, clause)| (*source, *clause))
}

/// True when `basis` (each part of a derived or joined one) is in the citations
/// table.
pub(crate) fn is_known(basis: &str) -> bool {
    basis
        .split(DERIVED_SEPARATOR)
        .all(|b| find(b).is_some() || b.split(JOINED).all(|p| find(p).is_some()))
}

fn find(basis: &str) -> Option<&'static Row> {
    CLAUSES
        .binary_search_by(|(b, _, _)| (*b).cmp(basis))
        .ok()
        .and_then(|i| CLAUSES.get(i))
}

/// The citation of one basis (not derived): a row of the table, or rows joined
/// by `"; "` (a holiday's constitution and law), cited in turn.
fn one(basis: &str, lang: Lang) -> Option<String> {
    if find(basis).is_none() && basis.contains(JOINED) {
        let parts: Option<Vec<String>> = basis.split(JOINED).map(|b| row(b, lang)).collect();
        return parts.map(|p| p.join(JOINED));
    }
    row(basis, lang)
}

/// The citation of one row of the table.
fn row(basis: &str, lang: Lang) -> Option<String> {
    let (_, act, refs) = find(basis)?;
    let act = ACTS.get(*act)?;
    if refs.is_empty() {
        return act.name.map(|n| n.get(lang).to_owned());
    }
    let of = act.of?.get(lang);
    let mut clauses = String::new();
    for (i, r) in refs.iter().enumerate() {
        if i > 0 {
            clauses.push_str(", ");
        }
        write_ref(r, lang, &mut clauses);
    }
    Some(match lang {
        Lang::Kk => format!("{of} {clauses}"),
        Lang::Ru | Lang::En => format!("{clauses} {of}"),
    })
}

/// One chain of levels (outermost first in the data): ru innermost first; kk and
/// en outermost first, kk with every level but the last in the genitive.
fn write_ref(levels: &[(usize, Num)], lang: Lang, out: &mut String) {
    let last = levels.len().saturating_sub(1);
    let write = |i: usize, (level, n): &(usize, Num), out: &mut String| {
        let Some(forms) = LEVELS.get(*level) else {
            return;
        };
        let inner = lang == Lang::Kk && i != last;
        let form = match (inner, n.many()) {
            (false, false) => forms.one,
            (false, true) => forms.many,
            (true, false) => forms.of_one,
            (true, true) => forms.of_many,
        }
        .get(lang);
        let mut number = String::new();
        n.write(&mut number);
        out.push_str(&form.replace("{n}", &number));
    };
    let order: Vec<usize> = match lang {
        Lang::Ru => (0..levels.len()).rev().collect(),
        Lang::Kk | Lang::En => (0..levels.len()).collect(),
    };
    for (k, i) in order.into_iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        if let Some(level) = levels.get(i) {
            write(i, level, out);
        }
    }
}
