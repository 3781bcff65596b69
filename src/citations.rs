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
//! almaty_oblast_2012 GR §11.1.2"`) cites both, the source in parentheses
//! («… (перечень документов — п. 11.1.2 …)»); a refusal ground taken from another
//! edition's (`"aktobe_2013 GR §7.10–§7.11 → almaty_oblast_2012 GR §16"`, the
//! source marked `refusal_ground`) says so («… (основания для отказа — п. 16 …)»).
//! A leaf: it depends on nothing but [`crate::lang`].
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
//! let refusal = citation("aktobe_2013 GR §7.10–§7.11 → almaty_oblast_2012 GR §16", Lang::Ru);
//! assert!(refusal.unwrap().contains("(основания для отказа — п. 16 Регламента"));
//! let list = citation("aktobe_2013 GR §7.8 → almaty_oblast_2012 GR §11.1.2", Lang::Kk);
//! assert!(list.unwrap().contains("(құжаттар тізбесі — Алматы облысы"));
//! assert_eq!(citation("no_such_act §1", Lang::En), None);
//! ```

use crate::lang::{Lang, Localized};
use crate::text;

/// How one kind of clause is written (rows of the text tables): alone or as the
/// last of a chain (`one`, `many` for a list or a range), and inside a chain
/// (`of_one`, `of_many`: the kk genitive; ru and en write the same as alone).
type LevelForms = [u16; 4];

/// An act (rows of the text tables, [`NO_TEXT`] for none): its genitive form that
/// follows (ru, en) or precedes (kk) clauses, and its name for a basis that names
/// the act alone.
type Act = (u16, u16);

/// The row standing for "no text" in [`Act`].
const NO_TEXT: u16 = u16::MAX;

/// Separates the chains of a row in [`REFS`].
const CHAIN_SEPARATOR: &str = "\u{1e}";
/// Separates the levels of a chain in [`REFS`].
const LEVEL_SEPARATOR: &str = "\u{1f}";

include!(concat!(env!("OUT_DIR"), "/citations.rs"));

/// Where a derived list cites its source list.
const DERIVED_SEPARATOR: &str = " → ";

/// Between the bases of a day with two (`"Constitution of 2026 art. 94; Law No. 267-II (from 2027)"`).
const JOINED: &str = "; ";

/// The localized citation of `basis` (a finding's machine basis as serialized),
/// or `None` when the basis is not in `data/citations.json` (e.g. an edition
/// registered at run time).
pub(crate) fn text(basis: &str, lang: Lang) -> Option<String> {
    let mut parts = text::split(basis, DERIVED_SEPARATOR);
    let clause = one(parts.next()?, lang)?;
    let mut source = String::new();
    let mut grounds = true;
    for part in parts {
        if !source.is_empty() {
            source.push_str("; ");
        }
        source.push_str(&one(part, lang)?);
        grounds &= is_refusal_ground(part);
    }
    if source.is_empty() {
        return Some(clause);
    }
    let wording = if grounds { DERIVED_REFUSAL } else { DERIVED };
    let template = Localized::table(wording).get(lang);
    Some(text::replace(
        &text::replace(template, "{clause}", &clause),
        "{source}",
        &source,
    ))
}

/// True when `basis` is marked `refusal_ground` in `data/citations.json` (a
/// chain taking it cites grounds for refusal, not a list of documents).
fn is_refusal_ground(basis: &str) -> bool {
    find(basis)
        .and_then(|row| u16::try_from(row).ok())
        .is_some_and(|row| REFUSAL_GROUNDS.binary_search(&row).is_ok())
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
    text::split(basis, DERIVED_SEPARATOR)
        .all(|b| find(b).is_some() || text::split(b, JOINED).all(|p| find(p).is_some()))
}

