// Start-up and speed of the built npm package (BENCHMARKS.md, "Benchmark of
// record"):
//   - Node: compile + instantiate of the wasm (web.js `initSync`), each in a fresh
//     process (V8 caches compiled modules within one process), and the first call;
//   - Chromium (Debian's, through playwright-core): `init()` of the web build in a
//     freshly launched browser, page served over HTTP, split into compile and
//     instantiate;
//   - validateIdentifiers in batches of 1 000 over the 10⁶ inputs of
//     bench/ident-inputs.mjs;
//   - validateApplication of examples/permit_II.json and of a large generated
//     category II application (table 2: 10 sites × 30 substances × 5 years).
// Prints medians; every figure is wall time on whatever machine runs it. The
// measuring code is shared with the benchmark of record (bench/record.sh):
// bench/harness.mjs (Node, Chromium) and bench/workloads.mjs (the workloads).
//
//   node scripts/package-bench.mjs [PKG_DIR=pkg] [RUNS=7]
import os from 'node:os';
import path from 'node:path';
import { chromiumStartup, chromiumVersion, nodeStartup, nodeWorkloads } from '../bench/harness.mjs';

const PKG = path.resolve(process.argv[2] ?? 'pkg');
const RUNS = Number(process.argv[3] ?? 7);
const ms = (x) => `${x.toFixed(2)} ms`;
const KEYS = ['compile', 'instantiate', 'firstCall'];

console.log(`package: ${PKG}; ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}, node ${process.version}`);
const node = nodeStartup(PKG, RUNS);
console.log('\n| Node (fresh process, median) | time |\n|---|---:|');
for (const k of KEYS) console.log(`| ${k} | ${ms(node[k])} |`);

const chrome = await chromiumStartup(PKG, RUNS);
console.log(`\n| ${chromiumVersion()} (fresh browser, median) | time |\n|---|---:|`);
for (const k of KEYS) console.log(`| ${k} | ${ms(chrome[k])} |`);

const w = await nodeWorkloads(PKG, RUNS);
console.log('\n| speed (median) | time |\n|---|---:|');
console.log(`| validateIdentifiers, 10⁶ inputs in batches of 1 000 (${w.identifiers.valid} valid) | ${ms(w.identifiers.ms)} (${(w.identifiers.ms * 1e6 / w.identifiers.count).toFixed(0)} ns/input) |`);
console.log(`| validateApplication(examples/permit_II.json object) | ${ms(w.permitObject.ms)} |`);
console.log(`| validateApplication(large object: ${(w.largeText.bytes / 1024).toFixed(0)} KB of JSON, ${w.largeText.findings} findings) | ${ms(w.largeObject.ms)} |`);
console.log(`| validateApplication(large, as JSON text) | ${ms(w.largeText.ms)} |`);
