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
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        match primary.to_ascii_lowercase().as_str() {
            "kk" | "kz" => Some(Lang::Kk),
            "ru" => Some(Lang::Ru),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A text in the three languages.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(schema, derive(schemars::JsonSchema))]
pub struct Localized {
    /// Kazakh.
    pub kk: &'static str,
    /// Russian.
    pub ru: &'static str,
    /// English.
    pub en: &'static str,
}

impl Localized {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Kk => self.kk,
            Lang::Ru => self.ru,
            Lang::En => self.en,
        }
    }
}
