// Node side of the package benchmarks (scripts/package-bench.mjs, bench/record.sh):
// reads the inputs, runs bench/workloads.mjs on the built package in Node and in
// Chromium, and measures start-up (compile + instantiate) in both.
//
// Chromium is Debian's /usr/bin/chromium (CHROMIUM_PATH) driven by playwright-core,
// each launch with a fresh --user-data-dir (a new temporary directory, removed
// afterwards) and the flags in CHROMIUM_FLAGS; pages are served over HTTP from
// 127.0.0.1 by scripts/serve.mjs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';
import { lines, median, runWorkloads } from './workloads.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The repository root (inputs are read relative to it). */
export const ROOT = path.dirname(here);

export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The inputs files, relative to ROOT (see bench/workloads.mjs). */
export const INPUTS = {
  identifiers: 'target/bench/ident-inputs.txt',
  permit: 'examples/permit_II.json',
  large: 'target/bench/app-large-II.json',
  deadlines: 'target/bench/deadline-queries.jsonl',
};

/** Writes the generated inputs that are missing. */
export function ensureInputs() {
  const at = (f) => path.join(ROOT, f);
  if (!fs.existsSync(at(INPUTS.identifiers))) {
    execFileSync(process.execPath, [path.join(here, 'ident-inputs.mjs')], { cwd: ROOT, stdio: 'inherit' });
  }
  if (!fs.existsSync(at(INPUTS.large)) || !fs.existsSync(at(INPUTS.deadlines))) {
    execFileSync(process.execPath, [path.join(here, 'write-inputs.mjs')], { cwd: ROOT, stdio: 'inherit' });
  }
}

/** The inputs as bench/workloads.mjs `runWorkloads` takes them. */
export function loadData() {
  ensureInputs();
  const read = (f) => fs.readFileSync(path.join(ROOT, f), 'utf8');
  return {
    identifiers: lines(read(INPUTS.identifiers)),
    permitText: read(INPUTS.permit),
    largeText: read(INPUTS.large),
    deadlines: lines(read(INPUTS.deadlines)),
  };
}

/** The web build of the package in `pkgDir`, initialised synchronously. */
export async function nodeApi(pkgDir) {
  const web = await import(pathToFileURL(path.join(path.resolve(pkgDir), 'web.js')).href);
  web.initSync({ module: fs.readFileSync(path.join(pkgDir, 'kz_eco_rules_bg.wasm')) });
  return web;
}

/** Every workload in this Node process. */
export async function nodeWorkloads(pkgDir, runs) {
  return runWorkloads(await nodeApi(pkgDir), loadData(), runs);
}

/**
 * Start-up in Node, each run in a fresh process (V8 caches compiled modules
 * within a process): load (import web.js + read the wasm), compile, instantiate,
 * first call; medians in ms.
 */
export function nodeStartup(pkgDir, runs) {
  const all = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, [path.join(here, 'startup-child.mjs'), path.resolve(pkgDir)], {
      cwd: ROOT, encoding: 'utf8',
    });
    all.push(JSON.parse(out));
  }
  return medians(all);
}

const medians = (runs) => Object.fromEntries(Object.keys(runs[0]).map((k) => [k, median(runs.map((r) => r[k]))]));

/**
 * Runs `fn(context)` in a freshly launched Chromium (a new --user-data-dir),
 * closes it and removes the directory.
 */
export async function withChromium(fn) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kz-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  try {
    return await fn(context);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Serves a temporary copy of the package with `files` ({ name: text }) added,
 * runs `fn(url)`, stops the server and removes the copy.
 */
async function withServedPackage(pkgDir, files, fn) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kz-bench-'));
  fs.cpSync(pkgDir, root, { recursive: true });
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(root, name), text);
  const srv = await serve(root);
  try {
    return await fn(srv.url);
  } finally {
    srv.server.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** `chromium --version` of the browser the benchmarks launch. */
export function chromiumVersion() {
  return execFileSync(chromiumPath(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

const chromiumPath = () => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Opens `url` in a new page and returns what the page puts in `window.result`. */
async function pageResult(context, url) {
  const page = await context.newPage();
  // An error in the page's script would otherwise leave the wait below forever.
  const failed = new Promise((_, reject) => page.on('pageerror', reject));
  await page.goto(url);
  const handle = await Promise.race([
    page.waitForFunction(() => window.result, null, { timeout: 0, polling: 200 }),
    failed,
  ]);
  const result = await handle.jsonValue();
  await page.close();
  return result;
}

const html = `<!doctype html><meta charset="utf-8"><title>kz-eco-rules bench</title>
<script type="module" src="./bench.js"></script>`;

/**
 * Start-up in Chromium, each run in a freshly launched browser: `init()` of the
 * web build in a page served over HTTP, split into compile (compileStreaming) and
 * instantiate, then the first call; medians in ms.
 */
export async function chromiumStartup(pkgDir, runs) {
  const start = `import init, { validateApplication } from './web.js';
const url = new URL('./kz_eco_rules_bg.wasm', import.meta.url);
const t0 = performance.now();
const module = await WebAssembly.compileStreaming(fetch(url));
const t1 = performance.now();
await init({ module_or_path: module });
const t2 = performance.now();
validateApplication({ service: 'emission_permit' });
const t3 = performance.now();
window.result = { compile: t1 - t0, instantiate: t2 - t1, firstCall: t3 - t2 };
`;
  return withServedPackage(pkgDir, { 'index.html': html, 'bench.js': start }, async (url) => {
    const all = [];
    for (let i = 0; i < runs; i++) all.push(await withChromium((context) => pageResult(context, url)));
    return medians(all);
  });
}

/** Every workload in a Chromium page (one fresh browser), on the same inputs as Node. */
export async function chromiumWorkloads(pkgDir, runs) {
  ensureInputs();
  const files = {
    'index.html': html,
    'workloads.mjs': fs.readFileSync(path.join(here, 'workloads.mjs'), 'utf8'),
    'bench.js': `import init, * as api from './web.js';
import { lines, runWorkloads } from './workloads.mjs';
const text = (f) => fetch(f).then((r) => r.text());
const [ids, permitText, largeText, deadlines] = await Promise.all(
  ['identifiers.txt', 'permit.json', 'large.json', 'deadlines.jsonl'].map(text));
await init({ module_or_path: new URL('./kz_eco_rules_bg.wasm', import.meta.url) });
window.result = { ...runWorkloads(api, { identifiers: lines(ids), permitText, largeText,
  deadlines: lines(deadlines) }, ${Number(runs)}), userAgent: navigator.userAgent };
`,
  };
  const read = (f) => fs.readFileSync(path.join(ROOT, f), 'utf8');
  files['identifiers.txt'] = read(INPUTS.identifiers);
  files['permit.json'] = read(INPUTS.permit);
  files['large.json'] = read(INPUTS.large);
  files['deadlines.jsonl'] = read(INPUTS.deadlines);
  return withServedPackage(pkgDir, files, (url) => withChromium((context) => pageResult(context, url)));
}
