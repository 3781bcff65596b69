// The package's form entry (`kz-eco-rules/form`: form.js and its own, smaller wasm
// without the repealed editions' rules) in Node: it exports what validating needs and
// nothing else, its types declare the same functions, and on the parity corpus's
// applications it gives the native bytes — the answers of the whole API (node.cjs) —
// in every language for every application under the law in force, and for one under a
// repealed edition the one finding `editions.not_in_module`, after which the whole API
// (as the demo does) gives the native bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import * as form from '../../pkg/form.js';
import { runCorpora } from './corpora.mjs';

const require = createRequire(import.meta.url);
const whole = require('../../pkg/node.cjs');
const EXPORTS = ['default', 'initSync', 'languageLoaded', 'loadLanguage', 'loadLanguagePack', 'messages', 'needsWholeApi', 'validateApplication', 'version'];
// The editions whose rules the form entry leaves out: those repealed (with an end).
const REPEALED = JSON.parse(fs.readFileSync('data/editions.json', 'utf8')).editions
  .filter((e) => e.period.until).map((e) => e.id);
const SHORT_NAMES = Object.fromEntries(JSON.parse(fs.readFileSync('data/editions.json', 'utf8')).editions
  .map((e) => [e.id, e.short_names]));

// The web glue in Node: the module from its bytes, the packs from Responses.
form.initSync({ module: fs.readFileSync('pkg/kz_eco_rules_form_bg.wasm') });
for (const lang of ['kk', 'ru', 'en']) {
  await form.loadLanguage(lang, new Response(fs.readFileSync(`pkg/kz_eco_rules_form.${lang}.pack`)));
}

