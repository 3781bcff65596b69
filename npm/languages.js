// ---- Languages (npm/languages.js, appended to the web build by scripts/build-pkg.sh) ----
// The module carries no text: the messages and names of each language are a pack,
// kz_eco_rules.<lang>.pack next to this file (binary), loaded on demand.

// The pack of `lang` next to this file: one literal `new URL` per language, the
// pattern bundlers (Vite, webpack 5) recognise and copy as an asset.
function languageUrl(lang) {
  switch (lang) {
    case 'kk': return new URL('kz_eco_rules.kk.pack', import.meta.url);
    case 'ru': return new URL('kz_eco_rules.ru.pack', import.meta.url);
    case 'en': return new URL('kz_eco_rules.en.pack', import.meta.url);
    default: throw new TypeError(`loadLanguage(lang): lang must be "kk", "ru" or "en", got ${String(lang)}`);
  }
}

// The languages loaded (the module's packs change only through loadLanguagePack).
const loadedLanguages = new Set();

// Whether the messages and names in `lang` are loaded.
export function languageLoaded(lang) {
  return loadedLanguages.has(lang);
}

// Loads the messages and names in `lang` (once): fetches its pack from next to
// this file, or from `source` (a URL, a Request or a Response).
export async function loadLanguage(lang, source) {
  if (source === undefined && languageLoaded(lang)) return;
  let pack = source ?? languageUrl(lang);
  if (!(typeof Response === 'function' && pack instanceof Response)) pack = await fetch(pack);
  if (!pack.ok) {
    throw new Error(`failed to fetch the ${lang} language pack: ${pack.status} ${pack.statusText} fetching '${pack.url}'`);
  }
  const got = loadLanguagePack(new Uint8Array(await pack.arrayBuffer()));
  loadedLanguages.add(got);
  if (got !== lang) throw new TypeError(`loadLanguage('${lang}'): the pack is for '${got}'`);
}

// Loads and instantiates the module, then the languages `options.lang` (one or a
// list; default "ru"). `options.module_or_path` as wasm-bindgen's init takes it.
export default async function init(options) {
  const plain = options !== undefined && options !== null && Object.getPrototypeOf(options) === Object.prototype;
  const { lang = 'ru', module_or_path } = plain ? options : { module_or_path: options };
  const exports = await __wbg_init(module_or_path === undefined ? undefined : { module_or_path });
  await Promise.all([lang].flat().map((l) => loadLanguage(l)));
  return exports;
}
export { initSync };
