// Vite: nothing special for the wasm and the language packs — web.js finds them with
// `new URL('…', import.meta.url)`, which Vite copies as assets. The page's top-level
// await needs an ES2022 target (Vite's default is older).
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  build: { target: 'es2022', outDir: '../dist/vite', emptyOutDir: true },
});
