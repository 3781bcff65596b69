// JavaScript snippets (`#[wasm_bindgen(inline_js)]`) are ES modules; web.js imports
// them from pkg/snippets/, but node.cjs require()s them, which Node before 20.19
// cannot do for an ES module. Writes a CommonJS copy next to each
// (`inline0.cjs`: `export function f(` becomes `function f(` plus
// `module.exports.f = f`; any other `export` form fails the build) and points
// node.cjs at the copies.
import fs from 'node:fs';

const dir = 'pkg/snippets';
for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }) : []) {
  const file = `${dir}/${entry}`;
  if (!file.endsWith('.js')) continue;
  const names = [];
  const text = fs.readFileSync(file, 'utf8').replace(/^export function (\w+)\(/gm, (_, name) => {
    names.push(name);
    return `function ${name}(`;
  });
  if (/^\s*export\b/m.test(text)) throw new Error(`${file}: only \`export function\` is supported`);
  const exports = names.map((n) => `module.exports.${n} = ${n};`).join('\n');
  fs.writeFileSync(file.replace(/\.js$/, '.cjs'), `${text}\n${exports}\n`);
}
const node = fs.readFileSync('pkg/node.cjs', 'utf8');
fs.writeFileSync(
  'pkg/node.cjs',
  node.replace(/(require\((?:String\.raw`|["'])\.\/snippets\/[^`"']+)\.js(?=[`"']\))/g, '$1.cjs'),
);
