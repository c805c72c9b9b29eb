import type { SeededRandom } from "./personaRandom.ts";

const NAME = String.raw`\p{Lu}\p{Ll}[\p{L}'-]*`;
/** "I'm a nurse in Hamburg, not Berlin", "I'm Jo, not Joe", "not Berlin, Hamburg". */
const RIGHT_NOT_WRONG = new RegExp(String.raw`\b(${NAME}),? (?:and )?not (${NAME})\b`, "u");
const NOT_WRONG_RIGHT = new RegExp(
  String.raw`\bnot (${NAME}),? (?:but |it's |its |it is |I'm |I am |im )?(${NAME})\b`,
  "u",
);

/** The right and the wrong words of a correction the person makes, or null when it makes none. */
export function correctionIn(text: string): { right: string; wrong: string } | null {
  const rightFirst = RIGHT_NOT_WRONG.exec(text);
  if (rightFirst) return { right: rightFirst[1]!, wrong: rightFirst[2]! };
  const wrongFirst = NOT_WRONG_RIGHT.exec(text);
  return wrongFirst ? { right: wrongFirst[2]!, wrong: wrongFirst[1]! } : null;
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
    `${correction.right}, not ${correction.wrong} — got it`,
    random.pick(["I'll remember that", "Thanks for putting me right"]),
  ];
}
