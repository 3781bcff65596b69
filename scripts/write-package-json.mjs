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
