import type { View } from "./localPortraitCanvas.ts";
import { between, hashText, pick, seededRandom } from "./localPortraitRandom.ts";
import type { Expression, SceneTraits } from "./localPortraitScene.ts";

/**
 * How the person sits in this picture: where in the frame, how close, with what expression. It
 * comes from the job's seed, so a regenerated base portrait or the next selfie is a new take of
 * the same face, while the same job always draws the same picture.
 */
export interface Pose {
  /** Offsets and scale applied to the framing's view, in 512-unit picture coordinates. */
  dx: number;
  dy: number;
  zoom: number;
  expression: Expression;
}

export function poseFor(kind: "basePortrait" | "variation", seed: number, scene: SceneTraits): Pose {
  const random = seededRandom(seed ^ hashText("pose"));
  const reach = kind === "basePortrait" ? 30 : 24;
  const dx = between(random, -reach, reach);
  const dy = between(random, -12, 12);
  const zoom = between(random, 0.94, 1.07);
  // A base portrait is a sitting with its own expression; a selfie keeps the one its scene asks for.
  const expression =
    kind === "basePortrait"
      ? pick(random, ["softSmile", "smile", "grin", "neutral"] as const)
      : scene.expression === "softSmile"
        ? pick(random, ["softSmile", "smile"] as const)
        : scene.expression;
  return { dx, dy, zoom, expression };
}

/** The framing's view moved and scaled for the pose, around the figure's head. */
export function posedView(view: View, pose: Pose): View {
  return { ox: view.ox + pose.dx, oy: view.oy + pose.dy, zoom: view.zoom * pose.zoom };
}
