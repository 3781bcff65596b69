//! Languages of messages and names, and texts given in all of them.
//!
//! A leaf of the crate: everything that speaks kk/ru/en uses these, so they
//! depend on nothing else here.

use serde::{Deserialize, Serialize};

/// Language of messages and names.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(schema, derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Kazakh (қазақ тілі).
    Kk,
    /// Russian (русский язык) — the default, as on the portal.
    #[default]
    Ru,
    /// English.
    En,
}

impl Lang {
    /// All supported languages.
    pub const ALL: [Lang; 3] = [Lang::Kk, Lang::Ru, Lang::En];

    /// The language code: `kk`, `ru` or `en`.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Kk => "kk",
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    /// Parses a language tag: `kk`, `ru`, `en`, case-insensitive, with an optional
    /// region subtag (`ru-RU`, `kk_KZ`). `kz` is accepted as a common alias of `kk`.
    ///
    /// ```
    /// use kz_eco_rules::Lang;
    /// assert_eq!(Lang::parse("kk-KZ"), Some(Lang::Kk));
    /// assert_eq!(Lang::parse("EN"), Some(Lang::En));
    /// assert_eq!(Lang::parse("de"), None);
    /// ```
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = crate::text::before_any(crate::text::trim(tag), b"-_");
        match primary.to_ascii_lowercase().as_str() {
            "kk" | "kz" => Some(Lang::Kk),
            "ru" => Some(Lang::Ru),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A text in the three languages: a row of the build's text tables, or (natively)
/// three strings given at run time.
///
/// Every localized text of the rule data — messages, names, labels — is a row of
/// the tables the build generates from `data/` (`build/gen.rs`). The native build
/// embeds the three languages; the wasm carries none and reads each language from
/// its pack, loaded at run time ([`crate::packs::load`]; in JavaScript
/// `init({ lang })` or `loadLanguage(lang)`). [`Localized::get`] is the same call
/// everywhere.
///
/// ```
/// use kz_eco_rules::{Lang, Localized};
/// let named = Localized::new("Алматы қаласы", "город Алматы", "City of Almaty");
/// assert_eq!(named.get(Lang::En), "City of Almaty");
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Localized(Repr);

#[derive(Clone, Copy, PartialEq, Eq)]
enum Repr {
    /// Row of the text tables.
    Table(u32),
    /// kk, ru, en.
    Given([&'static str; 3]),
}

impl Localized {
    /// Row `index` of the text tables (what the generated tables write).
    #[doc(hidden)]
    pub const fn table(index: u32) -> Self {
        Localized(Repr::Table(index))
    }

    /// A text given in kk, ru and en.
    pub const fn new(kk: &'static str, ru: &'static str, en: &'static str) -> Self {
        Localized(Repr::Given([kk, ru, en]))
    }

    /// The text in `lang`; in wasm, `""` while that language's pack is not loaded
    /// (the exports refuse a call in a language not loaded, so no answer has it).
    pub fn get(&self, lang: Lang) -> &'static str {
        self.try_get(lang).unwrap_or("")
    }

    /// The text in `lang`, or `None` in wasm while that language's pack is not
    /// loaded.
    pub fn try_get(&self, lang: Lang) -> Option<&'static str> {
        match self.0 {
            Repr::Given(texts) => texts.get(lang.index()).copied(),
            Repr::Table(row) => store::text(lang, row as usize),
        }
    }
}

impl Lang {
    /// 0, 1, 2 for kk, ru, en: the order of the text tables.
    pub(crate) fn index(self) -> usize {
        match self {
            Lang::Kk => 0,
            Lang::Ru => 1,
            Lang::En => 2,
        }
    }
}

/// Empty in every language (what a name missing from the tables reads as).
impl Default for Localized {
    fn default() -> Self {
        Localized::new("", "", "")
    }
}

impl core::fmt::Debug for Localized {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self.0 {
            Repr::Table(row) => write!(f, "Localized::table({row})"),
            Repr::Given(t) => write!(f, "Localized::new({:?}, {:?}, {:?})", t[0], t[1], t[2]),
        }
    }
}

/// `{ "kk": …, "ru": …, "en": … }` with the languages available: all three
/// natively, in wasm those whose pack is loaded.
impl Serialize for Localized {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let texts = Lang::ALL.map(|l| self.try_get(l));
        let mut map = s.serialize_map(Some(texts.iter().flatten().count()))?;
        for (lang, text) in Lang::ALL.iter().zip(texts) {
            if let Some(text) = text {
                map.serialize_entry(lang.as_str(), text)?;
            }
        }
        map.end()
    }
}

