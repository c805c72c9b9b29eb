import { PNG } from "pngjs";
import { drawEarrings, drawGlasses } from "./localPortraitAccessories.ts";
import { drawBody } from "./localPortraitBody.ts";
import { PortraitCanvas, type View } from "./localPortraitCanvas.ts";
import { drawBrows, drawEyes, drawMouth, drawNose } from "./localPortraitFeatures.ts";
import { drawHairBack, drawHairFront } from "./localPortraitHair.ts";
import {
  drawAgeLines,
  drawBeard,
  drawFace,
  drawFreckles,
  drawNeck,
  headGeometry,
} from "./localPortraitHead.ts";
import { drawHeadwear } from "./localPortraitHeadwear.ts";
import { bedroom, cafe, office, rain, rainfall } from "./localPortraitInteriors.ts";
import { gradeRows } from "./localPortraitLighting.ts";
import { beach, city, park, snow, snowfall, studio } from "./localPortraitOutdoors.ts";
import { posedView, poseFor } from "./localPortraitPose.ts";
import { hashText, type Random, seededRandom } from "./localPortraitRandom.ts";
import {
  type Background,
  type Framing,
  type Lighting,
  parseScene,
  type SceneTraits,
} from "./localPortraitScene.ts";
import { type PortraitTraits, parseAppearance } from "./localPortraitTraits.ts";

export interface PortraitRequest {
  kind: "basePortrait" | "variation";
  /** Whose face this is (the agent id): with the appearance prompt it fixes the face. */
  subjectKey: string;
  appearancePrompt: string;
  /** The scene of a variation; ignored for a base portrait. */
  scenePrompt: string;
  seed: number;
  size?: number;
  /** Samples per pixel along each axis: 2 (the default) already gives smooth edges. */
  supersample?: number;
}

export interface PortraitPlan {
  size: number;
  traits: PortraitTraits;
  scene: SceneTraits;
  /** Where the figure is drawn: picture point = origin + figure point × zoom (512 units across). */
  view: View;
  canvas: PortraitCanvas;
  /** Drawing in order, in pieces small enough to run between other work. */
  steps: (() => void)[];
}

const VIEWS: Record<Framing, View> = {
  portrait: { ox: 256, oy: 218, zoom: 1 },
  closeUp: { ox: 256, oy: 246, zoom: 1.48 },
  halfBody: { ox: 256, oy: 150, zoom: 0.62 },
};

export const faceSeed = (subjectKey: string, appearancePrompt: string) =>
  hashText(`${subjectKey}\n${appearancePrompt.trim().toLowerCase()}`);

/** Every background has a painter; the Record's type makes a missing one a compile error. */
const BACKGROUNDS: Record<Background, (canvas: PortraitCanvas, random: Random, lighting: Lighting) => void> =
  {
    studio: (canvas, random) => studio(canvas, random),
    beach,
    city,
    park,
    snow,
    cafe,
    bedroom,
    office,
    rain: (canvas, random) => rain(canvas, random),
  };

export function planPortrait(request: PortraitRequest): PortraitPlan {
  const size = request.size ?? 512;
  const seed = faceSeed(request.subjectKey, request.appearancePrompt);
  const traits = parseAppearance(request.appearancePrompt, seed);
  const parsed = parseScene(request.scenePrompt, request.kind);
  const pose = poseFor(request.kind, request.seed, parsed);
  const scene: SceneTraits = { ...parsed, expression: pose.expression };
  const view = posedView(VIEWS[scene.framing], pose);
  const canvas = new PortraitCanvas(size, request.supersample ?? 2);
  const sceneRandom = seededRandom(hashText(request.scenePrompt) ^ request.seed ^ seed);
  const faceRandom = seededRandom(seed);
  const head = headGeometry(traits);
  const figure = (draw: () => void) => () => {
    canvas.setView(view);
    draw();
    canvas.setView(null);
  };
  const steps = [
    () => BACKGROUNDS[scene.background](canvas, sceneRandom, scene.lighting),
    figure(() => drawHairBack(canvas, traits, head)),
    figure(() => drawNeck(canvas, traits, head)),
    figure(() => drawBody(canvas, traits)),
    figure(() => drawFace(canvas, traits, head)),
    figure(() => {
      if (traits.freckles) drawFreckles(canvas, traits, faceRandom);
      drawAgeLines(canvas, traits, head);
      drawBeard(canvas, traits, head, faceRandom);
    }),
    figure(() => {
      drawEyes(canvas, traits, head, scene.expression);
      drawBrows(canvas, traits, head);
      drawNose(canvas, traits);
      drawMouth(canvas, traits, head, scene.expression);
    }),
    figure(() => {
      drawHairFront(canvas, traits, head);
      drawHeadwear(canvas, traits, head);
    }),
    figure(() => {
      drawEarrings(canvas, traits, head);
      drawGlasses(canvas, traits, head);
    }),
    () => {
      if (scene.background === "rain") rainfall(canvas, sceneRandom);
      if (scene.background === "snow") snowfall(canvas, sceneRandom);
    },
  ];
  return { size, traits, scene, view, canvas, steps };
}

/** Averages the fine grid down (each `scale`² block to one pixel) and grades it for the light. */
export function finishRows(plan: PortraitPlan, into: Uint8Array, from: number, to: number): void {
  const { scale, span, samples, size } = plan.canvas;
  const area = scale * scale;
  for (let py = from; py < to; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let dy = 0; dy < scale; dy += 1) {
        for (let dx = 0, at = ((py * scale + dy) * span + px * scale) * 3; dx < scale; dx += 1, at += 3) {
          r += samples[at]!;
          g += samples[at + 1]!;
          b += samples[at + 2]!;
        }
      }
      const out = (py * size + px) * 4;
      into[out] = r / area;
      into[out + 1] = g / area;
      into[out + 2] = b / area;
      into[out + 3] = 255;
    }
  }
  gradeRows(into, size, plan.scene.lighting, from, to);
}

export function encodePng(rgba: Uint8Array, size: number): Buffer {
  const png = new PNG({ width: size, height: size });
  png.data = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  return PNG.sync.write(png, { colorType: 2, inputHasAlpha: true, filterType: 4 });
}

/** The whole picture at once, for callers that may block (benchmarks, scripts). */
export function drawPortraitPng(request: PortraitRequest): Buffer {
  const plan = planPortrait(request);
  for (const step of plan.steps) step();
  const rgba = new Uint8Array(plan.size * plan.size * 4);
  finishRows(plan, rgba, 0, plan.size);
  return encodePng(rgba, plan.size);
}
