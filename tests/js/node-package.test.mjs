// The npm package in Node: require() and import of the built pkg/, validating the
// examples.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import init, * as esm from '../../pkg/node.mjs';

const require = createRequire(import.meta.url);
const pkg = require('../../pkg/node.cjs');
const examples = fs.readdirSync('examples').filter((f) => f.endsWith('.json'));

test('every example application passes', () => {
  assert.ok(examples.length >= 6);
  for (const file of examples) {
    const app = JSON.parse(fs.readFileSync(`examples/${file}`, 'utf8'));
    const report = pkg.validateApplication(app, { lang: 'en' });
    assert.equal(report.ok, true, `${file}: ${JSON.stringify(report.findings)}`);
  }
});

test('an object and its JSON text give the same report', () => {
  const text = fs.readFileSync('examples/permit_II.json', 'utf8');
  const bad = JSON.parse(text);
  bad.category = 'V';
  const a = pkg.validateApplication(bad, { lang: 'kk' });
  const b = pkg.validateApplication(JSON.stringify(bad), { lang: 'kk' });
  assert.deepEqual(a, b);
  assert.equal(a.ok, false);
  assert.deepEqual(a.findings.map((f) => [f.code, f.path]), [['input.unknown_value', '/category']]);
});

test('misuse throws a TypeError, bad data does not', () => {
  assert.throws(() => pkg.validateApplication(), TypeError);
  assert.throws(() => pkg.validateApplication({}, { lang: 'de' }), TypeError);
  const r = pkg.validateApplication({ category: 10n, service: () => 1 });
  assert.equal(r.ok, false);
});

test('the ESM entry gives the same functions, init() is a no-op', async () => {
  await init();
  const app = JSON.parse(fs.readFileSync('examples/permit_IV.json', 'utf8'));
  assert.deepEqual(esm.validateApplication(app), pkg.validateApplication(app));
});

test('messages(lang) is the whole catalog', () => {
  const m = pkg.messages('ru');
  assert.equal(m['input.missing_field'], 'Не заполнено обязательное поле «{field}».');
  assert.equal(typeof pkg.version(), 'string');
});

test('requiredDocuments(query) lists the documents of a case', () => {
  const r = pkg.requiredDocuments(
    { region: 'almaty_city', date: '2019-11-04', service: 'emission_permit', action: 'issue', category: 'III', channel: 'portal' },
    { lang: 'en' },
  );
  assert.equal(r.ok, true);
  assert.equal(r.checklist.edition, 'almaty_city_2019');
  assert.deepEqual(r.checklist.items.map((i) => i.id), [
    'permit_application', 'gee_conclusion_copy', 'env_protection_action_plan', 'pec_programme',
  ]);
  assert.equal(r.checklist.items[0].basis, 'almaty_city_2019 PR §4, §9.5 → almaty_oblast_2012 PR §11.2.2');
  assert.deepEqual(r.checklist.items[0].attributes, ['eds_signed', 'valid_on_submission']);
  assert.throws(() => pkg.requiredDocuments(), TypeError);
});

test('applicationSchema() is the JSON Schema ajv compiles; the examples conform to it', async () => {
  const { default: Ajv2020 } = await import('ajv/dist/2020.js');
  const schema = pkg.applicationSchema();
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.deepEqual(schema, JSON.parse(fs.readFileSync('npm/application.schema.json', 'utf8')));
  const validate = new Ajv2020({ strict: false }).compile(schema);
  for (const name of fs.readdirSync('examples').filter((f) => f.endsWith('.json'))) {
    const app = JSON.parse(fs.readFileSync(`examples/${name}`, 'utf8'));
    assert.ok(validate(app), `${name}: ${JSON.stringify(validate.errors)}`);
  }
  assert.equal(validate({ service: 42 }), false);
});
