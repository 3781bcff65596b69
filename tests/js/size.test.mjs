// The size test of record: what a browser downloads to validate in one language
// (the form entry: form.js, its snippets, its wasm kz_eco_rules_form_bg.wasm, and that
// language's pack) is at most 100 KB (100,000 B) gzip for each of kk, ru and en.
// scripts/browser-size.mjs prints the figures (and, for information, the whole API's).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

// The figure and the verdict per language are printed; BENCHMARKS.md has how it got here.
test('the browser download for one language is within 100 KB gzip', () => {
  const run = spawnSync('node', ['scripts/browser-size.mjs'], { encoding: 'utf8' });
  console.log(run.stdout);
  const lines = run.stdout.split('\n').filter((l) => l.startsWith('browser load, '));
  assert.equal(lines.length, 3, 'a figure per language');
  assert.equal(run.status, 0, `over the budget:\n${lines.join('\n')}\n${run.stderr}`);
});
