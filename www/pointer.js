// JSON Pointers (RFC 6901) over the application object: findings name their place
// with one, and every input of the form is bound to one.

/** The tokens of `path` ("" is the whole document). */
export function tokens(path) {
  if (path === '') return [];
  return path.slice(1).split('/').map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** `base` extended by `keys` (strings or array indices). */
export function join(base, ...keys) {
  return base + keys.map((k) => '/' + String(k).replaceAll('~', '~0').replaceAll('/', '~1')).join('');
}

/** The pointer one level up (`null` above the root). */
export function parent(path) {
  return path === '' ? null : path.slice(0, path.lastIndexOf('/'));
}

/** The value at `path`, or `undefined`. */
export function get(doc, path) {
  let v = doc;
  for (const t of tokens(path)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = v[t];
  }
  return v;
}

/**
 * Sets the value at `path`, creating missing containers on the way (an array where
 * the next token is an index); `undefined` removes the key (or array item).
 */
export function set(doc, path, value) {
  const ts = tokens(path);
  const last = ts.pop();
  let v = doc;
  for (const [i, t] of ts.entries()) {
    if (v[t] === null || typeof v[t] !== 'object') {
      if (value === undefined) return;
      const next = i + 1 < ts.length ? ts[i + 1] : last;
      v[t] = /^\d+$/.test(next) ? [] : {};
    }
    v = v[t];
  }
  if (value !== undefined) v[last] = value;
  else if (Array.isArray(v)) v.splice(Number(last), 1);
  else delete v[last];
}
