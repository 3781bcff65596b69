// ESM entry for Node: the CommonJS glue instantiates the module synchronously, so
// `init()` / `initSync()` are no-ops here — the same code runs in browsers (where
// the web build needs `await init()`) and in Node.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const lib = require('./node.cjs');

export const {
  validateApplication, messages, version,
} = lib;
export default async function init() { return lib; }
export function initSync() { return lib; }
