/* @ts-self-types="./web.d.ts" */
// Bundler entry: the web build (web.js), instantiated at import with top-level await,
// Russian texts loaded (`await loadLanguage(lang)` for the others). web.js locates the
// wasm and the language packs as `new URL('…', import.meta.url)`: Vite and webpack 5
// emit them as assets; esbuild does not (copy them next to the bundle: see the
// recipes in examples/bundlers). The importing chunk must allow top-level await.
import init from './web.js';

await init();
export * from './web.js';
export { default } from './web.js';
