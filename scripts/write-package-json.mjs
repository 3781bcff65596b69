// Writes pkg/package.json from npm/package.json, with name, version, description
// and license taken from Cargo.toml.
import fs from 'node:fs';

const cargo = fs.readFileSync('Cargo.toml', 'utf8');
const field = (name) => cargo.match(new RegExp(`^${name} = "([^"]*)"`, 'm'))?.[1] ?? '';
const pkg = JSON.parse(fs.readFileSync('npm/package.json', 'utf8'));
pkg.name = field('name');
pkg.version = field('version');
pkg.description = field('description');
pkg.license = field('license');
for (const f of pkg.files) {
  if (!fs.existsSync(`pkg/${f}`)) throw new Error(`package.json lists ${f}, which the build did not produce`);
}
fs.writeFileSync('pkg/package.json', JSON.stringify(pkg, null, 2) + '\n');
