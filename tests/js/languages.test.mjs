// One language at a time: the web build carries no text and renders a language once
// its pack (pkg/kz_eco_rules.<lang>.pack) is loaded; Node loads all three at
// require. The same answers either way, and a portal's own wording of a code
// (options.messages) through the package.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import init, * as web from '../../pkg/web.js';

const require = createRequire(import.meta.url);
const node = require('../../pkg/node.cjs');
const pack = (lang) => new Response(fs.readFileSync(`pkg/kz_eco_rules.${lang}.pack`));
const bad = JSON.parse(fs.readFileSync('examples/permit_II.json', 'utf8'));
bad.air_emissions.years[0].total.requested.t_per_year = '999';
bad.applicant.iin_bin = '081240001239';

test('the web build renders a language only once its pack is loaded, then as Node does', async () => {
  await init({ module_or_path: fs.readFileSync('pkg/kz_eco_rules_bg.wasm'), lang: [] });
  assert.equal(web.languageLoaded('kk'), false);
  assert.throws(() => web.validateApplication(bad, { lang: 'kk' }), (e) => e instanceof TypeError && /loadLanguage\('kk'\)/.test(e.message));
  assert.throws(() => web.messages('en'), TypeError);
  const other = fs.readFileSync('pkg/kz_eco_rules.kk.pack');
  other[7] = 0x67; // a texts id of no build
  assert.throws(() => web.loadLanguagePack(other), /another build/);
  assert.throws(() => web.loadLanguagePack('{"texts_id": "0", "lang": "kk", "texts": []}'), /not a text pack/);
  assert.throws(() => web.messages('kk'), TypeError, 'a refused pack loads nothing');
  await assert.rejects(web.loadLanguage('kk', pack('ru')), /the pack is for 'ru'/);
  for (const lang of ['kk', 'en']) {
    await web.loadLanguage(lang, pack(lang));
    assert.equal(web.languageLoaded(lang), true);
    assert.deepEqual(web.validateApplication(bad, { lang }), node.validateApplication(bad, { lang }));
    assert.deepEqual(web.messages(lang), node.messages(lang));
    const q = { region: 'almaty_city', date: '2019-11-04', service: 'emission_permit', action: 'issue', category: 'II', channel: 'portal' };
    const names = web.requiredDocuments(q, { lang }).checklist.items[0].names;
    assert.deepEqual(Object.keys(names).sort(), lang === 'kk' ? ['kk', 'ru'] : ['en', 'kk', 'ru'], 'names in the languages loaded');
    assert.equal(names[lang], node.requiredDocuments(q).checklist.items[0].names[lang]);
  }
  await assert.rejects(web.loadLanguage('de'), TypeError);
});

test('Node loads every language at require', async () => {
  for (const lang of ['kk', 'ru', 'en']) assert.equal(node.languageLoaded(lang), true);
  await node.loadLanguage('kk');
  await assert.rejects(node.loadLanguage('de'), TypeError);
});

test('a portal words a code its own way, in the language of the call', () => {
  const messages = { 'emissions.sum_mismatch': 'Жиыны {declared}, жолдардың қосындысы {expected}' };
  const plain = node.validateApplication(bad, { lang: 'kk' });
  const ours = node.validateApplication(bad, { lang: 'kk', messages });
  const pick = (r) => r.findings.find((f) => f.code === 'emissions.sum_mismatch');
  assert.match(pick(ours).message, /^Жиыны 999, жолдардың қосындысы \d/);
  assert.notEqual(pick(plain).message, pick(ours).message);
  assert.deepEqual({ ...pick(ours), message: '' }, { ...pick(plain), message: '' });
  const other = (r) => r.findings.filter((f) => f.code !== 'emissions.sum_mismatch');
  assert.deepEqual(other(ours), other(plain));
  assert.deepEqual(web.validateApplication(bad, { lang: 'kk', messages }), ours, 'the same in the web build');
  assert.throws(() => node.validateApplication(bad, { messages: { x: 1 } }), TypeError);
});