/// Item `row` of a table stored as one string and the end of each item.
fn item(all: &'static str, ends: &[u16], row: usize) -> &'static str {
    let start = match row.checked_sub(1) {
        Some(before) => ends.get(before).copied().unwrap_or(0),
        None => 0,
    };
    let end = ends.get(row).copied().unwrap_or(start);
    all.get(usize::from(start)..usize::from(end)).unwrap_or("")
}

/// The row of `basis` in the clauses table.
fn find(basis: &str) -> Option<usize> {
    let (mut lo, mut hi) = (0, BASIS_ENDS.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match item(BASES, &BASIS_ENDS, mid).cmp(basis) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return Some(mid),
        }
    }
    None
}

/// The text of row `row`, or `None` for [`NO_TEXT`].
fn text_row(row: u16) -> Option<Localized> {
    (row != NO_TEXT).then(|| Localized::table(u32::from(row)))
}

/// The citation of one basis (not derived): a row of the table, or rows joined
/// by `"; "` (a holiday's constitution and law), cited in turn.
fn one(basis: &str, lang: Lang) -> Option<String> {
    if find(basis).is_none() && text::contains(basis, JOINED) {
        let mut joined = String::new();
        for (i, part) in text::split(basis, JOINED).enumerate() {
            if i > 0 {
                joined.push_str(JOINED);
            }
            joined.push_str(&row(part, lang)?);
        }
        return Some(joined);
    }
    row(basis, lang)
}

/// The citation of one row of the table.
fn row(basis: &str, lang: Lang) -> Option<String> {
    let at = find(basis)?;
    let &(of, name) = ACTS.get(usize::from(*CLAUSE_ACTS.get(at)?))?;
    let refs = item(REFS, &REF_ENDS, at);
    if refs.is_empty() {
        return text_row(name).map(|n| n.get(lang).to_owned());
    }
    let of = text_row(of)?.get(lang);
    let mut clauses = String::new();
    for (i, chain) in text::split(refs, CHAIN_SEPARATOR).enumerate() {
        if i > 0 {
            clauses.push_str(", ");
        }
        write_ref(chain, lang, &mut clauses);
    }
    Some(match lang {
        Lang::Kk => text::concat(&[of, " ", &clauses]),
        Lang::Ru | Lang::En => text::concat(&[&clauses, " ", of]),
    })
}

/// One level of a chain as stored: the level's index (one digit), `1` when
/// the number is a list or a range (`0` for one number), then the number as
/// written (`5.8–5.9`, `3, 4`).
fn level(stored: &str) -> Option<(usize, bool, &str)> {
    let b = stored.as_bytes();
    let level = usize::from(b.first()?.checked_sub(b'0')?);
    let many = *b.get(1)? == b'1';
    Some((level, many, stored.get(2..)?))
}

/// One chain of levels (outermost first in the data): ru innermost first; kk and
/// en outermost first, kk with every level but the last in the genitive.
fn write_ref(chain: &str, lang: Lang, out: &mut String) {
    let mut levels: Vec<(usize, bool, &str)> = Vec::new();
    for stored in text::split(chain, LEVEL_SEPARATOR) {
        if let Some(l) = level(stored) {
            levels.push(l);
        }
    }
    let last = levels.len().saturating_sub(1);
    let write = |i: usize, &(level, many, number): &(usize, bool, &str), out: &mut String| {
        let Some(forms) = LEVELS.get(level) else {
            return;
        };
        let inner = lang == Lang::Kk && i != last;
        let form = match (inner, many) {
            (false, false) => forms[0],
            (false, true) => forms[1],
            (true, false) => forms[2],
            (true, true) => forms[3],
        };
        out.push_str(&text::replace(
            Localized::table(u32::from(form)).get(lang),
            "{n}",
            number,
        ));
    };
    for k in 0..levels.len() {
        if k > 0 {
            out.push(' ');
        }
        // Ru innermost first.
        let i = if lang == Lang::Ru { last - k } else { k };
        if let Some(level) = levels.get(i) {
            write(i, level, out);
        }
    }
}
