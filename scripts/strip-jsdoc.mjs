// Removes the JSDoc blocks wasm-bindgen copies from the Rust doc comments into the
// JavaScript glue (`/** … */` before each export, with `@param {any}` tags): the
// documentation and the real types are in index.d.ts, and each glue file
// counts against the package size budget.
//   node scripts/strip-jsdoc.mjs FILE...
import fs from 'node:fs';

for (const file of process.argv.slice(2)) {
  const text = fs.readFileSync(file, 'utf8');
  const out = text.replace(/^\/\*\*\n(?: \*.*\n)*? \*\/\n/gm, '');
  if (out.includes('/**')) throw new Error(`${file}: a doc block was not recognised`);
  fs.writeFileSync(file, out);
}
