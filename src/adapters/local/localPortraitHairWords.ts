import { defaultHairColours, hairColours, type Rgb } from "./localPortraitPalette.ts";
import { pick, type Random } from "./localPortraitRandom.ts";
import {
  HAIR_NOUNS,
  HAIR_ONLY_COLOURS,
  type HairLength,
  type HairStyle,
  LENGTHS,
  STANDALONE_HAIRDOS,
  STYLES,
} from "./localPortraitVocabulary.ts";
import { colourBefore, has, nounsAt, wordBefore } from "./localPortraitWords.ts";

export interface HairTrait {
  colour: Rgb;
  length: HairLength;
  style: HairStyle;
  bangs: boolean;
  parting: -1 | 1;
}

/** The hair the prompt describes; what it leaves open leans on the person's other hints, then the seed. */
export function hairOf(
  tokens: string[],
  random: Random,
  hints: { feminine: boolean; masculine: boolean; older: boolean },
): HairTrait {
  const hairAt = nounsAt(tokens, HAIR_NOUNS);
  const described = <T>(table: Record<string, T>): T | undefined => {
    for (const at of hairAt) {
      const word = table[tokens[at]!] !== undefined ? tokens[at] : wordBefore(tokens, at, Object.keys(table));
      if (word) return table[word];
    }
    const standalone = tokens.find((t) => STANDALONE_HAIRDOS.includes(t) && table[t] !== undefined);
    return standalone ? table[standalone] : undefined;
  };
  const stated = hairAt.map((at) => colourBefore(tokens, at, hairColours)).find(Boolean)?.colour;
  const loose = tokens.find((t) => HAIR_ONLY_COLOURS.includes(t));
  const colour =
    stated ??
    (loose ? hairColours[loose]! : hints.older ? hairColours.silver! : pick(random, defaultHairColours));
  const style = described(STYLES) ?? pick(random, ["straight", "straight", "wavy", "curly"] as const);
  const fallbackLength =
    style === "afro" || style === "bun" || style === "ponytail"
      ? "medium"
      : hints.masculine
        ? pick(random, ["short", "short", "buzz", "medium"] as const)
        : hints.feminine
          ? pick(random, ["long", "long", "medium"] as const)
          : pick(random, ["short", "medium", "long"] as const);
  const length = described(LENGTHS) ?? fallbackLength;
  const bangs = has(tokens, "bangs", "fringe") || (length !== "long" && random() < 0.3);
  return { colour, length, style, bangs, parting: random() < 0.5 ? -1 : 1 };
}
