// One Node start-up measurement of the package in PKG_DIR, in this fresh process
// (bench/harness.mjs `nodeStartup` runs it): load (import web.js + read the wasm),
// compile, instantiate (`initSync`), first call; prints JSON, times in ms.
//
//   node bench/startup-child.mjs PKG_DIR
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const PKG = process.argv[2];
const t0 = performance.now();
const bytes = fs.readFileSync(path.join(PKG, 'kz_eco_rules_bg.wasm'));
const web = await import(pathToFileURL(path.join(PKG, 'web.js')).href);
const t1 = performance.now();
const module = new WebAssembly.Module(bytes);
const t2 = performance.now();
web.initSync({ module });
const t3 = performance.now();
web.validateApplication(fs.readFileSync('examples/permit_IV.json', 'utf8'), { lang: 'en' });
const t4 = performance.now();
console.log(JSON.stringify({ load: t1 - t0, compile: t2 - t1, instantiate: t3 - t2, firstCall: t4 - t3 }));
