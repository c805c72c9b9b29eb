import { mayBeFirstName } from "./firstName.ts";

/**
 * Where someone tells several things in one breath without a second subject: "I'm Lukas from
 * Vienna" gives a name and a home town, "originally from Porto but living in Lisbon now" two places
 * with the "I" left out. The rules read one statement with a subject at a time, so such clauses are
 * spelt out first.
 */

/** How a place is told when the subject is left out: "from Vienna", "living in Lisbon now". */
export const PLACE_FRAGMENT =
  "(?:(?:originally|born and (?:raised|bred)|now|currently|also) )?(?:from|based in|living in|settled in)\\b";

const SUBJECTLESS_PLACE = new RegExp(`^(?:originally |now |currently )?${PLACE_FRAGMENT}`, "i");
/** "living in Lisbon is expensive" says something about Lisbon, not about where the person lives. */
const OWN_VERB = /\b(?:is|are|was|were|has|have|sucks|seems|looks|feels)\b/i;

const NAME_THEN_PLACE = new RegExp(`^(?:I'm|I am) (\\p{L}[\\p{L}'-]*),? (?=${PLACE_FRAGMENT})(.+)$`, "iu");

/** The clause as the statements it makes, each with its subject. */
export function spelledOut(clause: string): string[] {
  const introduced = NAME_THEN_PLACE.exec(clause);
  if (introduced) {
    const name = capitalised(introduced[1]!);
    if (mayBeFirstName(name)) return [`I'm ${name}`, `I'm ${introduced[2]!}`];
  }
  if (SUBJECTLESS_PLACE.test(clause) && !OWN_VERB.test(clause)) {
    return [`I'm ${clause.charAt(0).toLowerCase()}${clause.slice(1)}`];
  }
  return [clause];
}

/** "my name's ana": a name written in lower case, as people often do in chat, or null. */
export function lowerCaseName(word: string): string | null {
  const name = capitalised(word);
  return mayBeFirstName(name) ? name : null;
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
