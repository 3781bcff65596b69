// Writes the type file of one entry of the package: pkg/index.d.ts (every type and
// every function of the Node entries) with only the functions that entry's module
// exports — e.g. web.d.ts has no applicationSchema, form.d.ts only what validating
// needs. Fails when the module exports a function the types do not declare.
// EXTRA.d.ts: declarations of functions only this entry has (appended).
//   node scripts/entry-types.mjs pkg/web.js pkg/web.d.ts
//   node scripts/entry-types.mjs pkg/form.js pkg/form.d.ts npm/form-entry.d.ts
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, out, extra] = process.argv.slice(2);
if (!entry || !out) throw new Error('usage: node scripts/entry-types.mjs ENTRY.js OUT.d.ts [EXTRA.d.ts]');
// Importing the glue defines its functions; nothing is instantiated until init().
const exported = new Set(Object.keys(await import(pathToFileURL(path.resolve(entry)).href)));
const lines = fs.readFileSync(path.join(path.dirname(entry), 'index.d.ts'), 'utf8').split('\n');
const kept = [];
const declared = new Set();
for (const line of lines) {
  const m = line.match(/^export (default )?function (\w+)\(/);
  if (m) {
    const name = m[1] ? 'default' : m[2];
    if (!line.endsWith(';')) throw new Error(`index.d.ts: the declaration of ${name} is not on one line`);
    declared.add(name);
    if (!exported.has(name)) {
      // Drop the declaration and the doc comment right above it.
      if (kept.at(-1)?.trim() === '*/' || kept.at(-1)?.trim().startsWith('/**')) {
        while (kept.length && !kept.at(-1).trim().startsWith('/**')) kept.pop();
        kept.pop();
      }
      if (kept.at(-1) === '') kept.pop();
      continue;
    }
  }
  kept.push(line);
}
const extraLines = extra ? fs.readFileSync(extra, 'utf8').split('\n') : [];
for (const line of extraLines) {
  const m = line.match(/^export function (\w+)\(/);
  if (m) declared.add(m[1]);
}
kept.push(...extraLines);
const undeclared = [...exported].filter((n) => !declared.has(n));
if (undeclared.length) throw new Error(`${entry} exports ${undeclared.join(', ')}, which index.d.ts does not declare`);
fs.writeFileSync(out, kept.join('\n'));
