/* @ts-self-types="./index.d.ts" */
// Bundler entry: the web build, instantiated at import with top-level await.
// web.js locates the module as `new URL('kz_eco_rules_bg.wasm', import.meta.url)`,
// which bundlers (webpack 5, Vite, Rollup, esbuild, Parcel) emit as an asset.
import init from './web.js';

await init();
export * from './web.js';
export { default } from './web.js';
