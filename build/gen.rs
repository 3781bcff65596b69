//! Helpers shared by the data generators: reading data files into typed values,
//! the value types the files share, and writing Rust literals.

use std::path::Path;

use serde::de::{DeserializeOwned, Deserializer};
use serde::Deserialize;
use serde_json::Value;

use crate::civil;
pub use crate::load::Text;

/// Problems found in the data; the build fails if there is any.
#[derive(Default)]
pub struct Problems(Vec<String>);

impl Problems {
    /// Records a problem found at `place`.
    pub fn add(&mut self, place: &str, what: impl std::fmt::Display) {
        self.0.push(format!("{place}: {what}"));
    }

    /// Fails the build when problems were recorded.
    pub fn finish(self) {
        if !self.0.is_empty() {
            panic!("invalid rule data:\n  {}", self.0.join("\n  "));
        }
    }
}

/// Reads the data file `path` into a `T`; when it does not fit, records the file
/// and the JSON Pointer of the bad value and returns `None`.
///
/// ```ignore
/// #[derive(Deserialize)]
/// #[serde(deny_unknown_fields)]
/// struct Ident { basis: Vec<Basis> }
/// let Some(ident) = gen::load::<Ident>("data/ident.json", p) else { return … };
/// ```
/// Without the repealed editions (`crate::cut`), what only they use is taken out
/// of the file first.
pub fn load<T: DeserializeOwned>(path: &str, p: &mut Problems) -> Option<T> {
    let read = if crate::cut::left_out().is_empty() {
        crate::load::read(path)
    } else {
        std::fs::read_to_string(path)
            .ok()
            .and_then(|text| serde_json::from_str::<Value>(&text).ok())
            .map_or_else(
                || crate::load::read(path),
                |mut v| {
                    crate::cut::filter(path, &mut v);
                    crate::load::parse(path, &v.to_string())
                },
            )
    };
    match read {
        Ok(v) => Some(v),
        Err(e) => {
            p.0.push(e.to_string());
            None
        }
    }
}

/// Names or texts in the three languages, `{ "kk": …, "ru": …, "en": … }`, each
/// non-empty.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Localized {
    pub kk: Text,
    pub ru: Text,
    pub en: Text,
}

impl Localized {
    /// The text as a `crate::lang::Localized` expression: a row of the text
    /// tables ([`localized`]), so that it travels in the per-language packs.
    pub fn rust(&self) -> String {
        localized(&self.kk, &self.ru, &self.en)
    }

    /// The text's row in the text tables (added by this call, as [`Self::rust`]).
    pub fn row(&self) -> usize {
        text_row(&self.kk, &self.ru, &self.en)
    }

    /// The text as [`Self::rust`] where the module has the whole API; in the
    /// form entry's wasm (no `full-api` feature) an empty text in no pack, for
    /// texts only the other exports read (the calendar's day descriptions, read
    /// by `isWorkingDay` alone).
    pub fn whole_api_rust(&self) -> String {
        let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
        if wasm && std::env::var_os("CARGO_FEATURE_FULL_API").is_none() {
            "crate::lang::Localized::new(\"\", \"\", \"\")".to_owned()
        } else {
            self.rust()
        }
    }

    /// The text as a literal embedded in the code, in no pack: for tables only
    /// the native command line uses (the wasm never links them).
    pub fn native_rust(&self) -> String {
        format!(
            "crate::lang::Localized::new({}, {}, {})",
            lit(&self.kk),
            lit(&self.ru),
            lit(&self.en)
        )
    }
}

/// Every localized text of the generated tables, in the order the generators
/// asked for them: row `n` is `Localized::table(n)`. [`write_texts`] writes them.
static TEXTS: std::sync::Mutex<Vec<[String; 3]>> = std::sync::Mutex::new(Vec::new());

/// A text in kk/ru/en as a `crate::lang::Localized` expression: its row in the
/// text tables. Every generator writes localized text through this one function,
/// so every table — messages, names, labels, calendar words, and any table added
/// later — is in the native build's embedded tables and in the wasm's
/// per-language packs alike.
pub fn localized(kk: &str, ru: &str, en: &str) -> String {
    format!("crate::lang::Localized::table({})", text_row(kk, ru, en))
}

