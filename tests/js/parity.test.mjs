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
import { runCorpora } from './corpora.mjs';

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
