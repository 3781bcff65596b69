// webpack 5: nothing special for the wasm and the language packs — web.js finds them
// with `new URL('…', import.meta.url)`, which webpack emits as asset modules. The page
// uses top-level await (on by default since webpack 5.83), so the bundle is an ES
// module loaded with <script type="module">.
const path = require('node:path');

module.exports = {
  mode: 'production',
  context: path.resolve(__dirname, '..'),
  entry: './src/main.js',
  experiments: { outputModule: true },
  output: {
    path: path.resolve(__dirname, '../dist/webpack'),
    filename: 'main.js',
    module: true,
    clean: true,
  },
  // No inline runtime chunk, no eval devtool: the page runs under a CSP without
  // 'unsafe-eval' or inline scripts.
  devtool: false,
  // The wasm is ≈ 290 KB raw (124 KB gzip): above webpack's default hint.
  performance: { hints: false },
};
