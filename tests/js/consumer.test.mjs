// The package as a portal team gets it: `npm pack` of pkg/, installed offline
// from the tarball into a copy of the consumer project tests/consumer/, whose
// TypeScript compiles under `tsc --strict` (real types: its `@ts-expect-error`
// lines must be errors) and whose compiled ESM and CommonJS run in Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const work = path.join(root, 'target', 'consumer');
const app = path.join(work, 'app');

function run(cmd, args, cwd = root) {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

test('npm pack gives a tarball that installs offline, type-checks under tsc --strict and runs as ESM and CommonJS', () => {
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });

  const [packed] = JSON.parse(run('npm', ['pack', './pkg', '--pack-destination', work, '--json']));
  const files = packed.files.map((f) => f.path).sort();
  const pkg = JSON.parse(fs.readFileSync('pkg/package.json', 'utf8'));
  assert.equal(packed.name, 'kz-eco-rules');
  assert.equal(packed.version, pkg.version);
  for (const f of ['package.json', 'README.md', 'index.d.ts', 'web.js', 'bundler.js', 'node.cjs', 'node.mjs', 'kz_eco_rules_bg.wasm']) {
    assert.ok(files.includes(f), `the tarball has ${f}: ${files.join(', ')}`);
  }

  fs.cpSync(path.join(root, 'tests', 'consumer'), app, {
    recursive: true,
    filter: (src) => !/[\\/](node_modules|dist)$/.test(src),
  });
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--no-save', '--ignore-scripts', path.join('..', packed.filename)], app);
  const installed = JSON.parse(fs.readFileSync(path.join(app, 'node_modules', 'kz-eco-rules', 'package.json'), 'utf8'));
  assert.equal(installed.version, pkg.version);

  const tsc = path.join(root, 'node_modules', '.bin', 'tsc');
  const config = JSON.parse(fs.readFileSync(path.join(app, 'tsconfig.json'), 'utf8'));
  assert.equal(config.compilerOptions.strict, true);
  assert.equal(config.compilerOptions.skipLibCheck, false, 'the package’s own .d.ts is checked too');
  try {
    run(tsc, ['-p', app]);
  } catch (e) {
    assert.fail(`tsc --strict failed:\n${e.stdout}${e.stderr}`);
  }

  const esm = fs.readFileSync(path.join(app, 'dist', 'portal.js'), 'utf8');
  const cjs = fs.readFileSync(path.join(app, 'dist', 'server.cjs'), 'utf8');
  assert.match(esm, /^import init, \{[^}]*validateApplication[^}]*\} from 'kz-eco-rules';$/m);
  assert.match(cjs, /require\("kz-eco-rules"\)/);
  const esmOut = run('node', ['dist/portal.js'], app);
  assert.match(esmOut, /^ESM ok: kz-eco-rules \S+; 5 documents; ident\.checksum_mismatch$/m);
  const draftMissing = Number(esmOut.match(/^draft: (\d+) missing fields$/m)?.[1]);
  assert.ok(draftMissing >= 2, `a partial draft compiles, runs and reports its missing fields: ${esmOut}`);
  assert.match(run('node', ['dist/server.cjs'], app), /^CJS ok: kz-eco-rules \S+; The required document “Emission standards/m);
});
