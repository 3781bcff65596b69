//! Per-language text packs: every localized text of one language, as the wasm
//! loads it at run time.
//!
//! The build writes one pack per language from the same text tables the native
//! build embeds (`build/gen.rs`), a small binary file in a one-byte code of its
//! own language:
//!
//! | bytes | what |
//! |---|---|
//! | 4 | `KZTP` |
//! | 1 | the format, `1` |
//! | 2 | the language, `kk`, `ru` or `en` |
//! | 16 | the build's texts id (hexadecimal) |
//! | 4 | the number of rows, little-endian |
//! | 1 | `n`: how many characters beyond ASCII the texts use (at most 128) |
//! | 2 `n` | their code points, each a little-endian `u16` |
//! | … `0` | each row in turn, ending with a zero byte: a byte below `0x80` is that ASCII character, `0x80 + i` the table's `i`-th character |
//!
//! The npm package ships them as `kz_eco_rules.<lang>.pack`; the wasm renders a
//! language once its pack is loaded (in JavaScript `init({ lang })`,
//! `loadLanguage(lang)`), natively all three are embedded. [`load`] checks a pack
//! natively and installs it in wasm, so the same files are tested against the
//! embedded tables.
//!
//! ```
//! # #[cfg(not(target_arch = "wasm32"))] {
//! use kz_eco_rules::{packs, Lang};
//! let other = b"KZTP\x01kk0000000000000000\0\0\0\0\0"; // another build, no texts
//! assert!(packs::load(other).unwrap_err().contains("another build"));
//! assert!(packs::is_loaded(Lang::Kk)); // natively every language is embedded
//! # }
//! ```

use crate::lang::store;
use crate::text::{concat, uint};
use crate::Lang;

/// Whether messages and names in `lang` can be rendered: always natively; in
/// wasm once its pack is loaded.
pub fn is_loaded(lang: Lang) -> bool {
    store::loaded(lang)
}

/// Reads a pack (its bytes) and, in wasm, installs it; natively it checks the
/// pack against the embedded tables. Returns its language, or why it was refused
/// (see [`read`]; natively also a text that differs from the embedded one).
pub fn load(pack: &[u8]) -> Result<Lang, String> {
    let (lang, rows) = read(pack)?;
    install(lang, rows)?;
    Ok(lang)
}

/// Reads a pack of this build without installing it: its language and its rows.
/// Refused: not a pack (or cut short, or a byte its table does not code), another
/// build's pack (`texts_id`), a wrong number of rows.
///
/// ```
/// use kz_eco_rules::packs;
/// let err = packs::read(br#"{"lang": "kk"}"#).unwrap_err();
/// assert!(err.starts_with("not a text pack"), "{err}");
/// ```
pub fn read(pack: &[u8]) -> Result<(Lang, Vec<String>), String> {
    let (count, id) = store::shape();
    decode(pack, id, count)
}

/// The head: magic, format, language, texts id, row count.
const HEAD: usize = 27;

/// [`read`] against the given texts id and row count.
fn decode(pack: &[u8], id: &str, count: usize) -> Result<(Lang, Vec<String>), String> {
    let Some((head, body)) = pack.split_first_chunk::<HEAD>() else {
        return Err(not_a_pack("too short"));
    };
    if head[..5] != *b"KZTP\x01" {
        return Err(not_a_pack(
            "no KZTP 1 head (the bytes of kz_eco_rules.<lang>.pack are expected)",
        ));
    }
    let lang = match [head[5], head[6]] {
        [b'k', b'k'] => Lang::Kk,
        [b'r', b'u'] => Lang::Ru,
        [b'e', b'n'] => Lang::En,
        _ => return Err(not_a_pack("no language")),
    };
    if head[7..23] != *id.as_bytes() {
        return Err(another_build(lang, &head[7..23], id));
    }
    let rows = u32::from_le_bytes([head[23], head[24], head[25], head[26]]) as usize;
    if rows != count {
        return Err(concat(&[
            "the ",
            lang.as_str(),
            " pack has ",
            &uint(rows as u64),
            " texts, not ",
            &uint(count as u64),
        ]));
    }
    // The table: its length, then each character's code point (`u16`).
    let table = body.split_first().filter(|(&n, _)| n <= 128);
    let table = table.and_then(|(&n, rest)| rest.split_at_checked(usize::from(n) * 2));
    let Some((table, body)) = table else {
        return Err(not_a_pack("no character table"));
    };
    let mut chars = Vec::with_capacity(table.len() / 2);
    for &pair in table.as_chunks::<2>().0 {
        let code = u32::from(u16::from_le_bytes(pair));
        match char::from_u32(code).filter(|c| !c.is_ascii()) {
            Some(c) => chars.push(c),
            None => return Err(not_a_pack("a character table that is not one")),
        }
    }
    // The rows, each ending with a zero byte.
    let mut texts = Vec::with_capacity(count);
    let mut text = String::new();
    for &b in body {
        match b {
            0 => texts.push(core::mem::take(&mut text)),
            0x01..=0x7f => text.push(char::from(b)),
            _ => match chars.get(usize::from(b - 0x80)) {
                Some(&c) => text.push(c),
                None => return Err(not_a_pack("a byte its character table does not code")),
            },
        }
    }
    if texts.len() != count || !text.is_empty() {
        return Err(not_a_pack("not as many texts as its head says"));
    }
    Ok((lang, texts))
}

