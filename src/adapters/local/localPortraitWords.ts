import type { Rgb } from "./localPortraitPalette.ts";

/** A prompt as lower-case words, with punctuation kept as "," so look-backs stop at clause ends. */
export function words(prompt: string): string[] {
  return prompt
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\bt-shirt\b|\bt shirt\b/g, "tshirt")
    .replace(/[.;:!?()]|\band\b|\bwith\b|\bbut\b/g, " , ")
    .replace(/,/g, " , ")
    .replace(/[^a-z0-9,\s]/g, " ")
    .split(/\s+/)
    .filter(Boolean);
}

export const has = (tokens: readonly string[], ...candidates: string[]) =>
  candidates.some((candidate) =>
    candidate.includes(" ") ? tokens.join(" ").includes(candidate) : tokens.includes(candidate),
  );

/** Indexes of tokens that are one of the nouns. */
export const nounsAt = (tokens: readonly string[], nouns: readonly string[]) =>
  tokens.flatMap((token, i) => (nouns.includes(token) ? [i] : []));

/**
 * The colour named just before a noun ("long wavy auburn hair", "a dark brown leather jacket"):
 * looks back up to four words, two-word names first, never across a clause.
 */
export function colourBefore(tokens: readonly string[], nounAt: number, table: Record<string, Rgb>) {
  for (let j = nounAt - 1; j >= Math.max(0, nounAt - 4); j -= 1) {
    if (tokens[j] === ",") return undefined;
    const pair = j > 0 ? `${tokens[j - 1]} ${tokens[j]}` : "";
    if (pair && table[pair]) return { name: pair, colour: table[pair] };
    const single = table[tokens[j]!];
    if (single) return { name: tokens[j]!, colour: single };
  }
  return undefined;
}

/** The first of `candidates` within four words before a noun, in the same clause. */
export function wordBefore(tokens: readonly string[], nounAt: number, candidates: readonly string[]) {
  for (let j = nounAt - 1; j >= Math.max(0, nounAt - 4); j -= 1) {
    if (tokens[j] === ",") return undefined;
    if (candidates.includes(tokens[j]!)) return tokens[j];
  }
  return undefined;
}

/** An age in years from "28-year-old", "aged 40" or "in her 30s", when the prompt states one. */
export function statedAge(prompt: string): number | undefined {
  const text = prompt.toLowerCase();
  const years =
    /\b(\d{1,2})\s*(?:-|\s)?\s*(?:years?|yrs?|yo)\b/.exec(text) ?? /\baged?\s+(\d{1,2})\b/.exec(text);
  if (years) return Number(years[1]);
  const decade = /\b(?:early|mid|late)?\s*-?\s*(\d)0s\b/.exec(text);
  return decade ? Number(decade[1]) * 10 + 4 : undefined;
}
