// The size test of record: what a browser downloads to validate in one language
// (web.js, its snippets, the wasm and that language's pack) is at most 100 KiB gzip
// for each of kk, ru and en. scripts/browser-size.mjs prints the figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

test('the browser download for one language is within 100 KiB gzip', () => {
  const run = spawnSync('node', ['scripts/browser-size.mjs'], { encoding: 'utf8' });
  console.log(run.stdout);
  const lines = run.stdout.split('\n').filter((l) => l.startsWith('browser load, '));
  assert.equal(lines.length, 3, 'a figure per language');
  assert.equal(run.status, 0, `over the budget:\n${lines.join('\n')}\n${run.stderr}`);
});
