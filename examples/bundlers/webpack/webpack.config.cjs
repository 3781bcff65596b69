// webpack 5: nothing special for the wasm and the language packs — web.js finds them
// with `new URL('…', import.meta.url)`, which webpack emits as asset modules. The page
// uses top-level await (on by default since webpack 5.83), so the bundle is an ES
// module loaded with <script type="module">.
const path = require('node:path');

// `--env entry=bundler` builds the page of the `kz-eco-rules/bundler` entry
// (src/bundler.js) into dist/webpack-bundler.
module.exports = (env = {}) => ({
  mode: 'production',
  context: path.resolve(__dirname, '..'),
  entry: env.entry === 'bundler' ? './src/bundler.js' : './src/main.js',
  experiments: { outputModule: true },
  output: {
    path: path.resolve(__dirname, env.entry === 'bundler' ? '../dist/webpack-bundler' : '../dist/webpack'),
    filename: 'main.js',
    module: true,
    clean: true,
  },
  // No inline runtime chunk, no eval devtool: the page runs under a CSP without
  // 'unsafe-eval' or inline scripts.
  devtool: false,
  // The wasm is ≈ 290 KB raw (124 KB gzip): above webpack's default hint.
  performance: { hints: false },
});
