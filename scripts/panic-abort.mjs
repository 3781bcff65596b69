// Panics in the package's wasm trap at once, as Rust's `panic_immediate_abort` makes
// them (a nightly-only build of std): the bodies of std's panic handler
// (`rust_begin_unwind`) and allocation-failure handler (`__rust_alloc_error_handler`)
// become `unreachable`, and wasm-opt then drops what only they reached — the panic
// hook, its payloads and core's formatting (≈ 0.3 KB gzip of the form wasm). On
// wasm32-unknown-unknown std's handlers end in the same trap (the hook's stderr
// discards what it writes), so nothing a caller sees changes; the crate's rules do
// not panic on any input. Works on wasm-bindgen's output, which still has the name
// section, and fails unless each handler is found exactly once. Run by
// scripts/build-pkg.sh before wasm-opt:
//   node scripts/panic-abort.mjs WASM   (rewrites WASM)
import fs from 'node:fs';

const HANDLERS = [/::rust_begin_unwind$/, /::__rust_alloc_error_handler$/];
const file = process.argv[2];
const wasm = fs.readFileSync(file);
const fail = (why) => {
  console.error(`panic-abort: ${file}: ${why}`);
  process.exit(1);
};

// Unsigned LEB128 at `at`: [value, next offset].
const leb = (at) => {
  let value = 0;
  for (let shift = 0; ; shift += 7) {
    const b = wasm[at++];
    value += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return [value, at];
  }
};
const lebBytes = (n) => {
  const out = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return Buffer.from(out);
};
const name = (at) => {
  const [len, start] = leb(at);
  return [wasm.toString('utf8', start, start + len), start + len];
};

const sections = [];
for (let at = 8; at < wasm.length; ) {
  const id = wasm[at];
  const [size, body] = leb(at + 1);
  sections.push({ id, start: at, body, end: body + size });
  at = body + size;
}
const section = (id, custom) =>
  sections.find((s) => s.id === id && (custom === undefined || name(s.body)[0] === custom));

// Functions are numbered imports first.
let imported = 0;
const imports = section(2);
if (imports) {
  let [count, at] = leb(imports.body);
  for (; count > 0; count--) {
    [, at] = name(at);
    [, at] = name(at);
    const kind = wasm[at++];
    if (kind === 0) {
      imported++;
      [, at] = leb(at);
    } else if (kind === 1 || kind === 2) {
      if (kind === 1) at++; // the table's element type
      const flags = wasm[at++];
      [, at] = leb(at);
      if (flags & 1) [, at] = leb(at);
    } else if (kind === 3) {
      at += 2;
    } else fail(`import of kind ${kind} is not read by this script`);
  }
}

const names = section(0, 'name');
if (!names) fail('no name section (run it on wasm-bindgen output, before wasm-opt)');
const targets = new Map(); // function index → handler pattern
for (let [, at] = name(names.body); at < names.end; ) {
  const sub = wasm[at];
  const [size, body] = leb(at + 1);
  if (sub === 1) {
    let [count, k] = leb(body);
    for (; count > 0; count--) {
      let index, fn;
      [index, k] = leb(k);
      [fn, k] = name(k);
      const hit = HANDLERS.find((re) => re.test(fn));
      if (hit) targets.set(index, hit);
    }
  }
  at = body + size;
}
for (const re of HANDLERS) {
  const found = [...targets.values()].filter((r) => r === re).length;
  if (found !== 1) fail(`${found} functions match ${re}, expected 1`);
}

const code = section(10);
let [count, at] = leb(code.body);
const bodies = [lebBytes(count)];
for (let i = 0; i < count; i++) {
  const [size, start] = leb(at);
  // No locals, `unreachable`, `end`.
  bodies.push(targets.has(imported + i) ? Buffer.from([3, 0, 0x00, 0x0b]) : wasm.subarray(at, start + size));
  at = start + size;
}
const payload = Buffer.concat(bodies);
fs.writeFileSync(
  file,
  Buffer.concat([
    wasm.subarray(0, code.start),
    Buffer.from([10]),
    lebBytes(payload.length),
    payload,
    wasm.subarray(code.end),
  ]),
);
