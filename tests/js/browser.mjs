// Shared by the Chromium tests: the www/ folder served on 127.0.0.1 (with the
// portal's Content-Security-Policy, scripts/serve.mjs) and Debian's headless
// Chromium (CHROMIUM_PATH) driven by playwright-core, which gives every launch a
// fresh temporary profile.
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

/** Serves www/ and launches Chromium: `{ srv, browser }`. */
export async function launch() {
  const srv = await serve(path.resolve('www'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-quic'],
  });
  return { srv, browser };
}

/** Closes what `launch` opened (either may be missing if `launch` failed). */
export async function close({ srv, browser }) {
  await browser?.close();
  srv?.server.close();
}
