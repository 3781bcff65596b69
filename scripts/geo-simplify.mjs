// The simplification shared by scripts/gen-boundary.mjs (the country) and
// scripts/gen-regions.mjs (the regions): a ring's area, and the ring simplified
// with Douglas–Peucker at `epsilon` degrees and rounded to 1/`quantum` degree.
//
//   import { area, simplifyRing } from "./geo-simplify.mjs";
//   simplifyRing([[50, 45], [50.001, 45.3], [51, 46]], 0.02, 1000) // → integer points

/** Signed area of a ring of [x, y] points (square degrees). */
export const area = (ring) => {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return a / 2;
};

/** Distance from point p to the segment a–b. */
const distance = ([px, py], [ax, ay], [bx, by]) => {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
};

/** Douglas–Peucker of an open line: the points kept, ends included. */
const simplify = (points, epsilon) => {
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    let worst = -1;
    let at = -1;
    for (let i = a + 1; i < b; i++) {
      const d = distance(points[i], points[a], points[b]);
      if (d > worst) [worst, at] = [d, i];
    }
    if (worst > epsilon) {
      keep[at] = 1;
      stack.push([a, at], [at, b]);
    }
  }
  return points.filter((_, i) => keep[i]);
};

/**
 * A closed ring (last point not repeated) simplified: split at its point farthest
 * from the first so both halves keep their ends, each half simplified, then
 * rounded to integers of 1/`quantum` degree with repeated points dropped.
 */
export const simplifyRing = (ring, epsilon, quantum) => {
  const far = ring.reduce((best, p, i) => (distance(p, ring[0], ring[0]) > distance(ring[best], ring[0], ring[0]) ? i : best), 0);
  const a = simplify(ring.slice(0, far + 1), epsilon);
  const b = simplify(ring.slice(far), epsilon);
  const q = a.concat(b.slice(1, -1)).map(([x, y]) => [Math.round(x * quantum), Math.round(y * quantum)]);
  return q.filter((p, i) => i === 0 || p[0] !== q[i - 1][0] || p[1] !== q[i - 1][1]);
};
