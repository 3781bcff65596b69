// validateIdentifier(s) in the nodejs build of the package: the vectors' expected
// answers, batches equal single calls, misuse throws.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pkg = require('../../pkg/node.cjs');
const vectors = fs
  .readFileSync('tests/vectors/ident.jsonl', 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l))
  .filter((v) => v.as === 'auto');

test('every vector gets its expected answer, singly and in one batch', () => {
  assert.ok(vectors.length > 600);
  for (const v of vectors) assert.deepEqual(pkg.validateIdentifier(v.value), v.expect, JSON.stringify(v.value));
  const batch = pkg.validateIdentifiers(vectors.map((v) => v.value));
  assert.deepEqual(batch, vectors.map((v) => v.expect));
});

test('answers are plain objects with the documented keys in order', () => {
  const a = pkg.validateIdentifier('871008401427');
  assert.equal(Object.getPrototypeOf(a), Object.prototype);
  assert.deepEqual(Object.keys(a), ['input', 'valid', 'kind', 'code', 'fields']);
  assert.equal(
    JSON.stringify(a),
    '{"input":"871008401427","valid":true,"kind":"iin","code":null,"fields":{"birth_date":"1987-10-08","sex":"female","century":20}}',
  );
});

test('misuse throws a TypeError; bad data does not', () => {
  assert.throws(() => pkg.validateIdentifier(), TypeError);
  assert.throws(() => pkg.validateIdentifiers('871008401427'), TypeError);
  assert.equal(pkg.validateIdentifier(871008401427n).code, 'ident.not_a_string');
  assert.equal(pkg.validateIdentifier(Symbol('x')).code, 'ident.not_a_string');
});