/// Adds a text in kk/ru/en to the text tables and returns its row, for a
/// compact table that stores rows (or derives them) instead of `Localized`
/// values; [`localized`] for a `Localized` expression.
pub fn text_row(kk: &str, ru: &str, en: &str) -> usize {
    let mut texts = TEXTS.lock().unwrap_or_else(|e| e.into_inner());
    texts.push([kk.to_owned(), ru.to_owned(), en.to_owned()]);
    texts.len() - 1
}

/// FNV-1a (64 bits) of the text tables, all three languages: the build's
/// texts id, written into `texts.rs` and into every pack, so that a pack of
/// another build is refused.
fn texts_id(texts: &[[String; 3]]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for row in texts {
        for t in row {
            for b in t.bytes().chain([0]) {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
        }
    }
    format!("{h:016x}")
}

/// Writes the text tables: `texts.rs` (the count and the id; natively the three
/// languages' strings, which the wasm does not carry) and one pack per language,
/// `texts.<lang>.pack` ([`pack`]) — what the npm package ships as
/// `kz_eco_rules.<lang>.pack`.
pub fn write_texts(out: &Path) {
    let texts = TEXTS.lock().unwrap_or_else(|e| e.into_inner());
    let id = texts_id(&texts);
    let mut code = format!(
        "/// Number of rows of the text tables.\n\
         pub(crate) const TEXT_COUNT: usize = {};\n\
         /// The id of this build's text tables (FNV-1a of every text).\n\
         pub(crate) const TEXTS_ID: &str = {};\n\
         /// The texts, per language (kk, ru, en), row by row (native only: the wasm\n\
         /// loads one pack per language; its tests embed them, feature `test-packs`).\n\
         #[cfg(any(not(target_arch = \"wasm32\"), feature = \"test-packs\"))]\n\
         static TEXTS: [&[&str]; 3] = [\n",
        texts.len(),
        lit(&id)
    );
    for (i, lang) in ["kk", "ru", "en"].iter().enumerate() {
        code.push_str("    &[\n");
        for row in texts.iter() {
            code.push_str("        ");
            code.push_str(&lit(&row[i]));
            code.push_str(",\n");
        }
        code.push_str("    ],\n");
        let rows: Vec<&str> = texts.iter().map(|r| r[i].as_str()).collect();
        std::fs::write(
            out.join(format!("texts.{lang}.pack")),
            pack(lang, &id, &rows),
        )
        .unwrap_or_else(|e| panic!("texts.{lang}.pack: {e}"));
    }
    code.push_str("];\n");
    write(out, "texts.rs", &code);
}

/// A language's pack, in the format `src/packs.rs` reads: the head (`KZTP`,
/// format 1, the language, the texts id, the row count as a little-endian `u32`),
/// the language's characters beyond ASCII (their number, at most 128, then each
/// code point as a little-endian `u16`), then every row, ending with a zero byte.
/// In a row, bytes below `0x80` are ASCII and `0x80 + i` is the table's `i`-th
/// character: one byte per Cyrillic letter, which gzips ≈ 12 % smaller than the
/// UTF-8 of a JSON pack.
fn pack(lang: &str, id: &str, rows: &[&str]) -> Vec<u8> {
    let mut table: Vec<char> = rows
        .iter()
        .flat_map(|r| r.chars())
        .filter(|c| !c.is_ascii())
        .collect();
    table.sort_unstable();
    table.dedup();
    assert!(
        table.len() <= 128,
        "the {lang} texts use {} characters beyond ASCII; a pack codes at most 128",
        table.len()
    );
    let mut out = b"KZTP\x01".to_vec();
    out.extend_from_slice(lang.as_bytes());
    out.extend_from_slice(id.as_bytes());
    let count = u32::try_from(rows.len()).expect("fewer than 2^32 texts");
    out.extend_from_slice(&count.to_le_bytes());
    out.push(table.len() as u8);
    for &c in &table {
        let code = u16::try_from(u32::from(c))
            .unwrap_or_else(|_| panic!("{c:?} in the {lang} texts is beyond the u16 of a pack"));
        out.extend_from_slice(&code.to_le_bytes());
    }
    for row in rows {
        for c in row.chars() {
            assert!(c != '\0', "a {lang} text holds a zero character: {row:?}");
            let byte = match table.binary_search(&c) {
                Ok(i) => 0x80 + i as u8,
                Err(_) => c as u8,
            };
            out.push(byte);
        }
        out.push(0);
    }
    out
}

/// A valid `YYYY-MM-DD` date of the data; any other text is rejected where it is
/// read.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct CivilDate {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl CivilDate {
    /// Days since 1970-01-01.
    pub fn days(self) -> i64 {
        i64::from(civil::days_from_civil(self.year, self.month, self.day))
    }
}

