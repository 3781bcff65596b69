// Test of record for the package size: what a browser downloads to validate in one
// language — web.js, the snippets it imports, the wasm and that language's pack
// (kz_eco_rules.<lang>.json) — gzip -9, per language, against 100 KB (100,000 B). Prints every
// part and, per language, whether the total is within the budget; fails when one is
// over. Run by scripts/build-pkg.sh (and so by `bash scripts/dev.sh test`).
//   node scripts/browser-size.mjs [PKG_DIR]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const BUDGET = 100_000; // bytes, gzip -9, one language
const dir = process.argv[2] ?? 'pkg';
const LIB = 'kz_eco_rules';
const gz = (f) => zlib.gzipSync(fs.readFileSync(path.join(dir, f)), { level: 9 }).length;
const raw = (f) => fs.statSync(path.join(dir, f)).size;
// web.js and the modules it imports (wasm-bindgen's inline_js snippets).
const web = fs.readFileSync(path.join(dir, 'web.js'), 'utf8');
const snippets = [...web.matchAll(/^import .* from '\.\/(snippets\/[^']+)';$/gm)].map((m) => m[1]);
const common = ['web.js', ...snippets, `${LIB}_bg.wasm`];
const row = (label, r, g) => console.log(`${label.padEnd(58)} ${r === '' ? ''.padStart(8) : String(r).padStart(8)} B  gzip ${String(g).padStart(7)} B`);
for (const f of common) row(f, raw(f), gz(f));
const base = common.reduce((s, f) => s + gz(f), 0);
let over = 0;
for (const lang of ['kk', 'ru', 'en']) {
  const pack = `${LIB}.${lang}.json`;
  row(pack, raw(pack), gz(pack));
  const total = base + gz(pack);
  const verdict = total <= BUDGET
    ? `within the ${BUDGET} B budget (${BUDGET - total} B to spare)`
    : `OVER the ${BUDGET} B budget by ${total - BUDGET} B`;
  console.log(`browser load, ${lang} (web.js + snippets + wasm + ${lang} pack): gzip ${total} B — ${verdict}`);
  if (total > BUDGET) over += 1;
}
if (over) {
  console.error(`browser-size: ${over} language(s) over the ${BUDGET} B budget (what the browser downloads to validate in one language)`);
  process.exit(1);
}