/// The JSON Schema of a [`Localized`] as serialized.
#[cfg(schema)]
impl schemars::JsonSchema for Localized {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Localized".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        /// A text in the languages available: all three natively and in Node; in the
        /// browser, those loaded (`init({ lang })`, `loadLanguage(lang)`).
        #[derive(schemars::JsonSchema, Default)]
        #[allow(dead_code)]
        struct Localized {
            /// Kazakh.
            #[schemars(default)]
            kk: String,
            /// Russian.
            #[schemars(default)]
            ru: String,
            /// English.
            #[schemars(default)]
            en: String,
        }
        Localized::json_schema(generator)
    }
}

/// Where the rows of the text tables are read: natively the embedded tables, in
/// wasm the packs loaded.
pub(crate) mod store {
    use super::Lang;
    #[cfg(target_arch = "wasm32")]
    use std::cell::Cell;

    include!(concat!(env!("OUT_DIR"), "/texts.rs"));

    /// Row `row` in `lang`.
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn text(lang: Lang, row: usize) -> Option<&'static str> {
        TEXTS.get(lang.index())?.get(row).copied()
    }

    /// Whether `lang` can be rendered (natively always).
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn loaded(_lang: Lang) -> bool {
        true
    }

    #[cfg(target_arch = "wasm32")]
    std::thread_local! {
        /// The packs loaded, one per language, each once, leaked (they live as
        /// long as the module, as a static's would). Cells of the module's one
        /// thread, not `OnceLock`s: those bring std's `Once` and its panic
        /// messages into the wasm.
        static PACKS: [Cell<Option<&'static [String]>>; 3] =
            const { [Cell::new(None), Cell::new(None), Cell::new(None)] };
    }

    /// Row `row` in `lang`, when its pack is loaded.
    #[cfg(target_arch = "wasm32")]
    pub(crate) fn text(lang: Lang, row: usize) -> Option<&'static str> {
        pack(lang)?.get(row).map(String::as_str)
    }

    /// The pack of `lang`, when installed.
    #[cfg(target_arch = "wasm32")]
    fn installed(lang: Lang) -> Option<&'static [String]> {
        PACKS
            .try_with(|p| p.get(lang.index()).and_then(Cell::get))
            .ok()
            .flatten()
    }

    /// The pack of `lang`, when loaded.
    #[cfg(all(target_arch = "wasm32", not(feature = "test-packs")))]
    fn pack(lang: Lang) -> Option<&'static [String]> {
        installed(lang)
    }

    /// The pack of `lang`; the wasm test binaries (feature `test-packs`) have no page
    /// to load packs, so a missing one is filled from the build's rows (the rows the
    /// pack files hold: `tests/it/packs.rs` compares them natively).
    #[cfg(all(target_arch = "wasm32", feature = "test-packs"))]
    fn pack(lang: Lang) -> Option<&'static [String]> {
        if installed(lang).is_none() {
            let rows = TEXTS.get(lang.index())?;
            install(lang, rows.iter().map(|s| (*s).to_owned()).collect());
        }
        installed(lang)
    }

    /// Whether the pack of `lang` is loaded.
    #[cfg(target_arch = "wasm32")]
    pub(crate) fn loaded(lang: Lang) -> bool {
        pack(lang).is_some()
    }

    /// Installs the rows of `lang` (checked by the caller: this build's id and
    /// count). A language already loaded keeps its pack.
    #[cfg(target_arch = "wasm32")]
    pub(crate) fn install(lang: Lang, texts: Vec<String>) {
        let _ = PACKS.try_with(|p| {
            if let Some(cell) = p.get(lang.index()).filter(|c| c.get().is_none()) {
                cell.set(Some(texts.leak()));
            }
        });
    }

    /// The row count and id of this build's tables.
    pub(crate) fn shape() -> (usize, &'static str) {
        (TEXT_COUNT, TEXTS_ID)
    }

    /// The rows of `lang` as embedded (native), for checking packs.
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn rows(lang: Lang) -> &'static [&'static str] {
        TEXTS.get(lang.index()).copied().unwrap_or(&[])
    }
}
