import type { SeededRandom } from "./personaRandom.ts";

const NAME = String.raw`\p{Lu}\p{Ll}[\p{L}'-]*`;
/** "I'm a nurse in Hamburg, not Berlin", "I'm Jo, not Joe", "not Berlin, Hamburg". */
const RIGHT_NOT_WRONG = new RegExp(String.raw`\b(${NAME}),? (?:and )?not (${NAME})\b`, "u");
const NOT_WRONG_RIGHT = new RegExp(
  String.raw`\bnot (${NAME}),? (?:but |it's |its |it is |I'm |I am |im )?(${NAME})\b`,
  "u",
);

/** "I meant", "correction:", "no wait": the person says outright that what follows puts something right. */
export const correctionCue =
  /\b(?:I meant|meant to say|correction\b|no wait|wait no|sorry,? (?:I meant|not)|I mixed (?:it |them |that )?up|I got (?:it|that) wrong)/i;
const WORD = String.raw`(?:\p{L}[\p{L}'-]*|\d+)`;
/** "I meant grandma, not grandpa", "Chloé is 8 not 7": with a cue, plain words and numbers are corrected too. */
const CUED_RIGHT_NOT_WRONG = new RegExp(
  String.raw`(${WORD}),? (?:and )?not (?:a |an |the |my |your )?(${WORD})(?!\p{L})`,
  "iu",
);

/** The right and the wrong words of a correction the person makes, or null when it makes none. */
export function correctionIn(text: string): { right: string; wrong: string } | null {
  const rightFirst = RIGHT_NOT_WRONG.exec(text);
  if (rightFirst) return { right: rightFirst[1]!, wrong: rightFirst[2]! };
  const wrongFirst = NOT_WRONG_RIGHT.exec(text);
  if (wrongFirst) return { right: wrongFirst[2]!, wrong: wrongFirst[1]! };
  const cued = correctionCue.test(text) ? CUED_RIGHT_NOT_WRONG.exec(text) : null;
  return cued ? { right: cued[1]!, wrong: cued[2]! } : null;
}

/** Names the person has since corrected ("…in Hamburg, not Berlin" → Berlin): older facts naming them are out of date. */
export function correctedNames(texts: readonly string[]): Set<string> {
  return new Set(texts.flatMap((text) => correctionIn(text)?.wrong ?? []));
}

/** Whether a fact still says what the person has since corrected. */
export function saysCorrected(text: string, corrected: ReadonlySet<string>): boolean {
  return [...corrected].some(
    (wrong) =>
      new RegExp(`\\b${wrong}\\b`, "u").test(text) && !new RegExp(`\\bnot ${wrong}\\b`, "u").test(text),
  );
}

/** "Actually I'm in Hamburg, not Berlin": the correction, taken without fuss. */
export function acknowledgeCorrection(text: string, random: SeededRandom): string[] | null {
  const correction = correctionIn(text);
  if (!correction) return null;
  return [
    `${correction.right.charAt(0).toUpperCase()}${correction.right.slice(1)}, not ${correction.wrong} — got it`,
    random.pick(["I'll remember that", "Thanks for putting me right"]),
  ];
}
