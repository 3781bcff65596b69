
// ---- Languages (npm/languages.cjs, appended to the Node build by scripts/build-pkg.sh) ----
// Node loads the three language packs next to this file at require.
for (const lang of ['kk', 'ru', 'en']) {
  loadLanguagePack(require('fs').readFileSync(`${__dirname}/kz_eco_rules.${lang}.pack`));
}

// Whether the messages and names in `lang` are loaded: in Node all three are.
function languageLoaded(lang) {
  return lang === 'kk' || lang === 'ru' || lang === 'en';
}
exports.languageLoaded = languageLoaded;

// Loads `lang`: in Node every language is loaded at require, so this only checks it.
async function loadLanguage(lang) {
  if (!languageLoaded(lang)) {
    throw new TypeError(`loadLanguage(lang): lang must be "kk", "ru" or "en", got ${String(lang)}`);
  }
}
exports.loadLanguage = loadLanguage;