test('the form entry exports what validating needs, and its types declare exactly that', () => {
  assert.deepEqual(Object.keys(form).sort(), EXPORTS);
  const types = fs.readFileSync('pkg/form.d.ts', 'utf8');
  const declared = [...types.matchAll(/^export (default )?function (\w+)\(/gm)].map((m) => (m[1] ? 'default' : m[2]));
  assert.deepEqual(declared.sort(), EXPORTS);
  assert.match(types, /^export interface Report\b/m, 'the types of the reports are there');
  const pkg = JSON.parse(fs.readFileSync('pkg/package.json', 'utf8'));
  assert.deepEqual(pkg.exports['./form'], { types: './form.d.ts', default: './form.js' });
  for (const f of ['form.js', 'form.d.ts', 'kz_eco_rules_form_bg.wasm', 'kz_eco_rules_form.kk.pack']) assert.ok(pkg.files.includes(f), f);
  // The form entry fetches its own packs (fewer texts than the whole API's).
  const glue = fs.readFileSync('pkg/form.js', 'utf8');
  assert.deepEqual([...glue.matchAll(/new URL\(['"]([^'"]+)['"]/g)].map((m) => m[1]).filter((f) => f.endsWith('.pack')),
    ['kz_eco_rules_form.kk.pack', 'kz_eco_rules_form.ru.pack', 'kz_eco_rules_form.en.pack']);
  // Its imports, their module and its exports have short names, in the wasm and in the
  // glue (scripts/minify-wasm-names.mjs); the tests below instantiate it through that glue.
  const wasm = new WebAssembly.Module(fs.readFileSync('pkg/kz_eco_rules_form_bg.wasm'));
  const names = [
    ...WebAssembly.Module.imports(wasm).flatMap((i) => [i.module, i.name]),
    ...WebAssembly.Module.exports(wasm).map((e) => e.name),
  ];
  assert.ok(names.length > 0 && names.every((n) => n.length <= 2), names.join(' '));
});

test('the form entry answers the parity applications with the native bytes', () => {
  const corpora = {
    applications: {
      inputs: fs.readFileSync('tests/vectors/parity/applications.jsonl', 'utf8'),
      expected: fs.readFileSync('tests/vectors/parity/applications.expected.jsonl', 'utf8'),
    },
  };
  const examples = Object.fromEntries(fs.readdirSync('examples').filter((f) => f.endsWith('.json'))
    .map((f) => [f.slice(0, -5), fs.readFileSync(`examples/${f}`, 'utf8')]));
  // The form entry first; the whole API only when the form entry says so (as the
  // demo does). Every answer must then be the native bytes.
  const answered = { form: 0, whole: [] };
  const formThenWhole = {
    validateApplication(app, options) {
      const report = form.validateApplication(app, options);
      if (!form.needsWholeApi(report)) {
        answered.form += 1;
        return report;
      }
      const full = whole.validateApplication(app, options);
      answered.whole.push({ report, full });
      return full;
    },
  };
  for (const [where, api] of [['form.js, then node.cjs when it says so', formThenWhole], ['node.cjs', whole]]) {
    const r = runCorpora({ corpora, examples }, api).applications;
    assert.equal(r.cases, r.expected, 'expected lines missing (bash scripts/dev.sh generate --vectors)');
    assert.ok(r.cases >= 100, `${r.cases} cases`);
    assert.equal(r.badCount, 0, `${where}: ${r.badCount} answers differ:\n${JSON.stringify(r.bad, null, 1)}`);
  }
  // Both kinds are in the corpus: the law in force (and no edition at all) answered by
  // the form entry itself, the repealed editions only by the whole API.
  assert.ok(answered.form >= 50, `${answered.form} answered by the form entry`);
  assert.ok(answered.whole.length >= 20, `${answered.whole.length} sent to the whole API`);
  for (const { report, full } of answered.whole) {
    assert.ok(REPEALED.includes(full.edition), `only an application under a repealed edition is sent on: ${full.edition}`);
    assert.equal(report.edition, full.edition);
    assert.equal(report.ok, false);
    assert.deepEqual(report.counts, { error: 1, warning: 0, info: 0 });
    assert.equal(report.findings.length, 1);
    const [f] = report.findings;
    assert.equal(f.code, 'editions.not_in_module');
    assert.ok(['/edition', '/submitted_at'].includes(f.path), f.path);
    assert.deepEqual(f.params, { edition: full.edition });
    assert.ok(f.message.length > 40, f.message);
  }
});

test('the form entry: an application under a repealed edition gets one finding, in every language', () => {
  const app = JSON.parse(fs.readFileSync('examples/permit_II.json', 'utf8'));
  assert.equal(whole.validateApplication(app).edition, 'almaty_city_2019');
  for (const lang of ['kk', 'ru', 'en']) {
    const report = form.validateApplication(app, { lang });
    assert.ok(form.needsWholeApi(report));
    const [f] = report.findings;
    assert.equal(f.path, '/submitted_at');
    const [before, after] = form.messages(lang)['editions.not_in_module'].split('{edition}');
    assert.equal(f.message, before + SHORT_NAMES.almaty_city_2019[lang] + after);
  }
  // Named explicitly: reported at /edition.
  const named = form.validateApplication({ ...app, edition: 'karaganda_2013' }, { lang: 'kk' });
  assert.equal(named.findings[0].path, '/edition');
  // The law in force: the form entry answers itself.
  const today = JSON.parse(fs.readFileSync('examples/environmental_permit_II.json', 'utf8'));
  assert.ok(!form.needsWholeApi(form.validateApplication(today)));
  assert.equal(form.needsWholeApi(null), false);
  assert.equal(form.needsWholeApi({ findings: [] }), false);
});

test('the form entry: messages, version and misuse as in the whole API', () => {
  for (const lang of ['kk', 'ru', 'en']) {
    assert.ok(form.languageLoaded(lang));
    assert.deepEqual(form.messages(lang), whole.messages(lang));
  }
  assert.equal(form.version(), whole.version());
  assert.throws(() => form.validateApplication(), TypeError);
  assert.throws(() => form.validateApplication({}, { lang: 'de' }), TypeError);
  const draft = { service: 'emission_permit', applicant: { iin_bin: '0812 4000 1238' } };
  assert.deepEqual(form.validateApplication(draft, { lang: 'kk' }), whole.validateApplication(draft, { lang: 'kk' }));
});
