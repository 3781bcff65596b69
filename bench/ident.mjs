// ИИН/БИН validation in Node on the 10⁶ inputs of target/bench/ident-inputs.txt
// (node bench/ident-inputs.mjs): the wasm package (pkg/node.cjs, bash
// scripts/build-pkg.sh) per call and batched, against the fastest ИИН validator
// found on npm (inn-validate, installed in bench/node_modules by
// `npm install --prefix bench`) and a typical hand-written checksum snippet.
// Prints a Markdown table (median of RUNS timed runs after one warm-up run) and
// how often each peer's valid/invalid answer differs from ours; writes the same
// figures to target/bench/ident-node.json.
//
//   node bench/ident.mjs [RUNS]
import fs from 'node:fs';
import { createRequire, register } from 'node:module';
import { performance } from 'node:perf_hooks';

// inn-validate 1.0.1 ships ES modules with a directory import ("./interfaces"),
// which Node refuses; resolve it to its index.js instead of patching the package.
register(
  'data:text/javascript,' +
    encodeURIComponent(`export async function resolve(specifier, context, next) {
  try { return await next(specifier, context); }
  catch (e) {
    if (e.code === 'ERR_UNSUPPORTED_DIR_IMPORT') return next(specifier + '/index.js', context);
    throw e;
  }
}`),
);

const RUNS = Number(process.argv[2] ?? 5);
const require = createRequire(import.meta.url);
const pkg = require('../pkg/node.cjs');
const { validateINN } = await import('inn-validate');

const inputs = fs.readFileSync('target/bench/ident-inputs.txt', 'utf8').split('\n');
if (inputs.at(-1) === '') inputs.pop();

// The kind of checksum-only snippet portal forms copy (no date, type or length
// of digits check beyond 12 characters).
function snippet(iin) {
  if (!/^\d{12}$/.test(iin)) return false;
  const d = iin.split('').map(Number);
  let s = 0;
  for (let i = 0; i < 11; i++) s += d[i] * (i + 1);
  let c = s % 11;
  if (c === 10) {
    s = 0;
    for (let i = 0; i < 11; i++) s += d[i] * (((i + 2) % 11) + 1);
    c = s % 11;
  }
  return c !== 10 && c === d[11];
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function measure(name, run) {
  run(); // warm-up (JIT, wasm tiers)
  const times = [];
  let valid = null;
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    valid = run();
    times.push(performance.now() - t0);
  }
  const ms = median(times);
  return { name, ms, nsPerInput: (ms * 1e6) / inputs.length, perSecond: inputs.length / (ms / 1000), valid };
}

/// Validity of every input as an array of booleans.
const perCall = () => inputs.map((s) => pkg.validateIdentifier(s).valid);
const batched = (size) => () => {
  const out = new Array(inputs.length);
  for (let i = 0; i < inputs.length; i += size) {
    const answers = pkg.validateIdentifiers(inputs.slice(i, i + size));
    for (let j = 0; j < answers.length; j++) out[i + j] = answers[j].valid;
  }
  return out;
};

const results = [
  measure('kz-eco-rules wasm, `validateIdentifier` per call', perCall),
  measure('kz-eco-rules wasm, `validateIdentifiers` batches of 1 000', batched(1000)),
  measure('kz-eco-rules wasm, `validateIdentifiers` one batch of 10⁶', batched(inputs.length)),
  measure('npm `inn-validate` 1.0.1 `validateINN` (boolean)', () =>
    inputs.map((s) => validateINN({ identificationNumber: s }) === true),
  ),
  measure('hand-written JS checksum snippet (reference, not a package)', () => inputs.map(snippet)),
];

const ours = results[0].valid;
for (const r of results.slice(1, 3)) {
  if (r.valid.some((v, i) => v !== ours[i])) throw new Error(`${r.name} disagrees with validateIdentifier`);
}

const fmt = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
console.log(`Node ${process.version}, ${inputs.length} inputs, median of ${RUNS} runs\n`);
console.log('| validator | ns / input | inputs / s | valid | answers differing from ours |');
console.log('|---|---:|---:|---:|---:|');
const rows = results.map((r) => ({
  name: r.name, nsPerInput: r.nsPerInput, perSecond: r.perSecond,
  valid: r.valid.filter(Boolean).length, differ: r.valid.filter((v, i) => v !== ours[i]).length,
}));
for (const r of rows) {
  console.log(`| ${r.name} | ${fmt(r.nsPerInput, 1)} | ${fmt(r.perSecond)} | ${fmt(r.valid)} | ${fmt(r.differ)} |`);
}
// For bench/record.sh.
fs.writeFileSync('target/bench/ident-node.json', JSON.stringify({ node: process.version, runs: RUNS, rows }, null, 1));
