import { SMALL_NUMBERS } from "./personaNumberWords.ts";
import type { SeededRandom } from "./personaRandom.ts";

/** "His name is Léo", "her name's Rose": the name of someone the person just told of. */
const NAMED = /^\s*(?:(?:and|oh|so)[,!]?\s+)?(his|her|their|its) name(?:'s| is) (\p{Lu}[\p{L}'-]*)/u;
/** "He's six", "she's 91": their age. */
const AGED =
  /^\s*(?:(?:and|oh|so)[,!]?\s+)?(?:(?:his|her|their) name(?:'s| is) \p{Lu}[\p{L}'-]*,?\s*(?:and\s+)?)?(he|she|they)(?:'s| is|'re| are) (\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?: years old| now)?\s*(?:[.!,]|$)/iu;

/** Whether the message gives the name of someone just told of: a detail, not more of a low moment. */
export function namesSomeone(text: string): boolean {
  return NAMED.test(text);
}

/**
 * "His name is Léo, he's six", "her name is Rose", "she's 91": a name and an age told of someone
 * the person just mentioned, met warmly as a detail about them rather than as news of its own;
 * after something hard ("my grandma is in hospital"), the age is met with care. Null otherwise.
 */
export function answerNameOrAge(text: string, hard: boolean, random: SeededRandom): string[] | null {
  const name = NAMED.exec(text)?.[2];
  const aged = AGED.exec(text);
  if (!name && !aged) return null;
  const pronoun = (
    aged?.[1] ?? (NAMED.exec(text)?.[1] === "his" ? "he" : NAMED.exec(text)?.[1] === "her" ? "she" : "they")
  ).toLowerCase();
  const is = pronoun === "they" ? "are" : "is";
  const ageWord = aged?.[2]?.toLowerCase();
  const age = ageWord ? (SMALL_NUMBERS[ageWord] ?? Number(ageWord)) : null;
  const said =
    ageWord && /^\d/.test(ageWord) ? ageWord : ageWord ? ageWord[0]!.toUpperCase() + ageWord.slice(1) : "";
  const ageLine =
    age === null
      ? null
      : hard
        ? `${said} — ${pronoun} must be made of strong stuff`
        : age <= 12
          ? `${said} is such a lovely age`
          : age >= 80
            ? `${said} — what a life ${pronoun} must have had`
            : null;
  const question = hard
    ? `How ${is} ${pronoun} doing today?`
    : name
      ? random.pick([`What's ${name} like?`, `How's ${name} doing?`])
      : `What ${is} ${pronoun} like?`;
  if (name)
    return [
      `${name} — ${random.pick(["what a lovely name", "I love that name"])}`,
      ...(ageLine ? [ageLine] : []),
      question,
    ];
  return ageLine ? [ageLine, question] : null;
}
