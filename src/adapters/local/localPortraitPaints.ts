import { assertNever } from "../../domain/shared/decider.ts";
import type { Paint, Shape } from "./localPortraitCanvas.ts";
import { mix, type Rgb } from "./localPortraitPalette.ts";
import type { Lighting } from "./localPortraitScene.ts";
import { full } from "./localPortraitShapes.ts";

/** Top-to-bottom blend between y0 and y1. */
export const vertical =
  (top: Rgb, bottom: Rgb, y0: number, y1: number): Paint =>
  (_x, y) =>
    mix(top, bottom, Math.max(0, Math.min(1, (y - y0) / (y1 - y0))));

/** A colour that darkens away from a centre, like light falling on a backdrop. */
export const radial =
  (centre: Rgb, edge: Rgb, cx: number, cy: number, radius: number): Paint =>
  (x, y) =>
    mix(centre, edge, Math.min(1, Math.hypot(x - cx, y - cy) / radius));

/** A soft disc: full at the centre, fading to nothing at `r` (lamps, bokeh, sun haze). */
export const glow =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) => {
    const d = Math.hypot(x - cx, y - cy) / r;
    return d >= 1 ? 0 : (1 - d) * (1 - d);
  };

export const always: Shape = full;

export function skyFor(lighting: Lighting): { top: Rgb; horizon: Rgb; night: boolean } {
  switch (lighting) {
    case "brightDay":
      return { top: [96, 160, 228], horizon: [196, 224, 246], night: false };
    case "neutral":
      return { top: [132, 176, 220], horizon: [210, 226, 240], night: false };
    case "overcast":
      return { top: [150, 160, 172], horizon: [196, 200, 206], night: false };
    case "warmEvening":
      return { top: [92, 82, 150], horizon: [252, 170, 104], night: false };
    case "coolNight":
      return { top: [12, 18, 48], horizon: [44, 52, 100], night: true };
    default:
      return assertNever(lighting);
  }
}
