// Gives the imports of a wasm-bindgen module short names, in the wasm and in its glue
// alike: wasm-bindgen names each import after the function and a hash
// (`__wbg_call_1229f419cb1868f6`), and every name travels twice — in the wasm's import
// section and as a key of the glue's import object — where gzip cannot shorten the
// hash. Run by scripts/build-pkg.sh on the form entry, before minifying its glue:
//   node scripts/short-imports.mjs WASM GLUE
// Fails, changing nothing, when an import's name is not exactly once in the glue.
import fs from 'node:fs';

const [wasmFile, glueFile] = process.argv.slice(2);
const wasm = fs.readFileSync(wasmFile);
let glue = fs.readFileSync(glueFile, 'utf8');

// LEB128 reading and writing (unsigned).
const leb = (b, i) => {
  let r = 0, s = 0, x;
  do { x = b[i++]; r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80);
  return [r, i];
};
const uleb = (n) => {
  const out = [];
  do { let b = n % 128; n = Math.floor(n / 128); if (n) b |= 0x80; out.push(b); } while (n);
  return Buffer.from(out);
};
const str = (s) => { const b = Buffer.from(s); return Buffer.concat([uleb(b.length), b]); };
// An import's description after its names: the kind, then what it imports.
const skipDesc = (b, j) => {
  const kind = b[j++];
  const limits = (j) => { const [flags, k] = leb(b, j); let i = leb(b, k)[1]; if (flags & 1) i = leb(b, i)[1]; return i; };
  if (kind === 0) return leb(b, j)[1]; // func: type index
  if (kind === 1) return limits(j + 1); // table: element type, limits
  if (kind === 2) return limits(j); // memory: limits
  if (kind === 3) return j + 2; // global: value type, mutability
  if (kind === 4) return leb(b, j + 1)[1]; // tag: attribute, type index
  throw new Error(`short-imports: unknown import kind ${kind}`);
};

const renamed = new Map();
const parts = [wasm.subarray(0, 8)];
for (let i = 8; i < wasm.length;) {
  const id = wasm[i];
  const [size, start] = leb(wasm, i + 1);
  let body = wasm.subarray(start, start + size);
  if (id === 2) {
    const [count, first] = leb(body, 0);
    const out = [uleb(count)];
    let j = first;
    for (let k = 0; k < count; k++) {
      const [mlen, m] = leb(body, j);
      const module = body.subarray(m, m + mlen).toString();
      const [nlen, n] = leb(body, m + mlen);
      const name = body.subarray(n, n + nlen).toString();
      const end = skipDesc(body, n + nlen);
      let short = name;
      if (/^__wbg|^__wbindgen_/.test(name)) {
        short = `i${renamed.size.toString(36)}`;
        renamed.set(name, short);
      }
      out.push(str(module), str(short), body.subarray(n + nlen, end));
      j = end;
    }
    body = Buffer.concat(out);
  }
  parts.push(Buffer.from([id]), uleb(body.length), body);
  i = start + size;
}
for (const [name, short] of renamed) {
  const re = new RegExp(`\\b${name}\\b`, 'g');
  const found = glue.match(re)?.length ?? 0;
  if (found !== 1) throw new Error(`short-imports: ${name} is ${found} times in ${glueFile}, not once`);
  glue = glue.replace(re, short);
}
fs.writeFileSync(wasmFile, Buffer.concat(parts));
fs.writeFileSync(glueFile, glue);
console.log(`short-imports: ${renamed.size} imports renamed in ${wasmFile} and ${glueFile}`);
