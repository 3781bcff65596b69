
// ---- The JSON Schema (npm/schema.cjs, appended to the Node build by scripts/build-pkg.sh) ----
// The schema is a file of the package (application.schema.json), not part of the wasm:
// Node reads it here; browsers and bundlers import the file itself.
function applicationSchema() {
  return JSON.parse(require('fs').readFileSync(`${__dirname}/application.schema.json`, 'utf8'));
}
exports.applicationSchema = applicationSchema;