#[cold]
#[inline(never)]
fn not_a_pack(why: &str) -> String {
    concat(&["not a text pack: ", why])
}

#[cold]
#[inline(never)]
fn another_build(lang: Lang, pack_id: &[u8], id: &str) -> String {
    let mut m = concat(&["the ", lang.as_str(), " pack is of another build ("]);
    crate::text::push_bytes(&mut m, pack_id);
    m.push_str("; this module needs ");
    m.push_str(id);
    m.push(')');
    m
}

#[cfg(target_arch = "wasm32")]
fn install(lang: Lang, rows: Vec<String>) -> Result<(), String> {
    store::install(lang, rows);
    Ok(())
}

#[cfg(not(target_arch = "wasm32"))]
fn install(lang: Lang, rows: Vec<String>) -> Result<(), String> {
    let embedded = store::rows(lang);
    match rows.iter().zip(embedded).position(|(a, b)| a != b) {
        None => Ok(()),
        Some(row) => Err(format!(
            "the {} pack differs from the embedded text at row {row}",
            lang.as_str()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    const ID: &str = "0123456789abcdef";

    /// A kk pack of two rows with `ж`, `қ` in its table.
    fn pack(rows: &[u8]) -> Vec<u8> {
        let head = [&b"KZTP\x01kk"[..], ID.as_bytes(), &2u32.to_le_bytes()].concat();
        [&head[..], &[2, 0x36, 0x04, 0x9b, 0x04], rows].concat()
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn a_pack_reads_as_its_rows() {
        let rows = vec!["aж".to_owned(), "қ b".to_owned()];
        assert_eq!(
            decode(&pack(b"a\x80\0\x81 b\0"), ID, 2),
            Ok((Lang::Kk, rows))
        );
        let empty = vec![String::new(), String::new()];
        assert_eq!(decode(&pack(b"\0\0"), ID, 2), Ok((Lang::Kk, empty)));
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn another_build_or_malformed_bytes_are_refused_with_a_reason() {
        let good = pack(b"a\x80\0\x81b\0");
        let err = |p: &[u8], count| decode(p, ID, count).unwrap_err();
        assert_eq!(
            decode(&good, "fedcba9876543210", 2).unwrap_err(),
            "the kk pack is of another build (0123456789abcdef; this module needs fedcba9876543210)"
        );
        assert_eq!(err(&good, 3), "the kk pack has 2 texts, not 3");
        for cut in 0..good.len() {
            assert!(decode(&good[..cut], ID, 2).is_err(), "{cut}");
        }
        assert!(err(&pack(b"a\0b\0c\0"), 2).contains("not as many texts"));
        assert!(err(&pack(b"a\0b"), 2).contains("not as many texts"));
        assert!(err(&pack(b"\x82\0b\0"), 2).contains("does not code"));
        assert!(
            err(br#"{"texts_id": "0123456789abcdef", "lang": "kk"}"#, 2).contains("no KZTP 1 head")
        );
        let mut table = pack(b"a\0b\0");
        table[HEAD + 1] = b'a'; // ASCII in the table
        table[HEAD + 2] = 0;
        assert!(err(&table, 2).contains("character table"));
        table[HEAD + 2] = 0xd8; // a surrogate, not a character
        assert!(err(&table, 2).contains("character table"));
        let mut long = pack(b"");
        long[HEAD] = 129;
        long.extend((0..129u16).flat_map(|i| (0x400 + i).to_le_bytes()));
        long.extend(b"a\0b\0");
        assert!(err(&long, 2).contains("character table"));
        let mut no_lang = good.clone();
        no_lang[5] = b'x';
        assert!(err(&no_lang, 2).contains("no language"));
    }
}
