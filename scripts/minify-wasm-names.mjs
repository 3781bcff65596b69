// The form entry's import and export names, shortened in its glue as binaryen's
// `--minify-imports-and-exports-and-modules` shortened them in its wasm. wasm-bindgen
// names each import with a 16-digit hash (`__wbg_parse_96293c519d7dcc68`), written once
// in the wasm and once in the glue, and random digits do not compress: the pass renames
// them `a`, `b`, … in the wasm and prints the mapping (MAP), which this script applies to
// the glue (GLUE: wasm-bindgen's `--target web` output, before minifying). It fails when a
// name is not where wasm-bindgen's glue has it, so a new wasm-bindgen cannot leave a name
// unrenamed. Run by scripts/build-pkg.sh:
//   node scripts/minify-wasm-names.mjs MAP GLUE WASM
import fs from 'node:fs';

const [mapFile, glueFile, wasmFile] = process.argv.slice(2);
const map = JSON.parse(fs.readFileSync(mapFile, 'utf8'));
const wasm = new WebAssembly.Module(fs.readFileSync(wasmFile));
const fail = (why) => {
  console.error(`minify-wasm-names: ${why}`);
  process.exit(1);
};
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
let glue = fs.readFileSync(glueFile, 'utf8');
// `pattern` must occur exactly `times` times (any number when `times` is undefined).
const rename = (pattern, to, times) => {
  const found = glue.match(pattern)?.length ?? 0;
  if (times !== undefined && found !== times) fail(`${pattern} occurs ${found} times in ${glueFile}, expected ${times}`);
  glue = glue.replace(pattern, to);
};

// The modules the wasm imports from now: the pass gives them all one short name.
const modules = [...new Set(WebAssembly.Module.imports(wasm).map((i) => i.module))];
if (modules.length !== 1) fail(`expected one import module after minifying, got ${JSON.stringify(modules)}`);
for (const oldModule of new Set(map.imports.map(([module]) => module))) {
  rename(new RegExp(`^(\\s+)"${escape(oldModule)}":`, 'gm'), `$1"${modules[0]}":`, 1);
}
// Each import is one key of the glue's imports object (`name: function(…)`).
for (const [, oldName, newName] of map.imports) {
  rename(new RegExp(`^(\\s+)${escape(oldName)}:`, 'gm'), `$1${newName}:`, 1);
}
// Exports are read as `wasm.name` (some, such as wasm-bindgen's abort handler, not at all).
for (const [oldName, newName] of map.exports) {
  rename(new RegExp(`\\bwasm\\.${escape(oldName)}\\b`, 'g'), `wasm.${newName}`);
}
const left = glue.match(/\b__wbg_\w+_[0-9a-f]{16}\b/);
if (left) fail(`${left[0]} is still in ${glueFile}`);
fs.writeFileSync(glueFile, glue);
