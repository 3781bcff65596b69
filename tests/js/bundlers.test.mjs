// The bundler recipes of examples/bundlers/ (Vite, webpack 5, esbuild), as a portal
// team would use them: the built package installed into the recipes' project (one
// install of the three tools, from its lockfile, skipped when already done), each
// recipe built, and its page loaded in headless Chromium under the documented
// Content-Security-Policy (scripts/serve.mjs): the wasm and two language packs load,
// a draft is validated in Kazakh and English, and no console error (a CSP violation
// included) appears.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CSP, serve } from '../../scripts/serve.mjs';

const dir = path.resolve('examples/bundlers');
const run = (cmd, args) => execFileSync(cmd, args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

function install() {
  // npm ci only when the lockfile changed since the last install (idempotent, and the
  // ≈ 90 MB of tools are fetched once per checkout).
  const lock = fs.readFileSync(path.join(dir, 'package-lock.json'), 'utf8');
  const stamp = path.join(dir, 'node_modules', '.recipes-lock');
  if (!fs.existsSync(stamp) || fs.readFileSync(stamp, 'utf8') !== lock) {
    run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error']);
    fs.writeFileSync(stamp, lock);
  }
  // The package as npm installs it: the files of pkg/ under node_modules.
  const target = path.join(dir, 'node_modules', 'kz-eco-rules');
  fs.rmSync(target, { recursive: true, force: true });
  fs.cpSync(path.resolve('pkg'), target, { recursive: true });
}

test('Vite, webpack 5 and esbuild recipes (and the bundler entry with webpack, in a CommonJS-default project) build a page that validates in Chromium under the CSP', { timeout: 600_000 }, async () => {
  install();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  try {
    for (const tool of ['vite', 'webpack', 'esbuild', 'webpack-bundler']) {
      try {
        run('npm', ['run', '--silent', `build:${tool}`]);
      } catch (e) {
        assert.fail(`${tool} build failed:\n${e.stdout}${e.stderr}`);
      }
      const srv = await serve(path.join(dir, 'dist', tool));
      const page = await browser.newPage();
      const errors = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(String(e)));
      const requested = [];
      page.on('request', (r) => requested.push(new URL(r.url()).pathname));
      try {
        const res = await page.goto(srv.url);
        assert.equal(res.headers()['content-security-policy'], CSP);
        await page.waitForFunction(() => document.getElementById('out')?.textContent !== '…', null, { timeout: 60_000 });
        const out = JSON.parse(await page.locator('#out').textContent());
        assert.equal(out.error, undefined, `${tool}: ${out.error}`);
        assert.equal(out.ok, false, tool);
        assert.match(out.kk, /^Бақылау цифры сәйкес емес/, tool);
        if (tool === 'webpack-bundler') assert.match(out.ru, /^Контрольная цифра не сходится/, tool);
        else assert.match(out.en, /^The check digit/, tool);
        assert.deepEqual(errors, [], `${tool}: console errors`);
        assert.ok(requested.some((p) => p.endsWith('.wasm')), `${tool}: the wasm was fetched`);
        assert.equal(requested.filter((p) => p.endsWith('.pack')).length, 2, `${tool}: two language packs, not three: ${requested}`);
      } finally {
        await page.close();
        srv.server.close();
      }
    }
  } finally {
    await browser.close();
  }
});
