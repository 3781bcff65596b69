// Start-up and speed of the built npm package (BENCHMARKS.md, "Package size and
// start-up"):
//   - Node: compile + instantiate of the wasm (web.js `initSync`), each in a fresh
//     process (V8 caches compiled modules within one process), and the first call;
//   - Chromium (Debian's, through playwright-core): `init()` of the web build in a
//     fresh page served over HTTP, split into compile and instantiate;
//   - validateIdentifiers in batches of 1 000 over the 10⁶ inputs of
//     bench/ident-inputs.mjs;
//   - validateApplication of examples/permit_II.json and of a large generated
//     category II application (table 2: 10 sites × 30 substances × 5 years).
// Prints medians; every figure is wall time on whatever machine runs it.
//
//   node scripts/package-bench.mjs [PKG_DIR=pkg] [RUNS=7]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const PKG = path.resolve(process.argv[2] ?? 'pkg');
const RUNS = Number(process.argv[3] ?? 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(2)} ms`;

// ---- Node start-up, one fresh process per run ------------------------------------
if (process.env.KZ_BENCH_CHILD) {
  const t0 = performance.now();
  const bytes = fs.readFileSync(path.join(PKG, 'kz_eco_rules_bg.wasm'));
  const web = await import(pathToFileURL(path.join(PKG, 'web.js')));
  const t1 = performance.now();
  const module = new WebAssembly.Module(bytes);
  const t2 = performance.now();
  web.initSync({ module });
  const t3 = performance.now();
  web.validateApplication(fs.readFileSync('examples/permit_IV.json', 'utf8'), { lang: 'en' });
  const t4 = performance.now();
  console.log(JSON.stringify({ load: t1 - t0, compile: t2 - t1, instantiate: t3 - t2, firstCall: t4 - t3 }));
  process.exit(0);
}

console.log(`package: ${PKG}; ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}, node ${process.version}`);
const nodeRuns = [];
for (let i = 0; i < RUNS; i++) {
  const out = execFileSync(process.execPath, [new URL(import.meta.url).pathname, PKG], {
    env: { ...process.env, KZ_BENCH_CHILD: '1' },
    encoding: 'utf8',
  });
  nodeRuns.push(JSON.parse(out));
}
const col = (runs, k) => median(runs.map((r) => r[k]));
console.log('\n| Node (fresh process, median) | time |\n|---|---:|');
for (const k of ['compile', 'instantiate', 'firstCall']) console.log(`| ${k} | ${ms(col(nodeRuns, k))} |`);

// ---- Chromium ---------------------------------------------------------------------
{
  const { chromium } = await import('playwright-core');
  const { serve } = await import('./serve.mjs');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kz-bench-'));
  fs.cpSync(PKG, root, { recursive: true });
  fs.writeFileSync(
    path.join(root, 'index.html'),
    `<!doctype html><meta charset="utf-8"><title>start-up</title>
<script type="module" src="./start.js"></script>`,
  );
  fs.writeFileSync(
    path.join(root, 'start.js'),
    `import init, { validateApplication } from './web.js';
