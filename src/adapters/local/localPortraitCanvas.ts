import type { Rgb } from "./localPortraitPalette.ts";
import { type Box, box, full, polygonShape, type Shape, segmentDistance } from "./localPortraitShapes.ts";

export type { Box, Shape } from "./localPortraitShapes.ts";

/** A colour, or one that depends on where it is painted (gradients, shading). */
export type Paint = Rgb | ((x: number, y: number) => Rgb);
/** Where the figure stands: picture point = origin + figure point × zoom, in 512-unit coordinates. */
export interface View {
  ox: number;
  oy: number;
  zoom: number;
}

export const LOGICAL_SIZE = 512;
const IDENTITY: View = { ox: 0, oy: 0, zoom: 1 };

/**
 * Draws hard-edged shapes on a grid `scale` times finer than the output and averages it down:
 * supersampling is what makes the edges smooth. Coordinates are 512 units across at any size.
 */
export class PortraitCanvas {
  readonly size: number;
  readonly scale: number;
  readonly span: number;
  readonly samples: Uint8ClampedArray;
  #view: View = IDENTITY;
  readonly #unit: number;

  constructor(size: number, scale: number) {
    this.size = size;
    this.scale = scale;
    this.span = size * scale;
    this.samples = new Uint8ClampedArray(this.span * this.span * 3);
    this.#unit = this.span / LOGICAL_SIZE;
  }

  /** Draw the figure through `view` (framing); `null` draws in picture coordinates again. */
  setView(view: View | null): void {
    this.#view = view ?? IDENTITY;
  }

  /**
   * Paints every sample of `box` that `shape` covers. `span`, when given, narrows each row to the
   * x range the shape covers. A paint function is evaluated once per output pixel, not per
   * sample: colour varies smoothly, only coverage needs the fine grid.
   */
  fill(box: Box, shape: Shape, paint: Paint, alpha = 1, span?: (y: number) => [number, number] | null): void {
    const { ox, oy, zoom } = this.#view;
    const u = this.#unit;
    const k = u * zoom;
    const toSampleX = (x: number) => (ox + x * zoom) * u;
    const sx0 = Math.max(0, Math.floor(toSampleX(box.x0)));
    const sx1 = Math.min(this.span, Math.ceil(toSampleX(box.x1)));
    const sy0 = Math.max(0, Math.floor((oy + box.y0 * zoom) * u));
    const sy1 = Math.min(this.span, Math.ceil((oy + box.y1 * zoom) * u));
    const solid = typeof paint === "function" ? null : paint;
    const scale = this.scale;
    if (shape === full && !solid && !span && alpha >= 1) {
      this.#fillBlocks(sx0, sx1, sy0, sy1, paint as (x: number, y: number) => Rgb);
      return;
    }
    const cache: (Rgb | undefined)[] = [];
    let cachedBlockRow = -1;
    const data = this.samples;
    for (let sy = sy0; sy < sy1; sy += 1) {
      const y = (sy + 0.5 - oy * u) / k;
      let from = sx0;
      let to = sx1;
      if (span) {
        const range = span(y);
        if (!range) continue;
        // Exactly the samples whose centres fall inside the range.
        from = Math.max(sx0, Math.ceil(toSampleX(range[0]) - 0.5));
        to = Math.min(sx1, Math.floor(toSampleX(range[1]) - 0.5) + 1);
      }
      const blockRow = Math.floor(sy / scale);
      if (blockRow !== cachedBlockRow) {
        cache.length = 0;
        cachedBlockRow = blockRow;
      }
      let at = (sy * this.span + from) * 3;
      if (solid && shape === full && alpha >= 1) {
        for (let end = (sy * this.span + to) * 3; at < end; at += 3) {
          data[at] = solid[0];
          data[at + 1] = solid[1];
          data[at + 2] = solid[2];
        }
        continue;
      }
      for (let sx = from; sx < to; sx += 1, at += 3) {
        const cover = shape === full ? alpha : shape((sx + 0.5 - ox * u) / k, y) * alpha;
        if (cover <= 0) continue;
        let colour = solid;
        if (!colour) {
          const block = Math.floor(sx / scale);
          colour = cache[block] ?? null;
          if (!colour) {
            const centre = (block + 0.5) * scale;
            const blockY = (blockRow + 0.5) * scale;
            colour = (paint as (x: number, y: number) => Rgb)((centre - ox * u) / k, (blockY - oy * u) / k);
            cache[block] = colour;
          }
        }
        if (cover >= 1) {
          data[at] = colour[0];
          data[at + 1] = colour[1];
          data[at + 2] = colour[2];
        } else {
          data[at] = data[at]! + (colour[0] - data[at]!) * cover;
          data[at + 1] = data[at + 1]! + (colour[1] - data[at + 1]!) * cover;
          data[at + 2] = data[at + 2]! + (colour[2] - data[at + 2]!) * cover;
        }
      }
    }
  }

  /** Covered rectangles with a varying paint: one paint call per output pixel, written to its samples. */
  #fillBlocks(
    sx0: number,
    sx1: number,
    sy0: number,
    sy1: number,
    paint: (x: number, y: number) => Rgb,
  ): void {
    const { ox, oy, zoom } = this.#view;
    const k = this.#unit * zoom;
    const { scale, samples, span } = this;
    for (let by = Math.floor(sy0 / scale); by * scale < sy1; by += 1) {
      const ya = Math.max(sy0, by * scale);
      const yb = Math.min(sy1, (by + 1) * scale);
      const y = ((by + 0.5) * scale - oy * this.#unit) / k;
      for (let bx = Math.floor(sx0 / scale); bx * scale < sx1; bx += 1) {
        const xa = Math.max(sx0, bx * scale);
        const xb = Math.min(sx1, (bx + 1) * scale);
        const colour = paint(((bx + 0.5) * scale - ox * this.#unit) / k, y);
        for (let sy = ya; sy < yb; sy += 1) {
          for (let at = (sy * span + xa) * 3, end = (sy * span + xb) * 3; at < end; at += 3) {
            samples[at] = colour[0];
            samples[at + 1] = colour[1];
            samples[at + 2] = colour[2];
          }
        }
      }
    }
  }

  ellipse(cx: number, cy: number, rx: number, ry: number, paint: Paint, alpha = 1): void {
    const span = (y: number): [number, number] | null => {
      const dy = (y - cy) / ry;
      if (dy * dy > 1) return null;
      const half = rx * Math.sqrt(1 - dy * dy);
      return [cx - half, cx + half];
    };
    this.fill(box(cx - rx, cy - ry, cx + rx, cy + ry), full, paint, alpha, span);
  }

  rect(x0: number, y0: number, x1: number, y1: number, paint: Paint, alpha = 1): void {
    this.fill(box(x0, y0, x1, y1), full, paint, alpha);
  }

  polygon(points: readonly (readonly [number, number])[], paint: Paint, alpha = 1): void {
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    this.fill(
      box(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)),
      polygonShape(points),
      paint,
      alpha,
    );
  }

  /** A line of round-capped segments through the points, `width` thick. */
  stroke(points: readonly (readonly [number, number])[], width: number, paint: Paint, alpha = 1): void {
    const r = width / 2;
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    const shape: Shape = (x, y) => {
      for (let i = 1; i < points.length; i += 1) {
        if (segmentDistance(x, y, points[i - 1]!, points[i]!) <= r) return 1;
      }
      return 0;
    };
    this.fill(
      box(Math.min(...xs) - r, Math.min(...ys) - r, Math.max(...xs) + r, Math.max(...ys) + r),
      shape,
      paint,
      alpha,
    );
  }
}
