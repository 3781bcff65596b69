// The demo form, driven in real headless Chromium (Debian's, via playwright-core).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

let srv;
let browser;
before(async () => {
  srv = await serve(path.resolve('www'));
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-quic'],
  });
});
after(async () => {
  await browser?.close();
  srv?.server.close();
});

test('the form validates live and switches language', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(srv.url);
  await page.waitForSelector('body[data-ready="1"]', { timeout: 15000 });
  assert.equal(await page.locator('#findings li').count(), 0);

  const text = await page.inputValue('#app');
  await page.fill('#app', text.replace('"category": "II"', '"category": "V"'));
  const item = page.locator('#findings li[data-code="input.unknown_value"]');
  await item.waitFor();
  assert.match(await item.textContent(), /Недопустимое значение «V»/);

  await page.selectOption('#lang', 'kk');
  assert.match(await item.textContent(), /«V» мәні жарамсыз/);
  await page.screenshot({ path: 'test-output/demo-form.png', fullPage: true });
  assert.deepEqual(errors, []);
});
