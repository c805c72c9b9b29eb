import type { PortraitCanvas } from "./localPortraitCanvas.ts";
import { always, glow, radial, skyFor, vertical } from "./localPortraitPaints.ts";
import { mix, type Rgb, shade } from "./localPortraitPalette.ts";
import { between, pick, type Random } from "./localPortraitRandom.ts";
import type { Lighting } from "./localPortraitScene.ts";
import { box } from "./localPortraitShapes.ts";

const FULL = box(0, 0, 512, 512);

const STUDIO_COLOURS: readonly Rgb[] = [
  [120, 146, 176],
  [138, 160, 140],
  [168, 156, 148],
  [196, 160, 160],
  [150, 140, 180],
  [112, 140, 146],
];

export function studio(canvas: PortraitCanvas, random: Random): void {
  // A backdrop colour and where the key light falls on it: a new sitting, a new backdrop.
  const colour = mix(pick(random, STUDIO_COLOURS), pick(random, STUDIO_COLOURS), random() * 0.5);
  const cx = between(random, 150, 362);
  const cy = between(random, 120, 260);
  canvas.fill(FULL, always, radial(mix(colour, [255, 255, 255], 0.35), shade(colour, 0.7), cx, cy, 420));
}

function sky(canvas: PortraitCanvas, lighting: Lighting, horizonY: number, random: Random): boolean {
  const { top, horizon, night } = skyFor(lighting);
  canvas.fill(box(0, 0, 512, horizonY), always, vertical(top, horizon, 0, horizonY));
  const x = between(random, 60, 452);
  if (night) {
    for (let i = 0; i < 40; i += 1)
      canvas.ellipse(random() * 512, random() * horizonY * 0.8, 0.9, 0.9, [230, 230, 255]);
    canvas.fill(box(x - 60, 20, x + 60, 140), glow(x, 80, 60), [200, 210, 255], 0.35);
    canvas.ellipse(x, 80, 20, 20, [236, 236, 224]);
  } else {
    const sunY = lighting === "warmEvening" ? horizonY - 30 : 70;
    const sun: Rgb = lighting === "warmEvening" ? [255, 190, 110] : [255, 250, 226];
    canvas.fill(box(x - 110, sunY - 110, x + 110, sunY + 110), glow(x, sunY, 110), sun, 0.5);
    if (lighting !== "overcast") canvas.ellipse(x, sunY, 26, 26, sun);
    for (let c = 0; c < 3; c += 1)
      cloud(canvas, random, horizonY, lighting === "warmEvening" ? [255, 214, 200] : [250, 250, 252]);
  }
  return night;
}

function cloud(canvas: PortraitCanvas, random: Random, horizonY: number, colour: Rgb): void {
  const cx = random() * 512;
  const cy = between(random, 30, horizonY * 0.6);
  for (let i = 0; i < 5; i += 1) {
    canvas.ellipse(cx + (i - 2) * 18, cy + Math.abs(i - 2) * 4, 22 - Math.abs(i - 2) * 3, 14, colour, 0.85);
  }
}

export function beach(canvas: PortraitCanvas, random: Random, lighting: Lighting): void {
  const night = sky(canvas, lighting, 270, random);
  const sea: Rgb = night ? [20, 36, 70] : lighting === "warmEvening" ? [90, 96, 150] : [40, 124, 184];
  canvas.fill(box(0, 270, 512, 340), always, vertical(sea, mix(sea, [255, 255, 255], 0.25), 270, 340));
  for (let i = 0; i < 24; i += 1) {
    const y = between(random, 275, 336);
    const x = random() * 512;
    canvas.rect(x, y, x + between(random, 10, 40), y + 1.2, [255, 255, 255], 0.35);
  }
  const sand: Rgb = night ? [96, 90, 100] : [232, 208, 164];
  canvas.fill(box(0, 336, 512, 512), always, vertical(mix(sand, sea, 0.2), sand, 336, 400));
  canvas.fill(box(0, 336, 512, 346), always, [255, 255, 255], 0.3);
}

