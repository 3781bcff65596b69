// The wasm parts of the benchmark of record, and its table (bench/record.sh runs
// every step; BENCHMARKS.md, "Benchmark of record").
//
//   node bench/record.mjs node [RUNS=5]      bench/workloads.mjs on pkg/web.js in Node
//   node bench/record.mjs chromium [RUNS=5]  the same in a Chromium page
//   node bench/record.mjs startup [RUNS=5]   compile + instantiate in Node and Chromium
//   node bench/record.mjs table              target/bench/record.md from every result
//
// The measuring steps write target/bench/record/<step>.json; `table` reads them,
// criterion's estimates (target/criterion/<group>/<bench>/new/estimates.json), the
// identifier peers' figures (target/bench/ident-{node,python}.json, from
// bench/ident.sh), target/bench/record/package-size.txt and target/bench/record/facts.txt.
import fs from 'node:fs';
import path from 'node:path';
import {
  ROOT, chromiumStartup, chromiumVersion, chromiumWorkloads, nodeStartup, nodeWorkloads,
} from './harness.mjs';

const PKG = path.join(ROOT, 'pkg');
const DIR = path.join(ROOT, 'target/bench/record');
const [step = 'table', runsArg] = process.argv.slice(2);
const RUNS = Number(runsArg ?? 5);
const save = (name, value) => {
  fs.mkdirSync(DIR, { recursive: true });
  fs.writeFileSync(path.join(DIR, `${name}.json`), JSON.stringify(value, null, 1));
};
const load = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null);

if (step === 'node') {
  save('node', { runs: RUNS, node: process.version, ...(await nodeWorkloads(PKG, RUNS)) });
} else if (step === 'chromium') {
  save('chromium', { runs: RUNS, chromium: chromiumVersion(), ...(await chromiumWorkloads(PKG, RUNS)) });
} else if (step === 'startup') {
  save('startup', { runs: RUNS, node: nodeStartup(PKG, RUNS), chromium: await chromiumStartup(PKG, RUNS) });
} else if (step === 'table') {
  const md = table();
  fs.writeFileSync(path.join(ROOT, 'target/bench/record.md'), md);
  process.stdout.write(md);
} else {
  console.error('usage: node bench/record.mjs node|chromium|startup [RUNS] | table');
  process.exit(2);
}

/** Median ns per iteration of a criterion benchmark, or null. */
function criterion(id) {
  const e = load(path.join(ROOT, 'target/criterion', id, 'new/estimates.json'));
  return e ? e.median.point_estimate : null;
}

