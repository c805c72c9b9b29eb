import { assertNever } from "../../domain/shared/decider.ts";
import type { PortraitCanvas, Shape } from "./localPortraitCanvas.ts";
import type { Head } from "./localPortraitHead.ts";
import { luminance, mix, type Rgb, shade } from "./localPortraitPalette.ts";
import type { Expression } from "./localPortraitScene.ts";
import { box, curve } from "./localPortraitShapes.ts";
import type { PortraitTraits } from "./localPortraitTraits.ts";

/** An almond: a lens between two parabolas, the upper lid higher than the lower. */
const almond =
  (cx: number, cy: number, rx: number, ry: number): Shape =>
  (x, y) => {
    const t = (x - cx) / rx;
    if (t <= -1 || t >= 1) return 0;
    const open = 1 - t * t;
    const dy = y - cy;
    return dy >= -ry * 1.15 * open && dy <= ry * 0.8 * open ? 1 : 0;
  };

export function drawEyes(
  canvas: PortraitCanvas,
  traits: PortraitTraits,
  head: Head,
  expression: Expression,
): void {
  const size = traits.proportions.eyeSize * (traits.age === "young" ? 1.06 : 1);
  const rx = 16 * size;
  const ry = (expression === "sleepy" ? 4.6 : 8.6) * size;
  const lash = mix(traits.hair.colour, [20, 16, 16], 0.7);
  for (const side of [-1, 1]) {
    const cx = side * head.eyeX;
    const cy = head.eyeY;
    const eye = almond(cx, cy, rx, ry);
    const area = box(cx - rx, cy - ry * 1.2, cx + rx, cy + ry);
    canvas.fill(area, eye, [246, 244, 240]);
    const ir = 8.2 * size;
    const iy = cy - 1;
    const iris: Shape = (x, y) => ((x - cx) ** 2 + (y - iy) ** 2 <= ir * ir && eye(x, y) ? 1 : 0);
    canvas.fill(area, iris, (x, y) =>
      shade(traits.eyeColour, 1.15 - 0.45 * (Math.hypot(x - cx, y - iy) / ir) ** 2),
    );
    const pupil: Shape = (x, y) => ((x - cx) ** 2 + (y - iy) ** 2 <= (ir * 0.45) ** 2 && eye(x, y) ? 1 : 0);
    canvas.fill(area, pupil, [18, 14, 14]);
    canvas.ellipse(cx - 2.6, iy - 2.8, 2.1, 2.1, [255, 255, 255], expression === "sleepy" ? 0.5 : 0.95);
    const lid = curve([cx - rx, cy], [cx, cy - ry * 2.3], [cx + rx, cy]);
    canvas.stroke(lid, 2.6, lash);
    canvas.stroke(
      curve([cx - rx * 0.8, cy - ry * 1.2], [cx, cy - ry * 2.8], [cx + rx * 0.8, cy - ry * 1.2]),
      1.2,
      shade(traits.skin, 0.7),
      0.35,
    );
    canvas.stroke(
      curve([cx - rx * 0.8, cy + ry * 0.5], [cx, cy + ry * 1.6], [cx + rx * 0.8, cy + ry * 0.5]),
      1.1,
      shade(traits.skin, 0.72),
      0.3,
    );
  }
}

export function drawBrows(canvas: PortraitCanvas, traits: PortraitTraits, head: Head): void {
  const hair = traits.hair.colour;
  // Fair and dyed hair still sits on darker brows, or the face looks unfinished.
  const colour: Rgb = luminance(hair) > 150 ? mix(hair, [90, 64, 40], 0.5) : shade(hair, 0.85);
  const lift = traits.proportions.brow * 20;
  for (const side of [-1, 1]) {
    const cx = side * head.eyeX;
    const inner: [number, number] = [cx - side * 17, head.eyeY - 24];
    const outer: [number, number] = [cx + side * 19, head.eyeY - 25 + lift * 0.3];
    canvas.stroke(curve(inner, [cx + side * 2, head.eyeY - 33 - lift], outer), 5.2, colour);
  }
}

export function drawNose(canvas: PortraitCanvas, traits: PortraitTraits): void {
  const k = traits.proportions.nose;
  const dark = shade(traits.skin, 0.68);
  canvas.stroke(curve([5, -4], [9 * k, 12], [7 * k, 24]), 3, dark, 0.18);
  canvas.ellipse(0, 26, 11 * k, 7, shade(traits.skin, 1.08), 0.35);
  canvas.ellipse(0, 31, 10 * k, 3.2, dark, 0.3);
  for (const side of [-1, 1]) canvas.ellipse(side * 5 * k, 30, 2.8, 1.9, shade(traits.skin, 0.5), 0.6);
}

function smileOf(expression: Expression): number {
  switch (expression) {
    case "softSmile":
      return 4;
    case "smile":
      return 7;
    case "grin":
      return 8;
    case "neutral":
    case "sleepy":
      return 1;
    default:
      return assertNever(expression);
  }
}

export function drawMouth(
  canvas: PortraitCanvas,
  traits: PortraitTraits,
  head: Head,
  expression: Expression,
): void {
  const w = head.mouthW;
  const y0 = head.mouthY;
  const smile = smileOf(expression);
  const line = (x: number) => y0 - smile * (x / w) ** 2;
  const between =
    (upper: (x: number) => number, lower: (x: number) => number): Shape =>
    (x, y) =>
      Math.abs(x) < w && y >= upper(x) && y <= lower(x) ? 1 : 0;
  const t2 = (x: number) => 1 - (x / w) ** 2;
  const area = box(-w, y0 - 14, w, y0 + 16);
  const open = expression === "grin";
  const gap = (x: number) => (open ? 9 * t2(x) : 0);
  canvas.fill(
    area,
    between((x) => line(x) - 5 * t2(x) + 1.6 * Math.exp(-((x / 4) ** 2)), line),
    shade(traits.lips, 0.82),
  );
  canvas.fill(
    area,
    between(
      (x) => line(x) + gap(x),
      (x) => line(x) + gap(x) + 7 * t2(x),
    ),
    (x, y) =>
      shade(traits.lips, 1 + 0.18 * Math.exp(-(((y - y0 - gap(x) - 3) / 2.5) ** 2) - (x / (w * 0.5)) ** 2)),
  );
  if (open) {
    canvas.fill(
      area,
      between(line, (x) => line(x) + gap(x)),
      [96, 34, 42],
    );
    canvas.fill(
      area,
      between(line, (x) => line(x) + Math.min(gap(x), 3.6)),
      [246, 244, 236],
    );
  }
  canvas.stroke(
    curve([-w, line(-w)], [0, y0 + smile * 0.9], [w, line(w)]),
    1.5,
    shade(traits.lips, 0.45),
    open ? 0 : 0.7,
  );
}
