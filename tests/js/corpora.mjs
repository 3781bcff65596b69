// The parity corpus (tests/vectors/parity/) as the JavaScript tests run it: through
// the package's exports in Node (parity.test.mjs, form-entry.test.mjs) and, passed by
// its source, in a Chromium page (parity.test.mjs).

/**
 * Runs every case of every corpus through `api` (the package's exports; in the
 * browser, the module the page put in `globalThis.kzEcoRules`) and returns, per
 * corpus, the lines that differ from the expected ones. Self-contained (no
 * imports, no closures): Playwright runs it in the page as it stands.
 */
export function runCorpora({ corpora, examples }, api = globalThis.kzEcoRules) {
  const unescape = (t) => t.replace(/~1/g, '/').replace(/~0/g, '~');
  const split = (pointer) => pointer.split('/').slice(1).map(unescape);
  const parentOf = (root, pointer) => {
    const tokens = split(pointer);
    const last = tokens.pop();
    let v = root;
    for (const t of tokens) v = v[t];
    return [v, last];
  };
  const patch = (root, [op, pointer, value]) => {
    const [target, key] = parentOf(root, pointer);
    if (Array.isArray(target)) {
      if (op === 'remove') target.splice(Number(key), 1);
      else if (op === 'add' && key === '-') target.push(value);
      else if (op === 'add') target.splice(Number(key), 0, value);
      else target[Number(key)] = value;
    } else if (op === 'remove') delete target[key];
    else target[key] = value;
  };
  const jsOnly = (kind, current) => {
    switch (kind) {
      case 'NaN': return NaN;
      case 'Infinity': return Infinity;
      case '-Infinity': return -Infinity;
      case 'BigInt': try { return BigInt(current); } catch { return 1n; }
      case 'undefined': return undefined;
      case 'Date': return new Date(current);
      case 'invalid Date': return new Date(NaN);
      case 'function': return () => 1;
      case 'Symbol': return Symbol('s');
      case 'Map': return new Map();
      case 'Set': return new Set();
      default: throw new Error(`unknown js kind ${kind}`);
    }
  };
  const call = (kind, arg, options) => {
    try {
      const out = {
        applications: () => api.validateApplication(arg, options),
        documents: () => api.requiredDocuments(arg, options),
        deadlines: () => api.deadlines(arg, options),
        days: () => api.isWorkingDay(arg, options),
        identifiers: () => api.validateIdentifier(arg),
      }[kind]();
      return { output: out };
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      return { type_error: e.message };
    }
  };
  const result = {};
  for (const [kind, { inputs, expected }] of Object.entries(corpora)) {
    const want = expected.split('\n').filter(Boolean);
    const cases = inputs.split('\n').filter(Boolean).map((l) => JSON.parse(l));
    const bad = [];
    let viaText = 0;
    cases.forEach((c, i) => {
      let arg;
      // JSON text: applications and friends take the text itself; an identifier
      // case is a line as `kz-eco-rules id --jsonl` reads it, so the package gets
      // the string JSON.parse makes of it (a lone surrogate stays lone).
      if ('text' in c) arg = kind === 'identifiers' ? JSON.parse(c.text) : c.text;
      else if ('example' in c) {
        arg = JSON.parse(examples[c.example]);
        for (const step of c.patch ?? []) patch(arg, step);
      } else arg = c.input ?? null;
      for (const [pointer, js] of c.js ?? []) {
        if (pointer === '') { arg = jsOnly(js, arg); continue; }
        const [target, key] = parentOf(arg, pointer);
        target[key] = jsOnly(js, target[key]);
      }
      const got = JSON.stringify({ name: c.name, ...call(kind, arg, c.options) });
      if (got !== want[i]) bad.push({ got: got.slice(0, 500), want: (want[i] ?? '').slice(0, 500) });
      // The same object as JSON text (numbers read by the engine's parser).
      if (['applications', 'documents', 'deadlines'].includes(kind) && !c.js && !('text' in c)) {
        viaText += 1;
        const text = JSON.stringify({ name: c.name, ...call(kind, JSON.stringify(arg), c.options) });
        if (text !== want[i]) bad.push({ via: 'text', got: text.slice(0, 500), want: want[i].slice(0, 500) });
      }
    });
    result[kind] = { cases: cases.length, expected: want.length, viaText, bad: bad.slice(0, 3), badCount: bad.length };
  }
  return result;
}
