// deadlines() and isWorkingDay() of the web build in headless Chromium under
// different browser time zones: the answers must not depend on the zone, and
// must equal the nodejs build's and the vectors' (tests/vectors/deadlines.jsonl).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { launch, close } from './browser.mjs';

const require = createRequire(import.meta.url);
// The package layout: pkg/node.cjs + www/pkg/web.js (one shared .wasm), or the older
// pkg/nodejs/ + www/pkg/kz_eco_rules.js.
const node = require(fs.existsSync('pkg/node.cjs')
  ? '../../pkg/node.cjs' : '../../pkg/nodejs/kz_eco_rules.js');
const WEB = fs.existsSync('www/pkg/web.js') ? '/pkg/web.js' : '/pkg/kz_eco_rules.js';
const vectors = fs.readFileSync('tests/vectors/deadlines.jsonl', 'utf8')
  .split('\n').filter(Boolean).map((l) => JSON.parse(l));
const DAYS = ['2019-12-31', '2020-01-05', '2020-03-24', '2020-05-11', '2024-02-29', '2024-03-01',
  '2025-03-24', '2026-08-31', '2027-03-15', '2031-01-03'];
// Asia/Almaty is the service's own zone; the others are far east and far west of it.
const ZONES = ['Asia/Almaty', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/London'];

let srv;
let browser;
before(async () => {
  ({ srv, browser } = await launch());
});
after(() => close({ srv, browser }));

/** Runs every query and day in a page whose clock is in `timezoneId`. */
async function answersIn(timezoneId) {
  const context = await browser.newContext({ timezoneId });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(srv.url);
  const result = await page.evaluate(async ({ queries, days, web }) => {
    const m = await import(web);
    await m.default({ lang: ['kk', 'ru', 'en'] }); // the module and the three language packs, over HTTP
    const fromStrings = queries.map((q) => m.deadlines(q, { lang: 'en' }));
    const fromDates = queries.map((q) =>
      m.deadlines({ ...q, submitted_at: new Date(q.submitted_at) }, { lang: 'en' }));
    const dayStrings = days.map((d) => m.isWorkingDay(d, { lang: 'en' }));
    // Noon in Kazakhstan of that day, as a Date (an instant).
    const dayDates = days.map((d) => m.isWorkingDay(new Date(`${d}T12:00:00+05:00`), { lang: 'en' }));
    return {
      zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      offset: new Date('2019-10-04T12:00:00Z').getTimezoneOffset(),
      fromStrings, fromDates, dayStrings, dayDates,
    };
  }, { queries: vectors.map((v) => v.query), days: DAYS, web: WEB });
  await context.close();
  assert.deepEqual(errors, []);
  return result;
}

test('answers do not depend on the browser time zone', async () => {
  const expectedStrings = vectors.map((v) => node.deadlines(v.query, { lang: 'en' }));
  const expectedDays = DAYS.map((d) => node.isWorkingDay(d, { lang: 'en' }));
  const offsets = new Set();
  for (const zone of ZONES) {
    const r = await answersIn(zone);
    assert.equal(r.zone, zone);
    offsets.add(r.offset);
    assert.deepEqual(r.fromStrings, expectedStrings, zone);
    assert.deepEqual(r.fromDates, expectedStrings, zone);
    assert.deepEqual(r.dayStrings, expectedDays, zone);
    assert.deepEqual(r.dayDates, expectedDays, zone);
  }
  assert.equal(offsets.size, ZONES.length, 'the zones really differ');
  // And the answers are the vectors' (independent implementation).
  for (const [i, v] of vectors.entries()) {
    for (const key of ['registered_on', 'completeness_due', 'decision_due', 'remarks_due', 'fixes_due']) {
      assert.equal(expectedStrings[i][key], v.expect[key], `${v.name}: ${key}`);
    }
  }
  assert.deepEqual(expectedDays.map((d) => d.working),
    [true, true, false, true, true, true, false, true, false, true]);
});
