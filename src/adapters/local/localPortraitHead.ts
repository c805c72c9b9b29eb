import type { Paint, PortraitCanvas, Shape } from "./localPortraitCanvas.ts";
import { glow } from "./localPortraitPaints.ts";
import { mix, type Rgb, shade } from "./localPortraitPalette.ts";
import { between, type Random } from "./localPortraitRandom.ts";
import { box, curve, ellipseShape, polygonShape } from "./localPortraitShapes.ts";
import type { FaceShape, PortraitTraits } from "./localPortraitTraits.ts";

/** The head's measurements in figure units: the face is centred on (0, 0). */
export interface Head {
  rx: number;
  ry: number;
  face: Shape;
  skin: Paint;
  eyeX: number;
  eyeY: number;
  mouthY: number;
  mouthW: number;
}

const JAWS: Record<FaceShape, { power: number; taper: number; lower: number; width: number }> = {
  oval: { power: 2, taper: 0.1, lower: 1, width: 1 },
  round: { power: 2, taper: 0, lower: 0.9, width: 1.06 },
  square: { power: 3.2, taper: 0.12, lower: 0.94, width: 1.02 },
  heart: { power: 2, taper: 0.32, lower: 1.02, width: 1.03 },
};

/** Inside test for a face outline grown by `grow` (1 = the face itself; beards use more). */
export function faceOutline(rx: number, ry: number, shape: FaceShape, grow = 1): Shape {
  const jaw = JAWS[shape];
  const w = rx * jaw.width * grow;
  const top = ry * grow;
  const low = ry * jaw.lower * grow;
  return (x, y) => {
    if (y < 0) return (x / w) ** 2 + (y / top) ** 2 <= 1 ? 1 : 0;
    const t = y / low;
    const nx = Math.abs(x / (w * (1 - jaw.taper * t)));
    return nx ** jaw.power + t ** jaw.power <= 1 ? 1 : 0;
  };
}

export function headGeometry(traits: PortraitTraits): Head {
  const p = traits.proportions;
  const rx = 78 * p.faceWidth;
  const ry = 100;
  const skin = traits.skin;
  return {
    rx,
    ry,
    face: faceOutline(rx, ry, traits.faceShape),
    // Light from the upper left; the rim of the face turns away from it and darkens.
    skin: (x, y) => {
      const edge = (x / rx) ** 2 + (y / ry) ** 2;
      const f = (1 - 0.16 * edge * edge) * (1 + 0.07 * (-x / rx) + 0.03 * (-y / ry));
      return shade(skin, f);
    },
    eyeX: 33 * p.eyeSpacing * p.faceWidth,
    eyeY: -6,
    mouthY: 56,
    mouthW: 22 * p.mouth,
  };
}

export function drawNeck(canvas: PortraitCanvas, traits: PortraitTraits, head: Head): void {
  const w = 30 * traits.proportions.faceWidth;
  const neck = polygonShape([
    [-w, 40],
    [w, 40],
    [w + 4, 170],
    [-w - 4, 170],
  ]);
  const area = box(-w - 4, 40, w + 4, 170);
  canvas.fill(area, neck, (x) => shade(traits.skin, 0.86 - 0.06 * (x / w)));
  // The jaw's shadow falls on the neck only.
  const shadow = ellipseShape(0, head.ry * 0.9, head.rx * 0.62, 26);
  canvas.fill(area, (x, y) => neck(x, y) * shadow(x, y), shade(traits.skin, 0.62), 0.45);
}

export function drawFace(canvas: PortraitCanvas, traits: PortraitTraits, head: Head): void {
  const { rx, ry } = head;
  for (const side of [-1, 1]) {
    canvas.ellipse(side * rx * 0.97, 8, 13, 23, shade(traits.skin, 0.92));
    canvas.ellipse(side * rx * 0.99, 9, 6, 13, shade(traits.skin, 0.74), 0.5);
  }
  canvas.fill(box(-rx * 1.1, -ry, rx * 1.1, ry * 1.05), head.face, head.skin);
  for (const side of [-1, 1]) {
    canvas.fill(box(side * 44 - 26, 0, side * 44 + 26, 52), glow(side * 44, 26, 26), [232, 120, 120], 0.2);
  }
}

export function drawFreckles(canvas: PortraitCanvas, traits: PortraitTraits, random: Random): void {
  const colour = shade(mix(traits.skin, [150, 80, 40], 0.35), 0.8);
  for (let i = 0; i < 34; i += 1) {
    const side = i % 2 === 0 ? -1 : 1;
    const x = side * between(random, 10, 50);
    const y = between(random, 8, 30) + Math.abs(x) * 0.1;
    const r = between(random, 0.9, 1.6);
    canvas.ellipse(x, y, r, r, colour, 0.55);
  }
}

export function drawAgeLines(canvas: PortraitCanvas, traits: PortraitTraits, head: Head): void {
  if (traits.age !== "older") return;
  const line = shade(traits.skin, 0.7);
  for (const y of [-58, -70]) canvas.stroke(curve([-30, y], [0, y - 5], [30, y]), 1.4, line, 0.35);
  for (const side of [-1, 1]) {
    canvas.stroke(curve([side * 14, 30], [side * 26, 40], [side * (head.mouthW + 6), 62]), 1.6, line, 0.35);
    canvas.stroke(
      curve([side * (head.eyeX - 12), 10], [side * head.eyeX, 15], [side * (head.eyeX + 12), 9]),
      1.3,
      line,
      0.3,
    );
  }
}

export function drawBeard(canvas: PortraitCanvas, traits: PortraitTraits, head: Head, random: Random): void {
  if (traits.beard === "none") return;
  const { rx, ry, mouthY, mouthW } = head;
  const colour: Rgb = mix(shade(traits.beardColour ?? traits.hair.colour, 0.9), traits.skin, 0.08);
  const grown = faceOutline(rx, ry, traits.faceShape, 1.07);
  const moustache: Shape = (x, y) => {
    const t = x / (mouthW + 8);
    if (t <= -1 || t >= 1) return 0;
    const top = mouthY - 13 + 3 * t * t;
    const bottom = mouthY - 3 + 6 * t * t;
    return y >= top && y <= bottom ? 1 : 0;
  };
  const chin: Shape = (x, y) => ((x / 24) ** 2 + ((y - ry * 0.86) / 24) ** 2 <= 1 && grown(x, y) ? 1 : 0);
  // A full beard starts at the sideburns and runs under the cheekbones to the moustache.
  const full: Shape = (x, y) => {
    const edge = Math.min(1, Math.abs(x) / rx);
    return y > 22 + 26 * (1 - edge) ** 1.2 && grown(x, y) ? 1 : moustache(x, y);
  };
  const region =
    traits.beard === "goatee"
      ? (x: number, y: number) => Math.max(chin(x, y), moustache(x, y))
      : traits.beard === "moustache"
        ? moustache
        : full;
  const area = box(-rx * 1.1, 0, rx * 1.1, ry * 1.12);
  if (traits.beard === "stubble") {
    // Stubble is a scatter, not a fill: hash the sample position into a dot pattern.
    const seed = random() * 1000;
    const dots: Shape = (x, y) =>
      region(x, y) && (Math.sin(x * 12.9898 + y * 78.233 + seed) * 43758.5) % 1 > 0.35 ? 1 : 0;
    canvas.fill(area, dots, colour, 0.45);
    return;
  }
  canvas.fill(area, region, (x, y) =>
    shade(colour, 1.02 - 0.12 * Math.min(1, Math.max(0, (y - mouthY + 12) / 40)) + 0.03 * Math.sin(x * 1.3)),
  );
}