const url = new URL('./kz_eco_rules_bg.wasm', import.meta.url);
const t0 = performance.now();
const module = await WebAssembly.compileStreaming(fetch(url));
const t1 = performance.now();
await init({ module_or_path: module });
const t2 = performance.now();
validateApplication({ service: 'emission_permit' });
const t3 = performance.now();
window.result = { compile: t1 - t0, instantiate: t2 - t1, firstCall: t3 - t2 };
`,
  );
  const srv = await serve(root);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-quic'],
  });
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(srv.url);
    runs.push(await page.waitForFunction(() => window.result).then((h) => h.jsonValue()));
    await context.close();
  }
  await browser.close();
  srv.server.close();
  fs.rmSync(root, { recursive: true });
  console.log(`\n| Chromium ${browser.version()} (fresh context, median) | time |\n|---|---:|`);
  for (const k of ['compile', 'instantiate', 'firstCall']) console.log(`| ${k} | ${ms(col(runs, k))} |`);
}

// ---- Speed --------------------------------------------------------------------------
const web = await import(pathToFileURL(path.join(PKG, 'web.js')));
web.initSync({ module: fs.readFileSync(path.join(PKG, 'kz_eco_rules_bg.wasm')) });

function time(run) {
  run();
  const t = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    run();
    t.push(performance.now() - t0);
  }
  return median(t);
}

const inputsFile = 'target/bench/ident-inputs.txt';
if (!fs.existsSync(inputsFile)) execFileSync(process.execPath, ['bench/ident-inputs.mjs'], { stdio: 'inherit' });
const inputs = fs.readFileSync(inputsFile, 'utf8').split('\n').filter((s) => s !== '');
let valid = 0;
const idMs = time(() => {
  valid = 0;
  for (let i = 0; i < inputs.length; i += 1000) {
    for (const a of web.validateIdentifiers(inputs.slice(i, i + 1000))) valid += a.valid;
  }
});

/** examples/permit_II.json with table 2 replaced by `sites` × `subs` rows for `years` (exact totals). */
function largeApplication(sites, subs, years) {
  const app = JSON.parse(fs.readFileSync('examples/permit_II.json', 'utf8'));
  const t4 = (v) => `${Math.floor(v / 10000)}.${String(v % 10000).padStart(4, '0')}`;
  app.industrial_sites = Array.from({ length: sites }, (_, s) => ({
    ...app.industrial_sites[0], number: s + 1, name: `Площадка ${s + 1}`,
  }));
  const air = [];
  for (const year of years) {
    let [tg, tt] = [0, 0];
    const groups = [];
    for (let s = 0; s < sites; s++) {
      let [sg, st] = [0, 0];
      const rows = [];
      for (let i = 0; i < subs; i++) {
        const g = 1 + ((s * 31 + i * 7) % 997);
        const t = g * 20;
        sg += g; st += t;
        const v = { g_per_s: t4(g), t_per_year: t4(t) };
        rows.push({ code: String(i).padStart(4, '0'), name: `Вещество ${i}`, normative: v, requested: v, actual: v });
      }
      tg += sg; tt += st;
      const sub = { g_per_s: t4(sg), t_per_year: t4(st) };
      groups.push({ site: s + 1, subtotal: { normative: sub, requested: sub, actual: sub }, substances: rows });
    }
    const tot = { g_per_s: t4(tg), t_per_year: t4(tt) };
    air.push({ year, total: { normative: tot, requested: tot, actual: tot }, sites: groups });
  }
  app.air_emissions = { years: air };
  delete app.discharges;
  delete app.waste;
  return app;
}

const permit = JSON.parse(fs.readFileSync('examples/permit_II.json', 'utf8'));
const permitMs = time(() => { for (let i = 0; i < 100; i++) web.validateApplication(permit, { lang: 'ru' }); }) / 100;
const large = largeApplication(10, 30, [2020, 2021, 2022, 2023, 2024]);
const largeText = JSON.stringify(large);
const largeReport = web.validateApplication(large, { lang: 'ru' });
const largeObjMs = time(() => web.validateApplication(large, { lang: 'ru' }));
const largeTextMs = time(() => web.validateApplication(largeText, { lang: 'ru' }));

console.log('\n| speed (median) | time |\n|---|---:|');
console.log(`| validateIdentifiers, 10⁶ inputs in batches of 1 000 (${valid} valid) | ${ms(idMs)} (${(idMs * 1e6 / inputs.length).toFixed(0)} ns/input) |`);
console.log(`| validateApplication(examples/permit_II.json object) | ${ms(permitMs)} |`);
console.log(`| validateApplication(large object: ${(largeText.length / 1024).toFixed(0)} KB of JSON, ${largeReport.findings.length} findings) | ${ms(largeObjMs)} |`);
console.log(`| validateApplication(large, as JSON text) | ${ms(largeTextMs)} |`);
