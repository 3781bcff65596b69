// The parity corpus (tests/vectors/parity/, see tests/it/parity.rs) through the BUILT
// npm package — the size-optimised wasm after wasm-opt, the shipped glue: in Node
// (pkg/node.cjs) under three process time zones, and in headless Chromium (the web
// build) under two browser time zones. JSON.stringify of every answer must be the
// expected line's bytes, which are the native library's answers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { launch, close } from './browser.mjs';

const require = createRequire(import.meta.url);
const node = require(fs.existsSync('pkg/node.cjs')
  ? '../../pkg/node.cjs' : '../../pkg/nodejs/kz_eco_rules.js');
const WEB = fs.existsSync('www/pkg/web.js') ? '/pkg/web.js' : '/pkg/kz_eco_rules.js';
const KINDS = ['applications', 'documents', 'deadlines', 'days', 'identifiers'];
const corpora = Object.fromEntries(KINDS.map((kind) => [kind, {
  inputs: fs.readFileSync(`tests/vectors/parity/${kind}.jsonl`, 'utf8'),
  expected: fs.readFileSync(`tests/vectors/parity/${kind}.expected.jsonl`, 'utf8'),
}]));
const examples = Object.fromEntries(fs.readdirSync('examples').filter((f) => f.endsWith('.json'))
  .map((f) => [f.slice(0, -5), fs.readFileSync(`examples/${f}`, 'utf8')]));

/**
 * Runs every case of every corpus through `api` (the package's exports; in the
 * browser, the module the page put in `globalThis.kzEcoRules`) and returns, per
 * corpus, the lines that differ from the expected ones. Self-contained (no
 * imports, no closures): Playwright runs it in the page as it stands.
 */
function runCorpora({ corpora, examples }, api = globalThis.kzEcoRules) {
  const unescape = (t) => t.replace(/~1/g, '/').replace(/~0/g, '~');
  const split = (pointer) => pointer.split('/').slice(1).map(unescape);
  const parentOf = (root, pointer) => {
    const tokens = split(pointer);
    const last = tokens.pop();
    let v = root;
    for (const t of tokens) v = v[t];
    return [v, last];
  };
  const patch = (root, [op, pointer, value]) => {
    const [target, key] = parentOf(root, pointer);
    if (Array.isArray(target)) {
      if (op === 'remove') target.splice(Number(key), 1);
      else if (op === 'add' && key === '-') target.push(value);
      else if (op === 'add') target.splice(Number(key), 0, value);
      else target[Number(key)] = value;
    } else if (op === 'remove') delete target[key];
    else target[key] = value;
  };
  const jsOnly = (kind, current) => {
    switch (kind) {
      case 'NaN': return NaN;
      case 'Infinity': return Infinity;
      case '-Infinity': return -Infinity;
      case 'BigInt': try { return BigInt(current); } catch { return 1n; }
      case 'undefined': return undefined;
      case 'Date': return new Date(current);
      case 'invalid Date': return new Date(NaN);
      case 'function': return () => 1;
      case 'Symbol': return Symbol('s');
      case 'Map': return new Map();
      case 'Set': return new Set();
      default: throw new Error(`unknown js kind ${kind}`);
    }
  };
  const call = (kind, arg, options) => {
    try {
      const out = {
        applications: () => api.validateApplication(arg, options),
        documents: () => api.requiredDocuments(arg, options),
        deadlines: () => api.deadlines(arg, options),
        days: () => api.isWorkingDay(arg, options),
        identifiers: () => api.validateIdentifier(arg),
      }[kind]();
      return { output: out };
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      return { type_error: e.message };
    }
  };
  const result = {};
  for (const [kind, { inputs, expected }] of Object.entries(corpora)) {
    const want = expected.split('\n').filter(Boolean);
    const cases = inputs.split('\n').filter(Boolean).map((l) => JSON.parse(l));
    const bad = [];
    let viaText = 0;
    cases.forEach((c, i) => {
      let arg;
      // JSON text: applications and friends take the text itself; an identifier
      // case is a line as `kz-eco-rules id --jsonl` reads it, so the package gets
      // the string JSON.parse makes of it (a lone surrogate stays lone).
      if ('text' in c) arg = kind === 'identifiers' ? JSON.parse(c.text) : c.text;
      else if ('example' in c) {
        arg = JSON.parse(examples[c.example]);
        for (const step of c.patch ?? []) patch(arg, step);
      } else arg = c.input ?? null;
      for (const [pointer, js] of c.js ?? []) {
        if (pointer === '') { arg = jsOnly(js, arg); continue; }
        const [target, key] = parentOf(arg, pointer);
        target[key] = jsOnly(js, target[key]);
      }
      const got = JSON.stringify({ name: c.name, ...call(kind, arg, c.options) });
      if (got !== want[i]) bad.push({ got: got.slice(0, 500), want: (want[i] ?? '').slice(0, 500) });
      // The same object as JSON text (numbers read by the engine's parser).
      if (['applications', 'documents', 'deadlines'].includes(kind) && !c.js && !('text' in c)) {
        viaText += 1;
        const text = JSON.stringify({ name: c.name, ...call(kind, JSON.stringify(arg), c.options) });
        if (text !== want[i]) bad.push({ via: 'text', got: text.slice(0, 500), want: want[i].slice(0, 500) });
      }
    });
    result[kind] = { cases: cases.length, expected: want.length, viaText, bad: bad.slice(0, 3), badCount: bad.length };
  }
  return result;
}

function check(result, where) {
  let total = 0;
  for (const kind of KINDS) {
    const r = result[kind];
    assert.equal(r.cases, r.expected, `${where} ${kind}: expected lines missing (bash scripts/dev.sh generate --vectors)`);
    assert.equal(r.badCount, 0, `${where} ${kind}: ${r.badCount} answers differ:\n${JSON.stringify(r.bad, null, 1)}`);
    total += r.cases;
  }
  assert.ok(total >= 1000, `${total} cases`);
}

test('the package in Node gives the native bytes, in any process time zone', () => {
  const saved = process.env.TZ;
  const offsets = new Set();
  try {
    for (const tz of ['Asia/Almaty', 'Pacific/Kiritimati', 'America/Los_Angeles']) {
      process.env.TZ = tz;
      offsets.add(new Date('2019-12-06T12:00:00Z').getTimezoneOffset());
      check(runCorpora({ corpora, examples }, node), `Node TZ=${tz}`);
    }
  } finally {
    if (saved === undefined) delete process.env.TZ; else process.env.TZ = saved;
  }
  assert.equal(offsets.size, 3, 'the time zones really differ');
});

let srv;
let browser;
before(async () => {
  ({ srv, browser } = await launch());
});
after(() => close({ srv, browser }));

test('the web build in Chromium gives the native bytes, in any browser time zone', async () => {
  for (const timezoneId of ['Pacific/Kiritimati', 'America/Los_Angeles']) {
    const context = await browser.newContext({ timezoneId });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(srv.url);
    const zone = await page.evaluate(async (web) => {
      const m = await import(web);
      await m.default({ lang: ['kk', 'ru', 'en'] }); // the module and the three language packs, over HTTP
      globalThis.kzEcoRules = m;
      return Intl.DateTimeFormat().resolvedOptions().timeZone;
    }, WEB);
    const result = await page.evaluate(runCorpora, { corpora, examples });
    await context.close();
    assert.deepEqual(errors, []);
    assert.equal(zone, timezoneId);
    check(result, `Chromium ${timezoneId}`);
  }
});