impl<'de> Deserialize<'de> for CivilDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<CivilDate, D::Error> {
        let s = String::deserialize(d)?;
        match parse_date(&s) {
            Some((y, m, d)) => Ok(CivilDate {
                year: y as i32,
                month: m as u32,
                day: d as u32,
            }),
            None => Err(serde::de::Error::custom(format!(
                "{s:?} is not a valid YYYY-MM-DD date"
            ))),
        }
    }
}

/// Reads and parses a JSON file of the crate (untyped: for the readers not yet
/// converted to `load`).
pub fn read_json(path: &str) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Writes a generated file into OUT_DIR.
pub fn write(out: &Path, name: &str, code: &str) {
    let text = format!("// @generated by build/ from data/ — do not edit.\n{code}");
    std::fs::write(out.join(name), text).unwrap_or_else(|e| panic!("{name}: {e}"));
}

/// A Rust string literal.
pub fn lit(s: &str) -> String {
    format!("{s:?}")
}

/// A Rust `&[&str]` literal.
pub fn str_slice<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let parts: Vec<String> = items.into_iter().map(lit).collect();
    format!("&[{}]", parts.join(", "))
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    i64::from(civil::days_from_civil(y as i32, m as u32, d as u32))
}

/// `(y, m, d)` of a valid `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<(i64, i64, i64)> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i32 = s[0..4].parse().ok()?;
    let m: u32 = s[5..7].parse().ok()?;
    let d: u32 = s[8..10].parse().ok()?;
    let valid = y >= 1 && (1..=u32::from(civil::days_in_month(y, m))).contains(&d);
    valid.then_some((i64::from(y), i64::from(m), i64::from(d)))
}

/// A `Date` constructor literal for a `YYYY-MM-DD` text, or a problem.
pub fn date(s: &str, place: &str, p: &mut Problems) -> String {
    match parse_date(s) {
        Some((y, m, d)) => format!("crate::calendar::Date::from_ymd_unchecked({y}, {m}, {d})"),
        None => {
            p.add(place, format!("{s:?} is not a valid YYYY-MM-DD date"));
            "crate::calendar::Date::from_ymd_unchecked(1970, 1, 1)".into()
        }
    }
}

/// What the other generators read of `data/editions.json`: each edition's id and
/// the services, actions and channels it offers. `editions.rs` checks the whole
/// file; this view ignores the fields it does not need.
#[derive(Deserialize)]
pub struct Registry {
    pub editions: Vec<RegistryEdition>,
}

/// One edition of [`Registry`].
#[derive(Deserialize)]
pub struct RegistryEdition {
    pub id: String,
    #[serde(default)]
    pub services: Vec<RegistryService>,
}

/// One service an edition offers.
#[derive(Deserialize)]
pub struct RegistryService {
    pub service: String,
    #[serde(default)]
    pub actions: Vec<String>,
    #[serde(default)]
    pub categories: Vec<String>,
    #[serde(default)]
    pub channels: Vec<String>,
}

impl Registry {
    /// The registry, or an empty one (with a problem) when the file does not fit;
    /// without the editions whose rules the build leaves out (`crate::cut`).
    pub fn load(p: &mut Problems) -> Registry {
        let mut registry = load("data/editions.json", p).unwrap_or(Registry {
            editions: Vec::new(),
        });
        registry.editions.retain(|e| crate::cut::keeps(&e.id));
        registry
    }
}
