// The package's form entry (`kz-eco-rules/form`: form.js and its own, smaller wasm)
// in Node: it exports what validating needs and nothing else, its types declare the
// same functions, and on the parity corpus's applications it gives the native bytes —
// the answers of the whole API (node.cjs) — in every language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import * as form from '../../pkg/form.js';
import { runCorpora } from './corpora.mjs';

const require = createRequire(import.meta.url);
const whole = require('../../pkg/node.cjs');
const EXPORTS = ['default', 'initSync', 'languageLoaded', 'loadLanguage', 'loadLanguagePack', 'messages', 'validateApplication', 'version'];

// The web glue in Node: the module from its bytes, the packs from Responses.
form.initSync({ module: fs.readFileSync('pkg/kz_eco_rules_form_bg.wasm') });
for (const lang of ['kk', 'ru', 'en']) {
  await form.loadLanguage(lang, new Response(fs.readFileSync(`pkg/kz_eco_rules.${lang}.json`, 'utf8')));
}

test('the form entry exports what validating needs, and its types declare exactly that', () => {
  assert.deepEqual(Object.keys(form).sort(), EXPORTS);
  const types = fs.readFileSync('pkg/form.d.ts', 'utf8');
  const declared = [...types.matchAll(/^export (default )?function (\w+)\(/gm)].map((m) => (m[1] ? 'default' : m[2]));
  assert.deepEqual(declared.sort(), EXPORTS);
  assert.match(types, /^export interface Report\b/m, 'the types of the reports are there');
  const pkg = JSON.parse(fs.readFileSync('pkg/package.json', 'utf8'));
  assert.deepEqual(pkg.exports['./form'], { types: './form.d.ts', default: './form.js' });
  for (const f of ['form.js', 'form.d.ts', 'kz_eco_rules_form_bg.wasm']) assert.ok(pkg.files.includes(f), f);
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
  for (const [where, api] of [['form.js', form], ['node.cjs', whole]]) {
    const r = runCorpora({ corpora, examples }, api).applications;
    assert.equal(r.cases, r.expected, 'expected lines missing (bash scripts/dev.sh generate --vectors)');
    assert.ok(r.cases >= 100, `${r.cases} cases`);
    assert.equal(r.badCount, 0, `${where}: ${r.badCount} answers differ:\n${JSON.stringify(r.bad, null, 1)}`);
  }
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
