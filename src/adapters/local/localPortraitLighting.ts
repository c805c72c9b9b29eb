import { assertNever } from "../../domain/shared/decider.ts";
import type { Lighting } from "./localPortraitScene.ts";

interface Grade {
  tint: readonly [number, number, number];
  saturation: number;
  contrast: number;
  vignette: number;
  /** A coloured wash from one corner (low sun, a street lamp). */
  glow?: { x: number; y: number; colour: readonly [number, number, number] };
}

function gradeFor(lighting: Lighting): Grade {
  switch (lighting) {
    case "neutral":
      return { tint: [1, 1, 1], saturation: 1, contrast: 1, vignette: 0.14 };
    case "brightDay":
      return { tint: [1.05, 1.04, 1], saturation: 1.06, contrast: 1.06, vignette: 0.06 };
    case "warmEvening":
      return {
        tint: [1.08, 0.95, 0.82],
        saturation: 1.05,
        contrast: 1.02,
        vignette: 0.3,
        glow: { x: 0.92, y: 0.18, colour: [46, 20, 0] },
      };
    case "coolNight":
      return {
        tint: [0.76, 0.84, 1.04],
        saturation: 0.9,
        contrast: 1.08,
        vignette: 0.4,
        glow: { x: 0.05, y: 0.3, colour: [0, 10, 34] },
      };
    case "overcast":
      return { tint: [0.96, 0.98, 1.02], saturation: 0.72, contrast: 0.95, vignette: 0.16 };
    default:
      return assertNever(lighting);
  }
}

/** Colour-grades rows of an RGBA picture in place for the scene's light. */
export function gradeRows(
  rgba: Uint8Array,
  size: number,
  lighting: Lighting,
  from: number,
  to: number,
): void {
  const grade = gradeFor(lighting);
  const [tr, tg, tb] = grade.tint;
  for (let y = from; y < to; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const at = (y * size + x) * 4;
      let r = rgba[at]! * tr;
      let g = rgba[at + 1]! * tg;
      let b = rgba[at + 2]! * tb;
      const grey = 0.299 * r + 0.587 * g + 0.114 * b;
      r = grey + (r - grey) * grade.saturation;
      g = grey + (g - grey) * grade.saturation;
      b = grey + (b - grey) * grade.saturation;
      r = 128 + (r - 128) * grade.contrast;
      g = 128 + (g - 128) * grade.contrast;
      b = 128 + (b - 128) * grade.contrast;
      const dx = x / size - 0.5;
      const dy = y / size - 0.45;
      const v = 1 - grade.vignette * Math.min(1, (dx * dx + dy * dy) * 2.2);
      let wash = 0;
      if (grade.glow)
        wash = Math.max(0, 1 - Math.hypot(x / size - grade.glow.x, y / size - grade.glow.y) * 1.3);
      rgba[at] = Math.max(0, Math.min(255, r * v + (grade.glow?.colour[0] ?? 0) * wash));
      rgba[at + 1] = Math.max(0, Math.min(255, g * v + (grade.glow?.colour[1] ?? 0) * wash));
      rgba[at + 2] = Math.max(0, Math.min(255, b * v + (grade.glow?.colour[2] ?? 0) * wash));
    }
  }
}