export function city(canvas: PortraitCanvas, random: Random, lighting: Lighting): void {
  const night = sky(canvas, lighting, 360, random);
  const base: Rgb = night ? [26, 30, 52] : lighting === "warmEvening" ? [92, 76, 100] : [146, 158, 180];
  for (let x = -10; x < 520; ) {
    const width = between(random, 38, 88);
    const top = between(random, 110, 320);
    const body = shade(base, between(random, 0.8, 1.15));
    canvas.rect(x, top, x + width - 3, 512, body);
    for (let wy = top + 10; wy < 500; wy += 18) {
      for (let wx = x + 7; wx < x + width - 14; wx += 14) {
        const lit = night ? random() < 0.38 : random() < 0.1;
        const window: Rgb = lit
          ? [255, 214, 126]
          : night
            ? shade(body, 0.7)
            : mix(body, [220, 236, 250], 0.5);
        canvas.rect(wx, wy, wx + 7, wy + 9, window);
      }
    }
    x += width;
  }
  if (night)
    bokeh(
      canvas,
      random,
      [
        [255, 200, 120],
        [255, 120, 160],
        [120, 220, 230],
      ],
      14,
    );
}

export function bokeh(canvas: PortraitCanvas, random: Random, colours: readonly Rgb[], count: number): void {
  for (let i = 0; i < count; i += 1) {
    const x = random() * 512;
    const y = between(random, 260, 512);
    const r = between(random, 10, 28);
    canvas.fill(box(x - r, y - r, x + r, y + r), glow(x, y, r), pick(random, colours), 0.55);
  }
}

export function park(canvas: PortraitCanvas, random: Random, lighting: Lighting): void {
  const night = sky(canvas, lighting, 300, random);
  const leaf: Rgb = night ? [22, 46, 36] : lighting === "warmEvening" ? [96, 110, 52] : [70, 134, 64];
  for (let i = 0; i < 9; i += 1) {
    const x = between(random, -20, 532);
    const top = between(random, 120, 230);
    canvas.rect(x - 6, top + 60, x + 6, 310, shade(leaf, 0.5));
    for (let b = 0; b < 6; b += 1) {
      const r = between(random, 28, 52);
      canvas.ellipse(
        x + between(random, -40, 40),
        top + between(random, 0, 70),
        r,
        r * 0.9,
        shade(leaf, between(random, 0.75, 1.2)),
      );
    }
  }
  const grass = mix(leaf, [200, 230, 120], 0.25);
  canvas.fill(box(0, 300, 512, 512), always, vertical(grass, shade(grass, 0.75), 300, 512));
}

export function snow(canvas: PortraitCanvas, random: Random, lighting: Lighting): void {
  sky(canvas, lighting === "brightDay" ? "neutral" : lighting, 320, random);
  for (let i = 0; i < 12; i += 1) {
    const x = random() * 512;
    const h = between(random, 70, 150);
    canvas.polygon(
      [
        [x, 330 - h],
        [x - h * 0.35, 330],
        [x + h * 0.35, 330],
      ],
      [34, 70, 56],
    );
    canvas.polygon(
      [
        [x, 330 - h],
        [x - h * 0.12, 330 - h * 0.65],
        [x + h * 0.12, 330 - h * 0.65],
      ],
      [240, 244, 250],
    );
  }
  canvas.fill(box(0, 318, 512, 512), always, vertical([244, 248, 252], [214, 224, 236], 318, 512));
}

export function snowfall(canvas: PortraitCanvas, random: Random): void {
  for (let i = 0; i < 90; i += 1) {
    const r = between(random, 1.2, 3.6);
    canvas.ellipse(random() * 512, random() * 512, r, r, [255, 255, 255], 0.85);
  }
}
