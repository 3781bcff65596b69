// The demo form's UI strings: the same keys in kk, ru and en, the same
// placeholders, and every key the form's code asks for exists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { LANGS, STRINGS, t } from '../../www/strings.js';

const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('every UI string exists in kk, ru and en with the same placeholders', () => {
  assert.deepEqual(LANGS, ['kk', 'ru', 'en']);
  const keys = Object.keys(STRINGS.en).sort();
  for (const lang of LANGS) {
    assert.deepEqual(Object.keys(STRINGS[lang]).sort(), keys, lang);
    for (const key of keys) {
      assert.ok(STRINGS[lang][key].trim() !== '', `${lang}.${key} is empty`);
      assert.deepEqual(placeholders(STRINGS[lang][key]), placeholders(STRINGS.en[key]), `${lang}.${key}`);
    }
  }
  assert.equal(t('kk', 'yearBlock', { year: 2020 }), '2020 жылға');
});

test('every key the form code names is in the table', () => {
  const code = ['app.js', 'tables.js', 'form.js'].map((f) => fs.readFileSync(`www/${f}`, 'utf8')).join('\n');
  const literal = [...code.matchAll(/\bs\('([\w.]*\w)'\s*[,)]/g)].map((m) => m[1]);
  const prefixed = [...code.matchAll(/\bs\('([\w]+\.)' \+/g)].map((m) => m[1]);
  assert.ok(literal.length > 50);
  for (const key of literal) assert.ok(key in STRINGS.en, key);
  for (const prefix of prefixed) assert.ok(Object.keys(STRINGS.en).some((k) => k.startsWith(prefix)), prefix);
  const html = fs.readFileSync('www/index.html', 'utf8');
  for (const [, key] of html.matchAll(/data-i18n="(\w+)"/g)) assert.ok(key in STRINGS.en, key);
});

test('kk and ru strings name no id and no English word; en strings have no Cyrillic', () => {
  // Latin that belongs in kk/ru text: the product's name, formats, standards, Roman numerals.
  const allowed = new Set(['kz', 'eco', 'rules', 'WebAssembly', 'JSON', 'UTC', 'I', 'II', 'III', 'IV']);
  const words = (text) => text.replace(/\{\w+\}/g, ' ').match(/\p{L}+/gu) ?? [];
  for (const lang of ['kk', 'ru']) {
    for (const [key, text] of Object.entries(STRINGS[lang])) {
      const latin = words(text).filter((w) => /[A-Za-z]/.test(w) && !allowed.has(w));
      assert.deepEqual(latin, [], `${lang}.${key}: ${text}`);
    }
  }
  for (const [key, text] of Object.entries(STRINGS.en)) {
    assert.ok(!/[\u0400-\u04ff]/.test(text), `en.${key}: ${text}`);
  }
});
