import { type HairTrait, hairOf } from "./localPortraitHairWords.ts";
import { type HeadwearTrait, headwearOf } from "./localPortraitHeadwearWords.ts";
import {
  clothingColours,
  defaultClothingColours,
  defaultEyeColours,
  defaultSkinTones,
  eyeColours,
  hairColours,
  mix,
  type Rgb,
  skinTones,
} from "./localPortraitPalette.ts";
import { between, hashText, pick, type Random, seededRandom } from "./localPortraitRandom.ts";
import {
  CLOTHES,
  type Clothing,
  FEMININE,
  HAIR_NOUNS,
  MASCULINE,
  OLDER,
  YOUNGER,
} from "./localPortraitVocabulary.ts";
import { colourBefore, has, nounsAt, statedAge, words } from "./localPortraitWords.ts";

export type { Clothing, HairLength, HairStyle, Headwear } from "./localPortraitVocabulary.ts";
export type Beard = "none" | "stubble" | "moustache" | "goatee" | "full";
export type FaceShape = "oval" | "round" | "square" | "heart";
export type AgeHint = "young" | "adult" | "older";

export interface Proportions {
  faceWidth: number;
  eyeSpacing: number;
  eyeSize: number;
  nose: number;
  mouth: number;
  brow: number;
}

export interface PortraitTraits {
  hair: HairTrait;
  eyeColour: Rgb;
  skin: Rgb;
  lips: Rgb;
  glasses: "none" | "clear" | "sun";
  frameColour: Rgb;
  freckles: boolean;
  beard: Beard;
  /** A beard's own colour when the prompt names one ("a grey beard"); else the hair's. */
  beardColour: Rgb | null;
  headwear: HeadwearTrait;
  earrings: "none" | "studs" | "hoops";
  clothing: { kind: Clothing; colour: Rgb };
  age: AgeHint;
  faceShape: FaceShape;
  /** Small seeded differences that make one face this face. */
  proportions: Proportions;
}

const FRAMES: readonly Rgb[] = [
  [30, 28, 30],
  [92, 56, 34],
  [186, 150, 80],
  [60, 64, 80],
];

/** Reads an appearance prompt; whatever it leaves open is chosen by the seed, the same each time. */
export function parseAppearance(prompt: string, seed: number): PortraitTraits {
  const tokens = words(prompt);
  const random = seededRandom(seed ^ hashText("traits"));
  const feminine = has(tokens, ...FEMININE);
  const masculine = !feminine && has(tokens, ...MASCULINE);
  const age = ageOf(prompt, tokens);
  const hair = hairOf(tokens, random, { feminine, masculine, older: age === "older" });
  const eyes = nounsAt(tokens, ["eyes", "eyed"])
    .map((at) => colourBefore(tokens, at, eyeColours))
    .find(Boolean);
  const skin = skinOf(tokens) ?? pick(random, defaultSkinTones);
  const proportions: Proportions = {
    faceWidth: between(random, 0.92, 1.08),
    eyeSpacing: between(random, 0.92, 1.1),
    eyeSize: between(random, 0.9, 1.12),
    nose: between(random, 0.85, 1.2),
    mouth: between(random, 0.85, 1.15),
    brow: between(random, -0.12, 0.12),
  };
  return {
    hair,
    eyeColour: eyes?.colour ?? pick(random, defaultEyeColours),
    skin,
    lips: feminine ? mix(skin, [196, 84, 96], 0.45) : mix(skin, [170, 92, 86], 0.3),
    glasses: has(tokens, "sunglasses", "shades")
      ? "sun"
      : has(tokens, "glasses", "spectacles", "eyeglasses", "specs")
        ? "clear"
        : "none",
    frameColour: pick(random, FRAMES),
    freckles: has(tokens, "freckles", "freckled", "freckly"),
    beard: beardOf(tokens),
    beardColour:
      nounsAt(tokens, ["beard", "moustache", "mustache", "goatee", "stubble"])
        .map((at) => colourBefore(tokens, at, hairColours))
        .find(Boolean)?.colour ?? null,
    headwear: headwearOf(tokens, random),
    earrings: has(tokens, "hoops", "hoop")
      ? "hoops"
      : has(tokens, "earrings", "earring", "studs")
        ? "studs"
        : "none",
    clothing: clothingOf(tokens, random),
    age,
    faceShape: faceShapeOf(tokens) ?? pick(random, ["oval", "oval", "round", "square", "heart"] as const),
    proportions,
  };
}

function ageOf(prompt: string, tokens: string[]): AgeHint {
  const years = statedAge(prompt);
  if (years !== undefined) return years < 27 ? "young" : years >= 50 ? "older" : "adult";
  if (has(tokens, ...OLDER)) return "older";
  if (has(tokens, ...YOUNGER)) return "young";
  return "adult";
}

function beardOf(tokens: string[]): PortraitTraits["beard"] {
  if (has(tokens, "clean shaven", "beardless")) return "none";
  if (has(tokens, "beard", "bearded", "beards")) return "full";
  if (has(tokens, "goatee")) return "goatee";
  if (has(tokens, "moustache", "mustache", "handlebar", "moustached")) return "moustache";
  if (has(tokens, "stubble", "scruffy", "five o clock shadow", "unshaven", "stubbly")) return "stubble";
  return "none";
}

function faceShapeOf(tokens: string[]): FaceShape | undefined {
  if (has(tokens, "round face", "chubby", "round cheeks")) return "round";
  if (has(tokens, "square jaw", "strong jaw", "chiseled", "angular", "square face")) return "square";
  if (has(tokens, "heart shaped", "heart face")) return "heart";
  if (has(tokens, "oval face")) return "oval";
  return undefined;
}

/** Skin words that rarely describe anything else in a portrait prompt, so they count without a noun. */
const LOOSE_SKIN_WORDS = ["pale", "fair", "porcelain", "tanned", "olive"];
const NOT_SKIN_AFTER = new Set([...HAIR_NOUNS, ...Object.keys(CLOTHES), "eyes", "eyed", "brown", "blonde"]);

function skinOf(tokens: string[]): Rgb | undefined {
  const named = nounsAt(tokens, ["skin", "skinned", "complexion"])
    .map((at) => colourBefore(tokens, at, skinTones))
    .find(Boolean);
  if (named) return named.colour;
  const loose = tokens.findIndex(
    (t, i) => LOOSE_SKIN_WORDS.includes(t) && !NOT_SKIN_AFTER.has(tokens[i + 1] ?? ""),
  );
  return loose >= 0 ? skinTones[tokens[loose]!] : undefined;
}

function clothingOf(tokens: string[], random: Random): PortraitTraits["clothing"] {
  const colour = pick(random, defaultClothingColours);
  const kind = pick(random, ["tshirt", "sweater", "shirt", "jacket", "hoodie"] as const);
  // Of several garments, the one the prompt gives a colour is the one that shows ("a wetsuit top under a denim shirt").
  const garments = tokens.flatMap((t, i) => (CLOTHES[t] !== undefined ? [i] : []));
  const at = garments.find((i) => colourBefore(tokens, i, clothingColours)) ?? garments[0] ?? -1;
  if (at < 0) return { kind, colour };
  const named = colourBefore(tokens, at, clothingColours)?.colour;
  const leather: Rgb | undefined = tokens.slice(Math.max(0, at - 3), at).includes("leather")
    ? [44, 36, 34]
    : undefined;
  return { kind: CLOTHES[tokens[at]!]!, colour: named ?? leather ?? colour };
}
