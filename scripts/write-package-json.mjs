// Writes pkg/package.json (version from Cargo.toml) with an exports map over the
// web (ESM) and nodejs (CommonJS) builds.
import fs from 'node:fs';

const cargo = fs.readFileSync('Cargo.toml', 'utf8');
const field = (name) => cargo.match(new RegExp(`^${name} = "([^"]*)"`, 'm'))?.[1] ?? '';
const lib = 'kz_eco_rules';
const pkg = {
  name: field('name'),
  version: field('version'),
  description: field('description'),
  license: field('license'),
  type: 'module',
  main: `./nodejs/${lib}.js`,
  module: `./web/${lib}.js`,
  types: `./web/${lib}.d.ts`,
  exports: {
    '.': {
      types: `./web/${lib}.d.ts`,
      node: `./nodejs/${lib}.js`,
      browser: `./web/${lib}.js`,
      import: `./web/${lib}.js`,
      require: `./nodejs/${lib}.js`,
    },
  },
  files: ['web/', 'nodejs/'],
  sideEffects: false,
};
fs.writeFileSync('pkg/package.json', JSON.stringify(pkg, null, 2) + '\n');
// The nodejs glue is CommonJS: mark its folder so the "type": "module" above
// does not make Node read it as ESM.
fs.writeFileSync('pkg/nodejs/package.json', JSON.stringify({ type: 'commonjs' }, null, 2) + '\n');

// JavaScript snippets (`#[wasm_bindgen(inline_js)]`) are ES modules, and the
// nodejs glue require()s them: give the nodejs build CommonJS copies, where
// `export function f(` becomes `function f(` plus `module.exports.f = f`. Any other
// `export` form fails the build here rather than in the user's require().
const snippets = 'pkg/nodejs/snippets';
for (const entry of fs.existsSync(snippets) ? fs.readdirSync(snippets, { recursive: true }) : []) {
  const file = `${snippets}/${entry}`;
  if (!file.endsWith('.js')) continue;
  const names = [];
  const text = fs.readFileSync(file, 'utf8').replace(/^export function (\w+)\(/gm, (_, name) => {
    names.push(name);
    return `function ${name}(`;
  });
  if (/^\s*export\b/m.test(text)) throw new Error(`${file}: only \`export function\` is supported`);
  const exports = names.map((n) => `module.exports.${n} = ${n};`).join('\n');
  fs.writeFileSync(file, `${text}\n${exports}\n`);
}
