import { aboutThePerson, namesIn, type PersonNames } from "./personaAddressing.ts";
import { properlyCapitalised } from "./personaProperNames.ts";

/** Facts the offline engine can read out of memory texts and bring up at the right moment. */
export interface Recollection {
  kind: "relation" | "fact";
  /** For a relation: "sister", "dog"; for a fact: null. */
  relation: string | null;
  /** Whose the pet or person is, when not the person's own ("mum" for "Sam's mum has a cat named Luna"). */
  owner?: string;
  /** The related person or pet's name, when the memory has one. */
  name: string | null;
  /** The memory as the agent says it to the person ("you love hiking"). */
  spoken: string;
  score: number;
}

const relations =
  "(?:(?:little|big|older|younger|best|twin|baby) )?(?:sister|brother|sibling|mom|mum|mother|dad|father|parents|friend|partner|boyfriend|girlfriend|husband|wife|son|daughter|dog|cat|puppy|kitten|boss|roommate|flatmate|grandma|grandmother|grandpa|grandfather|cousin|aunt|uncle|niece|nephew|colleague|teacher)";
const relationFact = new RegExp(
  `\\b(?:my|your|their|his|her|the (?:person|user)'s|\\p{Lu}\\p{Ll}+'s)\\s+(${relations})(?:'s name)?\\s+(?:is called|is named|was called|is|named|called)\\s+(\\p{Lu}[\\p{L}-]+)`,
  "iu",
);
export const mentionedRelation = new RegExp(`\\b(?:my|our)\\s+(${relations})s?\\b`, "iu");
/** "Sam's mum has a cat named Luna": a pet or person that belongs to someone the person knows. */
export const othersOwn = new RegExp(
  `(?:'s|\\bmy|\\byour|\\bher|\\bhis)\\s+(${relations})\\s+(?:has|have|had)\\b`,
  "iu",
);
const relationWords: readonly (readonly string[])[] = [
  ["mom", "mum", "mother", "mama", "parents"],
  ["dad", "father", "papa", "parents"],
  ["grandma", "grandmother", "granny", "nan"],
  ["grandpa", "grandfather", "granddad"],
  ["dog", "puppy", "pup"],
  ["cat", "kitten"],
  ["sibling", "sister", "brother"],
];

/** The words a memory may use for the relation asked about ("my mum" → "mother"). */
export function sameRelation(word: string): RegExp {
  const words = relationWords.find((group) => group.includes(word)) ?? [word];
  return new RegExp(`\\b(?:${words.join("|")})`, "i");
}

const ownsNamed = new RegExp(`\\bhas an? (${relations}) (?:named|called) (\\p{Lu}[\\p{L}-]+)`, "iu");

export function readMemory(memory: { text: string; score: number }, personName: PersonNames): Recollection {
  const named = relationFact.exec(memory.text);
  const match = named ?? ownsNamed.exec(memory.text);
  const spoken = properlyCapitalised(
    aboutThePerson(ownWords(memory.text, personName) ?? memory.text, personName),
  );
  if (match && /^\p{Lu}/u.test(match[2]!)) {
    // "Sam's mum has a cat named Luna": Luna is the mum's cat, not the person's.
    const owner = named ? null : othersOwn.exec(memory.text)?.[1];
    return {
      kind: "relation",
      relation: match[1]!.toLowerCase(),
      ...(owner ? { owner: owner.toLowerCase() } : {}),
      name: match[2]!,
      spoken,
      score: memory.score,
    };
  }
  return { kind: "fact", relation: null, name: null, spoken, score: memory.score };
}

/**
 * Summaries and notes written for the agent inform a reply but are never said to the person: only
 * a fact about them is, in the agent's words. Records stored without a kind are judged by their text.
 */
export function canBeSpoken(
  memory: { text: string; kind?: "fact" | "summary" },
  personName: PersonNames,
): boolean {
  if (memory.kind === "summary" || soundsLikeANote(memory.text)) return false;
  const quoted = ownWords(memory.text, personName);
  // "We moved…" in the person's words cannot be turned around without guessing who "we" are; a
  // plan ahead ("We're flying to…") can, as "you're flying to…", you and whoever goes with you.
  const plannedTogether = quoted?.replace(/^(?:we're|we are|we'll|we will)\s+\w+ing\b/i, "you're");
  return plannedTogether === undefined || !/\b(?:we|us|our|ours)\b/i.test(plannedTogether);
}

/** The wording of a summary or a memory note, which a person must never be shown. */
export function soundsLikeANote(text: string): boolean {
  return /\b(?:talked about|made small talk|over \d+ messages|what you remember about|long-term memory)\b/i.test(
    text,
  );
}

/** `Sam said: "I always forget my keys"` → `I always forget my keys`; null for a fact in other words. */
function ownWords(text: string, personName: PersonNames): string | null {
  for (const name of namesIn(personName)) {
    const prefix = `${name} said: "`;
    if (text.startsWith(prefix) && text.endsWith('"')) return text.slice(prefix.length, -1);
  }
  return null;
}
