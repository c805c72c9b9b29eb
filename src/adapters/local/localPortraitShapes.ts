/** How much of a point a shape covers, 0 (outside) to 1; soft shapes return values between. */
export type Shape = (x: number, y: number) => number;
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Covers everything; fills with it take a fast path. */
export const full: Shape = () => 1;

export const box = (x0: number, y0: number, x1: number, y1: number): Box => ({ x0, y0, x1, y1 });

export const ellipseShape =
  (cx: number, cy: number, rx: number, ry: number): Shape =>
  (x, y) => {
    const dx = (x - cx) / rx;
    const dy = (y - cy) / ry;
    return dx * dx + dy * dy <= 1 ? 1 : 0;
  };

export function polygonShape(points: readonly (readonly [number, number])[]): Shape {
  // Flat arrays and indexes: destructuring pairs per sample costs more than the test itself.
  const xs = Float64Array.from(points, (p) => p[0]);
  const ys = Float64Array.from(points, (p) => p[1]);
  const n = points.length;
  return (x, y) => {
    let inside = false;
    for (let i = 0, j = n - 1; i < n; j = i, i += 1) {
      const yi = ys[i]!;
      const yj = ys[j]!;
      if (yi > y !== yj > y && x < ((xs[j]! - xs[i]!) * (y - yi)) / (yj - yi) + xs[i]!) inside = !inside;
    }
    return inside ? 1 : 0;
  };
}

export function segmentDistance(
  x: number,
  y: number,
  a: readonly [number, number],
  b: readonly [number, number],
): number {
  const ax = a[0];
  const ay = a[1];
  const dx = b[0] - ax;
  const dy = b[1] - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy || 1)));
  const ex = x - ax - t * dx;
  const ey = y - ay - t * dy;
  return Math.sqrt(ex * ex + ey * ey);
}

/** Points along a quadratic curve, for mouths, brows and lids. */
export function curve(
  from: readonly [number, number],
  control: readonly [number, number],
  to: readonly [number, number],
  steps = 12,
): [number, number][] {
  return Array.from({ length: steps + 1 }, (_, i) => {
    const t = i / steps;
    const u = 1 - t;
    return [
      u * u * from[0] + 2 * u * t * control[0] + t * t * to[0],
      u * u * from[1] + 2 * u * t * control[1] + t * t * to[1],
    ];
  });
}
