import { has, words } from "./localPortraitWords.ts";

export type Background =
  | "studio"
  | "beach"
  | "city"
  | "cafe"
  | "park"
  | "bedroom"
  | "office"
  | "rain"
  | "snow";
export type Framing = "closeUp" | "portrait" | "halfBody";
export type Lighting = "neutral" | "warmEvening" | "coolNight" | "brightDay" | "overcast";
export type Expression = "softSmile" | "smile" | "grin" | "neutral" | "sleepy";

export interface SceneTraits {
  background: Background;
  framing: Framing;
  lighting: Lighting;
  expression: Expression;
}

/** Checked in order: a rainy street is rain before it is city, a beach café is a beach. */
const BACKGROUND_WORDS: [Background, string[]][] = [
  ["rain", ["rain", "rainy", "raining", "umbrella", "storm", "drizzle"]],
  ["snow", ["snow", "snowy", "winter", "ski", "skiing", "snowing"]],
  ["beach", ["beach", "sea", "ocean", "seaside", "shore", "waves", "sand", "coast", "surf"]],
  ["bedroom", ["bed", "bedroom", "pyjamas", "pajamas", "couch", "sofa", "living room", "home"]],
  ["office", ["office", "desk", "meeting", "laptop", "work", "coworking", "studio apartment"]],
  ["cafe", ["cafe", "coffee", "bar", "restaurant", "bistro", "pub", "brunch", "dinner"]],
  ["park", ["park", "garden", "forest", "trees", "picnic", "outdoors", "hike", "hiking", "meadow"]],
  ["city", ["city", "street", "downtown", "skyline", "rooftop", "neon", "town", "nyc"]],
];

const NIGHT = ["night", "midnight", "moon", "moonlight", "neon", "late", "nighttime", "stars"];
const EVENING = ["sunset", "golden hour", "evening", "dusk", "candle", "candlelight", "cozy", "cosy", "warm"];
const DAY = ["day", "sunny", "morning", "noon", "afternoon", "bright", "sunshine", "daylight", "daytime"];

const DEFAULT_LIGHTING: Record<Background, Lighting> = {
  studio: "neutral",
  beach: "brightDay",
  city: "brightDay",
  cafe: "warmEvening",
  park: "brightDay",
  bedroom: "warmEvening",
  office: "neutral",
  rain: "overcast",
  snow: "brightDay",
};

/**
 * A variation's scene prompt read for where, how close and in what light. A base portrait is a
 * head-and-shoulders picture on a plain backdrop whatever its prompt says.
 */
export function parseScene(prompt: string, kind: "basePortrait" | "variation"): SceneTraits {
  if (kind === "basePortrait") {
    return { background: "studio", framing: "portrait", lighting: "neutral", expression: "softSmile" };
  }
  const tokens = words(prompt);
  const background = BACKGROUND_WORDS.find(([, list]) => has(tokens, ...list))?.[0] ?? "studio";
  const lighting: Lighting = has(tokens, ...NIGHT)
    ? "coolNight"
    : has(tokens, ...EVENING)
      ? "warmEvening"
      : has(tokens, ...DAY)
        ? "brightDay"
        : DEFAULT_LIGHTING[background];
  const framing: Framing = has(tokens, "close up", "closeup", "selfie", "headshot", "face", "zoomed")
    ? "closeUp"
    : has(tokens, "half body", "waist", "full body", "outfit", "standing", "whole", "wide")
      ? "halfBody"
      : "portrait";
  const expression: Expression = has(tokens, "laughing", "laugh", "grinning", "grin", "excited")
    ? "grin"
    : has(tokens, "tired", "sleepy", "yawning", "yawn", "exhausted")
      ? "sleepy"
      : has(tokens, "serious", "neutral", "pensive", "thoughtful")
        ? "neutral"
        : has(tokens, "smile", "smiling", "happy", "cheerful")
          ? "smile"
          : "softSmile";
  return { background, framing, lighting, expression };
}
