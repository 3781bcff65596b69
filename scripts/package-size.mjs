// Test of record for the package size: gzip -9 size of every file the npm package
// ships (the wasm once, the three glue files, types, README, package.json) and of
// what a browser loads (web.js + the wasm). Fails above the budget.
import fs from 'node:fs';
import zlib from 'node:zlib';

const BUDGET = 80 * 1024; // bytes, gzip, whole package
const pkg = JSON.parse(fs.readFileSync('pkg/package.json', 'utf8'));
// A listed folder (snippets/) counts every file in it.
const files = [...pkg.files, 'package.json'].flatMap((f) =>
  fs.statSync(`pkg/${f}`).isDirectory()
    ? fs.readdirSync(`pkg/${f}`, { recursive: true }).map((e) => `${f.replace(/\/$/, '')}/${e}`).filter((e) => fs.statSync(`pkg/${e}`).isFile())
    : [f],
);
const gz = (f) => zlib.gzipSync(fs.readFileSync(`pkg/${f}`), { level: 9 }).length;
let total = 0;
const rows = files.map((f) => {
  const raw = fs.statSync(`pkg/${f}`).size;
  const g = gz(f);
  total += g;
  return [f, raw, g];
});
const browser = gz('web.js') + gz('kz_eco_rules_bg.wasm');
for (const [f, raw, g] of rows) console.log(`${f.padEnd(24)} ${String(raw).padStart(8)} B  gzip ${String(g).padStart(7)} B`);
console.log(`${'package total'.padEnd(24)} ${''.padStart(8)}    gzip ${String(total).padStart(7)} B  (budget ${BUDGET})`);
console.log(`${'browser load (web)'.padEnd(24)} ${''.padStart(8)}    gzip ${String(browser).padStart(7)} B`);
if (process.argv.includes('--check') && total > BUDGET) {
  console.error(`package is ${total} B gzip, over the ${BUDGET} B budget`);
  process.exit(1);
}
