import { clothingColours, defaultClothingColours, type Rgb } from "./localPortraitPalette.ts";
import { pick, type Random } from "./localPortraitRandom.ts";
import { HAIR_NOUNS, HEADWEAR, type Headwear } from "./localPortraitVocabulary.ts";
import { colourBefore } from "./localPortraitWords.ts";

const DEFAULT_COLOURS: Partial<Record<Headwear, readonly Rgb[]>> = {
  flatCap: [clothingColours.tweed!, clothingColours.charcoal!, clothingColours.brown!],
  hat: [
    [70, 60, 56],
    [222, 196, 130],
  ],
};

export interface HeadwearTrait {
  kind: Headwear;
  colour: Rgb;
  wordAt: number;
}

/** The headwear a prompt names ("a grey flat cap", "red beanie"), its colour named or chosen. */
export function headwearOf(tokens: readonly string[], random: Random): HeadwearTrait {
  const joined = ` ${tokens.join(" ")} `;
  for (const [phrase, kind] of HEADWEAR) {
    const at = joined.indexOf(` ${phrase} `);
    if (at < 0) continue;
    const before = joined.slice(0, at).trim();
    const index = before ? before.split(" ").length : 0;
    const last = index + phrase.split(" ").length - 1;
    const named = colourJustBefore(tokens, index);
    const straw: Rgb | undefined =
      phrase === "straw hat" || phrase === "panama" ? [222, 196, 130] : undefined;
    const colour = named?.colour ?? straw ?? pick(random, DEFAULT_COLOURS[kind] ?? defaultClothingColours);
    return { kind, colour, wordAt: last };
  }
  return { kind: "none", colour: [0, 0, 0], wordAt: -1 };
}

const NOT_ABOUT_THE_HAT = new Set([
  ",",
  "a",
  "an",
  "the",
  "in",
  "on",
  "and",
  "wearing",
  "with",
  ...HAIR_NOUNS,
]);

/** A colour among the words right before the headwear, not one that belongs to the hair before them. */
function colourJustBefore(tokens: readonly string[], at: number) {
  let from = at;
  while (from > 0 && !NOT_ABOUT_THE_HAT.has(tokens[from - 1]!) && at - from < 3) from--;
  return colourBefore(tokens.slice(from, at + 1), at - from, clothingColours);
}
