// Test of record for the package size: what a browser downloads to validate in one
// language — the form entry (form.js, the snippets it imports, its wasm
// kz_eco_rules_form_bg.wasm) and that language's pack (kz_eco_rules_form.<lang>.pack) — gzip -9,
// per language, against 100 KB (100,000 B). Prints every part and, per language, whether
// the total is within the budget; fails when one is over. Also prints, for information,
// the same figure for the whole API (web.js and kz_eco_rules_bg.wasm: what a page that
// also shows checklists and deadlines loads when it needs them). Run by
// scripts/build-pkg.sh (and so by `bash scripts/dev.sh test`).
//   node scripts/browser-size.mjs [PKG_DIR]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const BUDGET = 100_000; // bytes, gzip -9, one language
const dir = process.argv[2] ?? 'pkg';
const LIB = 'kz_eco_rules';
const LANGS = ['kk', 'ru', 'en'];
const gz = (f) => zlib.gzipSync(fs.readFileSync(path.join(dir, f)), { level: 9 }).length;
const raw = (f) => fs.statSync(path.join(dir, f)).size;
const row = (label, r, g) => console.log(`${label.padEnd(58)} ${String(r).padStart(8)} B  gzip ${String(g).padStart(7)} B`);
// A glue file, the modules it imports (wasm-bindgen's inline_js snippets) and its wasm.
const entry = (glue, wasm) => {
  const text = fs.readFileSync(path.join(dir, glue), 'utf8');
  // Static imports of wasm-bindgen's snippets, readable or minified.
  const snippets = [...text.matchAll(/\bimport\b[^;'"]*?\bfrom\s*['"]\.\/(snippets\/[^'"]+)['"]/g)].map((m) => m[1]);
  const files = [glue, ...snippets, wasm];
  for (const f of files) row(f, raw(f), gz(f));
  return files.reduce((s, f) => s + gz(f), 0);
};
// Each module's packs: the form entry's hold only the texts of its rules.
const packsOf = (lib) => Object.fromEntries(LANGS.map((lang) => {
  const pack = `${lib}.${lang}.pack`;
  row(pack, raw(pack), gz(pack));
  return [lang, gz(pack)];
}));
const packs = packsOf(LIB);
const formPacks = packsOf(`${LIB}_form`);

console.log('-- the whole API (web.js), for information:');
const web = entry('web.js', `${LIB}_bg.wasm`);
for (const lang of LANGS) {
  console.log(`whole API, ${lang} (web.js + snippets + wasm + ${lang} pack): gzip ${web + packs[lang]} B`);
}
console.log('-- the test of record: the form entry (form.js), what a browser downloads to validate:');
const form = entry('form.js', `${LIB}_form_bg.wasm`);
let over = 0;
for (const lang of LANGS) {
  const total = form + formPacks[lang];
  const verdict = total <= BUDGET
    ? `within the ${BUDGET} B budget (${BUDGET - total} B to spare)`
    : `OVER the ${BUDGET} B budget by ${total - BUDGET} B`;
  console.log(`browser load, ${lang} (form.js + snippets + form wasm + ${lang} pack): gzip ${total} B — ${verdict}`);
  if (total > BUDGET) over += 1;
}
if (over) {
  console.error(`browser-size: ${over} language(s) over the ${BUDGET} B budget (what the browser downloads to validate in one language)`);
  process.exit(1);
}
