// The package's speed workloads, shared by scripts/package-bench.mjs and the
// benchmark of record (bench/record.sh). Runs unchanged in Node and in a browser
// page (no Node imports): `api` is the initialised web build (pkg/web.js), `data`
// holds the inputs already read (see bench/harness.mjs `loadData`).
//
// The inputs are the same files the native criterion benches read:
//   identifiers  target/bench/ident-inputs.txt     (node bench/ident-inputs.mjs)
//   permit       examples/permit_II.json
//   large        target/bench/app-large-II.json    (node bench/write-inputs.mjs)
//   deadlines    target/bench/deadline-queries.jsonl (node bench/write-inputs.mjs)

/** Median of numbers. */
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median wall time (ms) of `runs` calls of `run` after one warm-up call. */
export function time(run, runs) {
  run();
  const t = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    run();
    t.push(performance.now() - t0);
  }
  return median(t);
}

/**
 * `permit` (examples/permit_II.json, parsed) with table 2 replaced by `sites` ×
 * `subs` rows for each of `years`, exact subtotals and totals; no tables 3 and 4.
 */
export function largeApplication(permit, sites, subs, years) {
  const app = structuredClone(permit);
  const t4 = (v) => `${Math.floor(v / 10000)}.${String(v % 10000).padStart(4, '0')}`;
  app.industrial_sites = Array.from({ length: sites }, (_, s) => ({
    ...app.industrial_sites[0], number: s + 1, name: `Площадка ${s + 1}`,
  }));
  const air = [];
  for (const year of years) {
    let [tg, tt] = [0, 0];
    const groups = [];
    for (let s = 0; s < sites; s++) {
      let [sg, st] = [0, 0];
      const rows = [];
      for (let i = 0; i < subs; i++) {
        const g = 1 + ((s * 31 + i * 7) % 997);
        const t = g * 20;
        sg += g; st += t;
        const v = { g_per_s: t4(g), t_per_year: t4(t) };
        rows.push({ code: String(i).padStart(4, '0'), name: `Вещество ${i}`, normative: v, requested: v, actual: v });
      }
      tg += sg; tt += st;
      const sub = { g_per_s: t4(sg), t_per_year: t4(st) };
      groups.push({ site: s + 1, subtotal: { normative: sub, requested: sub, actual: sub }, substances: rows });
    }
    const tot = { g_per_s: t4(tg), t_per_year: t4(tt) };
    air.push({ year, total: { normative: tot, requested: tot, actual: tot }, sites: groups });
  }
  app.air_emissions = { years: air };
  delete app.discharges;
  delete app.waste;
  return app;
}

/** The large application of every benchmark: 10 sites × 30 substances × 5 years. */
export const largeOf = (permit) => largeApplication(permit, 10, 30, [2020, 2021, 2022, 2023, 2024]);

/** Lines of a text file, without a trailing empty one. */
export const lines = (text) => text.split('\n').filter((s) => s !== '');

/**
 * Times every workload on `api`; `data` = { identifiers: string[], permitText,
 * largeText, deadlines: string[] (query JSON texts) }. Returns milliseconds (median
 * of `runs`) per unit named in each entry.
 */
export function runWorkloads(api, data, runs) {
  const out = {};
  const opts = { lang: 'ru' };

  let valid = 0;
  const ids = data.identifiers;
  const idMs = time(() => {
    valid = 0;
    for (let i = 0; i < ids.length; i += 1000) {
      for (const a of api.validateIdentifiers(ids.slice(i, i + 1000))) valid += a.valid;
    }
  }, runs);
  out.identifiers = { ms: idMs, count: ids.length, valid, unit: 'batch of all inputs' };

  const permit = JSON.parse(data.permitText);
  const reps = 50;
  out.permitText = { ms: time(() => { for (let i = 0; i < reps; i++) api.validateApplication(data.permitText, opts); }, runs) / reps, unit: 'call' };
  out.permitObject = { ms: time(() => { for (let i = 0; i < reps; i++) api.validateApplication(permit, opts); }, runs) / reps, unit: 'call' };

  const large = JSON.parse(data.largeText);
  const report = api.validateApplication(data.largeText, opts);
  out.largeText = { ms: time(() => api.validateApplication(data.largeText, opts), runs), unit: 'call', bytes: data.largeText.length, findings: report.findings.length };
  out.largeObject = { ms: time(() => api.validateApplication(large, opts), runs), unit: 'call' };

  const qs = data.deadlines;
  let ok = 0;
  const dlMs = time(() => {
    ok = 0;
    for (const q of qs) ok += api.deadlines(q, opts).ok;
  }, runs);
  out.deadlines = { ms: dlMs, count: qs.length, ok, unit: 'batch of all queries' };
  return out;
}
