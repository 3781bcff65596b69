// esbuild: it bundles web.js but does not follow `new URL('…', import.meta.url)`, so
// the recipe copies the wasm and the language packs next to the bundle, where
// web.js's URLs (relative to the bundle's own import.meta.url) find them. Output
// format ESM: the page uses top-level await.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, '../dist/esbuild');
fs.rmSync(out, { recursive: true, force: true });
await esbuild.build({
  entryPoints: [path.join(here, '../src/main.js')],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  outfile: path.join(out, 'main.js'),
  logLevel: 'warning',
});
// The copy step: the files web.js fetches at run time.
const pkg = path.dirname(fileURLToPath(import.meta.resolve('kz-eco-rules/package.json')));
for (const f of ['kz_eco_rules_bg.wasm', 'kz_eco_rules.kk.pack', 'kz_eco_rules.ru.pack', 'kz_eco_rules.en.pack']) {
  fs.copyFileSync(path.join(pkg, f), path.join(out, f));
}
fs.copyFileSync(path.join(here, 'index.html'), path.join(out, 'index.html'));
