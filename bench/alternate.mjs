// Two (or more) builds of the package, one Node process, alternated: the large
// application's `validateApplication(text)` (Russian messages) timed in turns,
// so both builds see the same machine load. For before/after pairs on a busy
// machine; the benchmark of record stays bench/record.mjs.
//
//   node bench/alternate.mjs PKG_DIR PKG_DIR… [RUNS=15] [WARMUPS=3]
//
// Prints, per build, the median and the fastest run in ms and the number of
// findings (which must agree).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { median } from './workloads.mjs';

const args = process.argv.slice(2);
const dirs = args.filter((a) => !/^\d+$/.test(a));
const [runs = 15, warmups = 3] = args.filter((a) => /^\d+$/.test(a)).map(Number);
if (dirs.length < 1) {
  console.error('usage: node bench/alternate.mjs PKG_DIR PKG_DIR… [RUNS] [WARMUPS]');
  process.exit(2);
}

/** The web build in `dir`, initialised, with the Russian pack when it has packs. */
async function load(dir) {
  const web = await import(pathToFileURL(path.join(path.resolve(dir), 'web.js')).href + `?${dir}`);
  web.initSync({ module: fs.readFileSync(path.join(dir, 'kz_eco_rules_bg.wasm')) });
  const pack = path.join(dir, 'kz_eco_rules.ru.pack');
  if (web.loadLanguagePack && fs.existsSync(pack)) web.loadLanguagePack(fs.readFileSync(pack));
  return web;
}

const text = fs.readFileSync('target/bench/app-large-II.json', 'utf8'); // node bench/write-inputs.mjs
const opts = { lang: 'ru' };
const builds = [];
for (const dir of dirs) {
  const api = await load(dir);
  const findings = api.validateApplication(text, opts).findings.length;
  builds.push({ dir, api, findings, times: [] });
}
for (let r = 0; r < warmups + runs; r++) {
  for (const b of builds) {
    const t0 = performance.now();
    b.api.validateApplication(text, opts);
    const ms = performance.now() - t0;
    if (r >= warmups) b.times.push(ms);
  }
}
console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; ${runs} runs each after ${warmups} warm-ups`);
for (const b of builds) {
  const fastest = Math.min(...b.times);
  console.log(`${b.dir}: median ${median(b.times).toFixed(1)} ms, fastest ${fastest.toFixed(1)} ms, ${b.findings} findings`);
}
