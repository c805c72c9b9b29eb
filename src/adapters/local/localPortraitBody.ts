import { assertNever } from "../../domain/shared/decider.ts";
import type { Box, Paint, PortraitCanvas, Shape } from "./localPortraitCanvas.ts";
import { glow } from "./localPortraitPaints.ts";
import { mix, type Rgb, shade } from "./localPortraitPalette.ts";
import { box } from "./localPortraitShapes.ts";
import type { PortraitTraits } from "./localPortraitTraits.ts";

const NECK_BASE = 150;
const SHOULDER = 250;
const SHOULDER_WIDTH = 198;
const BOTTOM = 640;

/** Half the torso's width at a height: round shoulders from the neck, then a gentle taper. */
function halfWidth(y: number, neck: number): number {
  if (y < NECK_BASE) return 0;
  if (y < SHOULDER) {
    const t = (SHOULDER - y) / (SHOULDER - NECK_BASE);
    return neck + (SHOULDER_WIDTH - neck) * Math.sqrt(1 - t * t);
  }
  return SHOULDER_WIDTH - (y - SHOULDER) * 0.1;
}

const torso =
  (neck: number): Shape =>
  (x, y) =>
    Math.abs(x) <= halfWidth(y, neck) ? 1 : 0;

const ARM = 46;

/** Cloth darkens toward the sides, on the arms and under the chin, where the head shades it. */
function clothPaint(colour: Rgb): Paint {
  return (x, y) => {
    const side = (Math.abs(x) / SHOULDER_WIDTH) ** 3;
    const chin = Math.exp(-((x / 70) ** 2 + ((y - 168) / 28) ** 2));
    const fold = 0.04 * Math.sin(x * 0.05 + y * 0.03);
    const armEdge = Math.max(0, Math.min(1, (Math.abs(x) - halfWidth(y, 0) + ARM) / 6));
    const arm = 0.08 * armEdge * Math.max(0, Math.min(1, (y - 270) / 40));
    return shade(colour, (1 - 0.28 * side - 0.22 * chin - arm + fold) * (1 + 0.06 * (-x / SHOULDER_WIDTH)));
  };
}

/** Creases where the arms hang beside the body; seen only when the framing is wide. */
function drawArms(canvas: PortraitCanvas, colour: Rgb): void {
  for (const side of [-1, 1]) {
    const line: [number, number][] = [];
    for (let y = 290; y <= BOTTOM; y += 35) line.push([side * (halfWidth(y, 0) - ARM), y]);
    canvas.stroke(line, 3, shade(colour, 0.6), 0.5);
  }
}

export function drawBody(canvas: PortraitCanvas, traits: PortraitTraits): void {
  const { kind, colour } = traits.clothing;
  const neck = 34 * traits.proportions.faceWidth;
  const area = box(-SHOULDER_WIDTH, NECK_BASE, SHOULDER_WIDTH, BOTTOM);
  const skin = (x: number) => shade(traits.skin, 0.9 - 0.05 * (x / 40));
  drawClothes(canvas, traits, neck, area, skin);
  drawArms(canvas, kind === "dress" ? traits.skin : colour);
}

function drawClothes(
  canvas: PortraitCanvas,
  traits: PortraitTraits,
  neck: number,
  area: Box,
  skin: Paint,
): void {
  const { kind, colour } = traits.clothing;
  switch (kind) {
    case "tshirt":
      canvas.fill(area, torso(neck), clothPaint(colour));
      canvas.fill(area, opening(neck + 12, 30), skin);
      canvas.fill(
        box(-60, NECK_BASE, 60, NECK_BASE + 40),
        ring(0, NECK_BASE, neck + 12, 30, 5),
        shade(colour, 0.8),
      );
      return;
    case "sweater":
      canvas.fill(area, torso(neck), clothPaint(colour));
      canvas.fill(
        box(-70, NECK_BASE - 20, 70, NECK_BASE + 40),
        ring(0, NECK_BASE + 2, neck + 10, 22, 10),
        shade(colour, 0.88),
      );
      return;
    case "shirt":
      canvas.fill(area, torso(neck), clothPaint(colour));
      canvas.polygon(
        [
          [-neck + 4, NECK_BASE],
          [neck - 4, NECK_BASE],
          [0, NECK_BASE + 66],
        ],
        skin,
      );
      for (const side of [-1, 1]) {
        canvas.polygon(
          [
            [side * (neck - 2), NECK_BASE - 8],
            [side * (neck + 30), NECK_BASE + 26],
            [side * 4, NECK_BASE + 62],
          ],
          shade(colour, 1.12),
        );
      }
      for (let y = NECK_BASE + 80; y < BOTTOM; y += 48) canvas.ellipse(0, y, 3.4, 3.4, shade(colour, 0.7));
      return;
    case "jacket": {
      const inner: Rgb = mix(colour, [236, 236, 232], 0.85);
      canvas.fill(area, torso(neck), clothPaint(colour));
      canvas.polygon(
        [
          [-52, NECK_BASE],
          [52, NECK_BASE],
          [0, NECK_BASE + 150],
        ],
        inner,
      );
      canvas.fill(area, opening(neck + 6, 22), skin);
      for (const side of [-1, 1]) {
        canvas.polygon(
          [
            [side * 52, NECK_BASE - 4],
            [side * 86, NECK_BASE + 40],
            [side * 30, NECK_BASE + 96],
            [0, NECK_BASE + 150],
            [side * 10, NECK_BASE + 60],
          ],
          shade(colour, 0.78),
        );
      }
      return;
    }
    case "hoodie":
      canvas.fill(area, torso(neck), clothPaint(colour));
      canvas.fill(
        box(-110, NECK_BASE - 30, 110, NECK_BASE + 60),
        ring(0, NECK_BASE + 6, neck + 46, 40, 20),
        shade(colour, 0.82),
      );
      for (const side of [-1, 1])
        canvas.stroke(
          [
            [side * 14, NECK_BASE + 30],
            [side * 18, NECK_BASE + 120],
          ],
          3,
          [236, 236, 232],
        );
      return;
    case "dress":
      canvas.fill(area, torso(neck), (x) =>
        shade(traits.skin, 0.92 - 0.1 * (Math.abs(x) / SHOULDER_WIDTH) ** 2),
      );
      canvas.fill(
        box(-SHOULDER_WIDTH, 228, SHOULDER_WIDTH, BOTTOM),
        (x, y) => (y >= 232 - 14 * Math.cos(x / 60) ? torso(neck)(x, y) : 0),
        clothPaint(colour),
      );
      for (const side of [-1, 1])
        canvas.stroke(
          [
            [side * 70, NECK_BASE + 40],
            [side * 80, 236],
          ],
          7,
          shade(colour, 0.9),
        );
      canvas.fill(box(-80, NECK_BASE, 80, 240), glow(0, 190, 80), shade(traits.skin, 0.7), 0.25);
      return;
    default:
      assertNever(kind);
  }
}

/** The lower half of an ellipse at the neck: skin showing through a neckline. */
const opening =
  (rx: number, ry: number): Shape =>
  (x, y) =>
    y >= NECK_BASE && (x / rx) ** 2 + ((y - NECK_BASE) / ry) ** 2 <= 1 ? 1 : 0;

function ring(cx: number, cy: number, rx: number, ry: number, thickness: number): Shape {
  return (x, y) => {
    const outer = ((x - cx) / (rx + thickness)) ** 2 + ((y - cy) / (ry + thickness)) ** 2;
    const inner = ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2;
    return outer <= 1 && inner > 1 && y >= cy ? 1 : 0;
  };
}