function table() {
  const node = load(path.join(DIR, 'node.json'));
  const chrome = load(path.join(DIR, 'chromium.json'));
  const startup = load(path.join(DIR, 'startup.json'));
  const peersNode = load(path.join(ROOT, 'target/bench/ident-node.json'));
  const peersPy = load(path.join(ROOT, 'target/bench/ident-python.json'));
  const facts = fs.readFileSync(path.join(DIR, 'facts.txt'), 'utf8').trim();
  const size = fs.readFileSync(path.join(DIR, 'package-size.txt'), 'utf8');

  const num = (x, d) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }).replaceAll(',', ' ');
  /** A time in ms, in the unit that reads best. */
  const dur = (ms) => (ms == null ? '—'
    : ms >= 1 ? `${num(ms, ms >= 100 ? 0 : 2)} ms`
      : ms >= 1e-3 ? `${num(ms * 1e3, ms >= 0.1 ? 0 : 2)} µs` : `${num(ms * 1e6, 1)} ns`);
  const ratio = (a, b) => (a == null || b == null ? '—' : `${num(a / b, a / b >= 10 ? 0 : 1)}×`);
  const rate = (count, ms) => (ms == null ? '' : `${num(count / ms / 1e3, 2)} M/s`);

  const cmdNative = (bench) => `\`cargo bench --bench ${bench} -- --noplot\``;
  const cmdNode = '`node bench/record.mjs node`';
  const cmdChrome = '`node bench/record.mjs chromium`';
  const ns = (id) => { const v = criterion(id); return v == null ? null : v / 1e6; }; // → ms

  const ids = node?.identifiers.count ?? 1e6;
  const dls = node?.deadlines.count ?? 10_000;
  const w = [
    {
      name: 'examples/permit_II.json, JSON text → report',
      native: ns('application/permit_II'), bench: 'application',
      what: '`validate_json` + `serde_json` of the report', wasmWhat: '`validateApplication(text)`',
      node: node?.permitText.ms, chrome: chrome?.permitText.ms, per: 'call',
    },
    {
      name: `large category II application (${num((node?.largeText.bytes ?? 0) / 1024, 0)} KB of JSON), JSON text → report`,
      native: ns('application/large_II'), bench: 'application',
      what: '`validate_json` + `serde_json` of the report', wasmWhat: '`validateApplication(text)`',
      node: node?.largeText.ms, chrome: chrome?.largeText.ms, per: 'call',
    },
    {
      name: `identifiers, ${num(ids, 0)} inputs → answers`,
      native: ns('ident/verdict_to_json'), bench: 'ident',
      what: '`Verdict::of_text` + `serde_json` per input', wasmWhat: '`validateIdentifiers`, batches of 1 000',
      node: node?.identifiers.ms, chrome: chrome?.identifiers.ms, per: 'input', count: ids,
    },
    {
      name: `deadlines, ${num(dls, 0)} queries (JSON text) → report`,
      native: ns('deadlines/queries'), bench: 'deadlines',
      what: '`deadlines_json` + `serde_json` of the report', wasmWhat: '`deadlines(text)`',
      node: node?.deadlines.ms, chrome: chrome?.deadlines.ms, per: 'query', count: dls,
    },
  ];
  const per = (x, ms) => (x.count && ms != null ? `${dur(ms / x.count)} / ${x.per} (${rate(x.count, ms)})` : '');

  const out = [];
  out.push('### Machine\n', '```', facts, '```\n');
  out.push('### Native vs wasm (median; ratio = wasm time ÷ native time for the same work)\n');
  out.push('| workload | where | what runs | median | per item | ÷ native | command |');
  out.push('|---|---|---|---:|---:|---:|---|');
  for (const x of w) {
    out.push(`| ${x.name} | native | ${x.what} | ${dur(x.native)} | ${per(x, x.native)} | 1× | ${cmdNative(x.bench)} |`);
    out.push(`| | wasm, Node ${node?.node ?? ''} | ${x.wasmWhat} | ${dur(x.node)} | ${per(x, x.node)} | **${ratio(x.node, x.native)}** | ${cmdNode} |`);
    out.push(`| | wasm, Chromium | ${x.wasmWhat} | ${dur(x.chrome)} | ${per(x, x.chrome)} | **${ratio(x.chrome, x.native)}** | ${cmdChrome} |`);
  }
  const valid = ns('ident/is_valid_identifier');
  out.push(`| identifiers, hot path only | native | \`is_valid_identifier\` (valid or not) | ${dur(valid)} | ${per(w[2], valid)} | | ${cmdNative('ident')} |`);
  const hot = ns('ident/parse_identifier');
  out.push(`| | native | \`parse_identifier\` (fields or reason, not serialised) | ${dur(hot)} | ${per(w[2], hot)} | | ${cmdNative('ident')} |`);
  out.push(`| examples/permit_II.json as an object | wasm, Node | \`validateApplication(object)\` | ${dur(node?.permitObject.ms)} | | ${ratio(node?.permitObject.ms, w[0].native)} | ${cmdNode} |`);
  out.push(`| | wasm, Chromium | \`validateApplication(object)\` | ${dur(chrome?.permitObject.ms)} | | ${ratio(chrome?.permitObject.ms, w[0].native)} | ${cmdChrome} |`);
  out.push(`| large application as an object | wasm, Node | \`validateApplication(object)\` | ${dur(node?.largeObject.ms)} | | ${ratio(node?.largeObject.ms, w[1].native)} | ${cmdNode} |`);
  out.push(`| | wasm, Chromium | \`validateApplication(object)\` | ${dur(chrome?.largeObject.ms)} | | ${ratio(chrome?.largeObject.ms, w[1].native)} | ${cmdChrome} |`);
  out.push('');
  out.push(`Native: criterion, median of its samples, one core. Wasm: median of ${node?.runs ?? '?'} timed runs after a warm-up, `
    + `the web build (\`pkg/web.js\`) initialised once, inputs already in memory (bench/workloads.mjs, the same code in both). `
    + `The large application: ${node?.largeText.findings ?? '?'} findings in Node, ${chrome?.largeText.findings ?? '?'} in Chromium; `
    + `identifiers valid: ${node?.identifiers.valid ?? '?'} (Node), ${chrome?.identifiers.valid ?? '?'} (Chromium); `
    + `deadline reports ok: ${node?.deadlines.ok ?? '?'} / ${chrome?.deadlines.ok ?? '?'}.\n`);

  out.push('### Identifiers against the JS and Python peers (same 10⁶ inputs)\n');
  out.push('| validator | ns / input | M inputs / s | ÷ native | answers differing from ours | command |');
  out.push('|---|---:|---:|---:|---:|---|');
  const nativeNs = w[2].native != null ? (w[2].native * 1e6) / ids : null;
  out.push(`| kz-eco-rules native, \`Verdict\` + JSON (criterion) | ${nativeNs == null ? '—' : num(nativeNs, 1)} | ${nativeNs == null ? '—' : num(1e3 / nativeNs, 2)} | 1× | 0 | ${cmdNative('ident')} |`);
  for (const [set, cmd] of [[peersNode, (n) => `\`IDENT_NODE_RUNS=${n} bash bench/ident.sh node\``], [peersPy, (n) => `\`IDENT_PY_RUNS=${n} bash bench/ident.sh python\``]]) {
    for (const r of set?.rows ?? []) {
      out.push(`| ${r.name} | ${num(r.nsPerInput, 1)} | ${num(r.perSecond / 1e6, 2)} | ${ratio(r.nsPerInput, nativeNs)} | ${num(r.differ, 0)} | ${cmd(set.runs)} (${set.node ? `Node ${set.node}` : `Python ${set.python}`}) |`);
    }
  }
  out.push('');

  out.push('### Start-up of the package (median of fresh processes / freshly launched browsers)\n');
  out.push('| where | compile | instantiate | first call | command |');
  out.push('|---|---:|---:|---:|---|');
  if (startup) {
    out.push(`| Node (\`new WebAssembly.Module\`, \`initSync\`) | ${dur(startup.node.compile)} | ${dur(startup.node.instantiate)} | ${dur(startup.node.firstCall)} | \`node bench/record.mjs startup\` (${startup.runs} runs) |`);
    out.push(`| Chromium (\`compileStreaming\` over HTTP, \`init\`) | ${dur(startup.chromium.compile)} | ${dur(startup.chromium.instantiate)} | ${dur(startup.chromium.firstCall)} | same |`);
  }
  out.push('');

  out.push('### What a browser downloads, per language (gzip -9; budget 102 400 B)\n');
  const grab = (label) => size.match(new RegExp(`^${label}.*gzip\\s+(\\d+) B`, 'm'))?.[1];
  const B = (x) => (x == null ? '—' : `${num(Number(x), 0)} B`);
  out.push('| `kz_eco_rules_bg.wasm` | kk | ru | en | command |');
  out.push('|---:|---:|---:|---:|---|');
  out.push(`| ${B(grab('kz_eco_rules_bg.wasm'))} | ${B(grab('browser load, kk'))} | ${B(grab('browser load, ru'))} | ${B(grab('browser load, en'))} | \`node scripts/browser-size.mjs\` after \`bash scripts/dev.sh package\` |`);
  out.push('');
  return `${out.join('\n')}\n`;
}
