import type { SeededRandom } from "./personaRandom.ts";
import { capitalize } from "./personaTyping.ts";

const RELATION =
  "(?:(?:little|big|older|younger|twin|best) )?(?:sister|brother|mum|mom|mother|dad|father|parents|friend|partner|boyfriend|girlfriend|husband|wife|son|daughter|cousin|aunt|uncle|grandma|grandmother|grandpa|grandfather|niece|nephew|roommate|flatmate)";

/** "My sister Lena lives in Porto", "my brother works at a bank": where someone close lives or works. */
const RELATIVE_FACT = new RegExp(
  `^\\s*[Mm]y (${RELATION})(?:,? (\\p{Lu}[\\p{L}'’-]+),?)? (lives? in|moved to|works? (?:at|as|in|for|from)|(?:is|are) studying|stud(?:ies|y)) ([^,.!?;]+?)\\s*[.!]*$`,
  "u",
);

/** "My sister Clara is visiting next week", "my mum is coming to stay with us". */
const RELATIVE_VISIT = new RegExp(
  `^\\s*[Mm]y (${RELATION})(?:,? (\\p{Lu}[\\p{L}'’-]+),?)? (?:is|are) (?:visiting|coming (?:over|to (?:visit|stay)|for a visit)|coming|flying in|staying with (?:me|us))\\b`,
  "u",
);

const HER = /(?:sister|mum|mom|mother|girlfriend|wife|daughter|aunt|grandma|grandmother|niece)$/;
const HIM = /(?:brother|dad|father|boyfriend|husband|son|uncle|grandpa|grandfather|nephew)$/;

/**
 * What the person told about someone close taken up in the agent's own words, with one question
 * about that person: "My sister Lena lives in Porto" → "Lena in Porto — how lovely. Do you get to
 * see her often?". Null when the sentence is not of that shape.
 */
export function takeUpRelativeFact(
  quote: string,
  random: SeededRandom,
  knownName: (relation: string) => string | null = () => null,
): string[] | null {
  const visit = RELATIVE_VISIT.exec(quote);
  if (visit) {
    const [, relation, name] = visit as unknown as [string, string, string | undefined];
    const who = name ?? knownName(relation) ?? `your ${relation}`;
    const Who = capitalize(who);
    const are = relation === "parents" ? "are" : "is";
    return [
      random.pick([`${Who} ${are} coming? How lovely`, `Oh, how nice that ${who} ${are} coming`]),
      random.pick(["What are you planning to do together?", "How long will the visit be?"]),
    ];
  }
  const match = RELATIVE_FACT.exec(quote);
  if (!match) return null;
  const [, relation, name, verb, rest] = match as unknown as [
    string,
    string,
    string | undefined,
    string,
    string,
  ];
  const who = name ?? `your ${relation}`;
  const Who = capitalize(who);
  const them = HER.test(relation) ? "her" : HIM.test(relation) ? "him" : "them";
  const does = them === "them" ? "do" : "does";
  // "Berlin last year" is a place and a time; the remark names the place alone.
  const place = /^\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*)*/u.exec(rest)?.[0];
  const home = /^(?:lives? in|moved to)$/.test(verb);
  if (place && home)
    return [
      random.pick([`${Who} in ${place} — how lovely`, `Oh, ${who} in ${place}! I like that`]),
      random.pick([`Do you get to see ${them} often?`, `Have you visited ${them} there?`]),
    ];
  if (verb.startsWith("work") || home)
    return [
      `${Who} ${verb} ${rest} — good to know`,
      /^works? (?:at|in|for)$/.test(verb)
        ? random.pick([
            `${capitalize(does)} ${pronoun(them)} like it?`,
            `How long ${them === "them" ? "have" : "has"} ${pronoun(them)} been there?`,
          ])
        : `${capitalize(does)} ${pronoun(them)} like it?`,
    ];
  return [
    `${Who} ${verb} ${rest} — good for ${them}`,
    `How ${them === "them" ? "are they" : `is ${pronoun(them)}`} finding it?`,
  ];
}

const pronoun = (object: string) => (object === "her" ? "she" : object === "him" ? "he" : "they");
