// Reference for how a JS number reads as text: `String(n)` (shortest round-trip
// digits, ties to even) written without exponent. Writes tests/vectors/numbers.jsonl,
// one {"bits": "<u64 hex>", "text": "<decimal>"} per line; the Rust test
// tests/it/numbers.rs checks `input::number_text` against it natively and in wasm.
import fs from 'node:fs';

function plain(n) {
  const s = String(n);
  const m = s.match(/^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/);
  if (!m) return s;
  const [, sign, int, frac = '', exp] = m;
  const digits = int + frac;
  const point = int.length + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

const view = new DataView(new ArrayBuffer(8));
const bitsOf = (n) => { view.setFloat64(0, n); return view.getBigUint64(0).toString(16).padStart(16, '0'); };
const fromBits = (b) => { view.setBigUint64(0, b); return view.getFloat64(0); };

const samples = [0.1, 1, 100, 1e21, 1e-7, 1.5e-7, 123456.789, 5e-324, Number.MAX_VALUE,
  Number.MIN_VALUE, 0.1 + 0.2, 1e15, 1e16, 2.5, -2.5, -1e-9, 9007199254740993, 31.536,
  0.000123, 1658206780088562.25, 12.5, 1234.5, 0.001, 99.99, 31.6224, 0.00876];
let x = 0x9E3779B97F4A7C15n;
const mask = (1n << 64n) - 1n;
while (samples.length < 3000) {
  x ^= (x << 13n) & mask; x ^= x >> 7n; x ^= (x << 17n) & mask;
  const n = fromBits(x);
  if (Number.isFinite(n) && n !== 0) samples.push(n);
  // also typical table magnitudes: 0.0001 .. 1e7 with few digits
  const k = Number(x % 100000000n) / 10 ** Number(x % 7n);
  samples.push(k);
}
const lines = samples.map((n) => JSON.stringify({ bits: bitsOf(n), text: plain(n) }));
// The output file: an argument (`dev.sh generate --check` writes elsewhere to compare).
fs.writeFileSync(process.argv[2] ?? 'tests/vectors/numbers.jsonl', lines.join('\n') + '\n');
console.log(`wrote ${lines.length} vectors`);
