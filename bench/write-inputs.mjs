// Writes the generated inputs of the application and deadline benchmarks (read by
// the criterion benches application.rs / deadlines.rs and by bench/workloads.mjs
// in Node and Chromium, so every environment runs the same bytes):
//   target/bench/app-large-II.json       examples/permit_II.json with table 2 of
//                                        10 sites × 30 substances × 5 years
//   target/bench/deadline-queries.jsonl  10 000 queries: the `query` of each line
//                                        of tests/vectors/deadlines.jsonl, in turn
//
//   node bench/write-inputs.mjs [QUERIES=10000]
import fs from 'node:fs';
import path from 'node:path';
import { INPUTS, ROOT } from './harness.mjs';
import { largeOf, lines } from './workloads.mjs';

const N = Number(process.argv[2] ?? 10_000);
const read = (f) => fs.readFileSync(path.join(ROOT, f), 'utf8');
fs.mkdirSync(path.join(ROOT, 'target/bench'), { recursive: true });
fs.writeFileSync(path.join(ROOT, INPUTS.large), JSON.stringify(largeOf(JSON.parse(read(INPUTS.permit)))));
const queries = lines(read('tests/vectors/deadlines.jsonl'))
  .map((l) => JSON.stringify(JSON.parse(l).query));
const out = Array.from({ length: N }, (_, i) => queries[i % queries.length]).join('\n') + '\n';
fs.writeFileSync(path.join(ROOT, INPUTS.deadlines), out);
console.log(`${INPUTS.large}, ${INPUTS.deadlines} (${N} of ${queries.length} distinct queries)`);
