// Writes the 10⁶ benchmark inputs shared by every ИИН/БИН benchmark (criterion,
// the Node wasm/npm script, the Python peers, the CLI):
//   target/bench/ident-inputs.txt    one input per line
//   target/bench/ident-inputs.jsonl  the same, one JSON string per line (id --jsonl)
// Deterministic (seeded PRNG): ~45 % valid ИИН, ~35 % valid БИН, ~20 % typing
// errors made from valid numbers (a changed, swapped, dropped or doubled digit,
// inner spaces, a letter O for a zero).
import fs from 'node:fs';

const N = Number(process.argv[2] ?? 1_000_000);
let seed = 0x1d_1b1d;
const rand = () => {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pad = (n, w) => String(n).padStart(w, '0');

function checkDigit(first11) {
  for (const shift of [0, 2]) {
    let sum = 0;
    for (let i = 0; i < 11; i++) sum += Number(first11[i]) * (((i + shift) % 11) + 1);
    if (sum % 11 !== 10) return String(sum % 11);
  }
  return null;
}

function complete(first11) {
  const c = checkDigit(first11);
  return c === null ? null : first11 + c;
}

function iin() {
  for (;;) {
    const year = int(1930, 2023);
    const month = int(1, 12);
    const day = int(1, new Date(Date.UTC(year, month, 0)).getUTCDate());
    const century = Math.floor(year / 100) - 18; // 1800s → 0
    const digit = century * 2 + int(1, 2);
    const n = complete(pad(year % 100, 2) + pad(month, 2) + pad(day, 2) + digit + pad(int(0, 9999), 4));
    if (n) return n;
  }
}

function bin() {
  for (;;) {
    const year = int(1990, 2024);
    const type = rand() < 0.85 ? 4 : int(5, 6);
    const attr = rand() < 0.7 ? 0 : int(1, 3);
    const n = complete(pad(year % 100, 2) + pad(int(1, 12), 2) + type + attr + pad(int(0, 99999), 5));
    if (n) return n;
  }
}

function typo(n) {
  const r = rand();
  const i = int(0, 11);
  if (r < 0.65) return n.slice(0, i) + String((Number(n[i]) + int(1, 9)) % 10) + n.slice(i + 1);
  if (r < 0.8) {
    const j = Math.min(i, 10);
    return n.slice(0, j) + n[j + 1] + n[j] + n.slice(j + 2);
  }
  if (r < 0.9) return n.slice(0, i) + n.slice(i + 1);
  if (r < 0.95) return n.slice(0, i) + n[i] + n.slice(i);
  if (r < 0.975) return `${n.slice(0, 4)} ${n.slice(4, 8)} ${n.slice(8)}`;
  return n.replace('0', 'O');
}

const lines = new Array(N);
for (let k = 0; k < N; k++) {
  const r = rand();
  lines[k] = r < 0.45 ? iin() : r < 0.8 ? bin() : typo(rand() < 0.5 ? iin() : bin());
}
fs.mkdirSync('target/bench', { recursive: true });
fs.writeFileSync('target/bench/ident-inputs.txt', lines.join('\n') + '\n');
fs.writeFileSync('target/bench/ident-inputs.jsonl', lines.map((s) => JSON.stringify(s)).join('\n') + '\n');
console.log(`${N} inputs → target/bench/ident-inputs.txt, .jsonl`);
