// Writes data/boundaries/kazakhstan.json: Kazakhstan's border, simplified, from
// Natural Earth's 1:10m Admin 0 countries (public domain) as redistributed by the
// npm package world-atlas (TopoJSON, Natural Earth 4.1.0).
//
//   npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
//   node scripts/gen-boundary.mjs package/countries-10m.json > data/boundaries/kazakhstan.json
//
// Deterministic: the same input gives the same bytes. Rings are simplified with
// Douglas–Peucker at EPSILON degrees (in plain longitude/latitude degrees), then
// rounded to 0.001°; rings smaller than MIN_AREA square degrees (islets of the
// Caspian) and holes (Baikonur) are dropped. The file states how far the result may lie from the
// source (`margin_deg`: EPSILON plus half the rounding step, rounded up to
// 0.001°): the library reports a site as outside only beyond it.
import { readFileSync } from "node:fs";
import { area, simplifyRing } from "./geo-simplify.mjs";

const EPSILON = 0.02;
const QUANTUM = 1000; // 0.001°
const MIN_AREA = 0.01;
const ISO_NUMERIC = "398"; // Kazakhstan

const topo = JSON.parse(readFileSync(process.argv[2], "utf8"));
const [sx, sy] = topo.transform.scale;
const [tx, ty] = topo.transform.translate;
// Decode the quantized, delta-encoded arcs to degrees.
const arcs = topo.arcs.map((arc) => {
  let x = 0;
  let y = 0;
  return arc.map(([dx, dy]) => {
    x += dx;
    y += dy;
    return [x * sx + tx, y * sy + ty];
  });
});
const ringOf = (indices) => {
  const out = [];
  for (const i of indices) {
    const arc = i >= 0 ? arcs[i] : arcs[~i].slice().reverse();
    out.push(...(out.length ? arc.slice(1) : arc));
  }
  return out;
};

const geometry = topo.objects.countries.geometries.find((g) => g.id === ISO_NUMERIC);
const polygons = geometry.type === "Polygon" ? [geometry.arcs] : geometry.arcs;
const rings = [];
let sourcePoints = 0;
for (const polygon of polygons) {
  // Exterior rings only: Natural Earth cuts the Baikonur complex out as a hole,
  // but it is Kazakhstan's territory (leased to Russia), where sites are permitted.
  for (const indices of polygon.slice(0, 1)) {
    const ring = ringOf(indices);
    sourcePoints += ring.length;
    if (Math.abs(area(ring)) < MIN_AREA) continue;
    rings.push(simplifyRing(ring, EPSILON, QUANTUM));
  }
}
const fmt = (v) => (v / QUANTUM).toFixed(3);
const lines = rings.map(
  (ring) => "    [" + ring.map(([x, y]) => `[${fmt(x)}, ${fmt(y)}]`).join(", ") + "]",
);
const points = rings.reduce((n, r) => n + r.length, 0);
process.stdout.write(`{
  "country": "KZ",
  "source": "Natural Earth 1:10m Admin 0 – Countries, version 4.1.0 (public domain), as redistributed in the npm package world-atlas 2.0.2 (countries-10m.json)",
  "made_by": "scripts/gen-boundary.mjs: Douglas–Peucker at ${EPSILON}°, rounded to 0.001°, rings under ${MIN_AREA} square degrees and holes (Baikonur, Kazakhstan's territory leased to Russia) dropped; ${sourcePoints} source points, ${points} kept",
  "margin_deg": ${(Math.ceil((EPSILON + 0.5 / QUANTUM) * QUANTUM) / QUANTUM).toFixed(3)},
  "rings": [
${lines.join(",\n")}
  ]
}
`);
