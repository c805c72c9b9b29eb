import { porterStem } from "../memory/porterStemmer.ts";
import { intentOf } from "../memory/queryIntent.ts";
import { CALLED_FACT } from "../prompt/calledName.ts";
import type { ContextMemory } from "../prompt/replyContext.ts";
import { aboutThePerson, namesIn, type PersonNames } from "./personaAddressing.ts";
import { correctedNames, saysCorrected } from "./personaCorrections.ts";
import { detailWeight, kindWeight } from "./personaRecallCues.ts";

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
const mentionedRelation = new RegExp(`\\b(?:my|our)\\s+(${relations})s?\\b`, "iu");
/** "Sam's mum has a cat named Luna": a pet or person that belongs to someone the person knows. */
const othersOwn = new RegExp(
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
function sameRelation(word: string): RegExp {
  const words = relationWords.find((group) => group.includes(word)) ?? [word];
  return new RegExp(`\\b(?:${words.join("|")})`, "i");
}

const ownsNamed = new RegExp(`\\bhas an? (${relations}) (?:named|called) (\\p{Lu}[\\p{L}-]+)`, "iu");

export function readMemory(memory: { text: string; score: number }, personName: PersonNames): Recollection {
  const named = relationFact.exec(memory.text);
  const match = named ?? ownsNamed.exec(memory.text);
  const spoken = aboutThePerson(ownWords(memory.text, personName) ?? memory.text, personName);
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
 * The memory most worth mentioning for this message, if any is relevant at all. A memory counts
 * when it shares words with the message, names the relation or the person it mentions ("my pup" →
 * the dog, "Lena"), or is of the kind the message asks about (`intentOf`: pet, work, place…).
 * `asked` is set when the person asks about their own life: then the kind alone is enough.
 */
export function recallFor(
  message: string,
  memories: readonly Pick<ContextMemory, "text" | "score" | "kind" | "factKind">[],
  personName: PersonNames,
  asked = false,
  /** What the person said in the recent conversation: facts still in view, not yet in memory. */
  said: readonly string[] = [],
): Recollection | null {
  const words = contentWords(message);
  const askedKinds = new Set<string>(intentOf(message).kinds.filter((kind) => kind !== "other"));
  const statements = said
    .filter((text) => !text.includes("?"))
    .map((text) => ({
      text: text.replace(/^(?:actually|well|so|oh|btw|and|but)\b[,\s]+/i, ""),
      score: 0,
      factKind: null,
    }));
  // "my sister's name" is answered by a memory about the sister or by none, never by the dog's.
  const askedAbout = mentionedRelation.exec(message)?.[1]?.toLowerCase().split(" ").at(-1);
  // "…in Hamburg, not Berlin": a fact that still says Berlin has been put right since.
  const corrected = correctedNames([message, ...memories.map((memory) => memory.text), ...said]);
  let best: { recollection: Recollection; weight: number } | null = null;
  for (const memory of [...memories, ...statements]) {
    if (saysCorrected(memory.text, corrected)) continue;
    if (!canBeSpoken(memory, personName)) continue;
    // "Dana likes to be called Dana" is how the agent addresses them, not one of their tastes.
    if (CALLED_FACT.test(memory.text) && !asksName.test(message)) continue;
    if (askedAbout && !sameRelation(askedAbout).test(memory.text)) continue;
    const recollection = readMemory(memory, personName);
    // "What do I do?" asks about the person's own work, which a fact about their boss Greg does not answer.
    if (
      asked &&
      !askedAbout &&
      (askedKinds.has("work") || askedKinds.has("place")) &&
      recollection.kind === "relation" &&
      /\b(?:I|me|my)\b/.test(message) &&
      !(recollection.name && new RegExp(`\\b${recollection.name}\\b`, "i").test(message))
    )
      continue;
    let weight = overlap(words, contentWords(memory.text));
    // "What are my cats called?" asks about the person's own cats, not their mum's.
    const owner = othersOwn.exec(memory.text)?.[1];
    const someoneElses = askedAbout && owner && !sameRelation(owner.split(" ").at(-1)!).test(message);
    if (someoneElses) weight -= 3;
    else if (
      recollection.relation &&
      new RegExp(`\\b${recollection.relation.split(" ").at(-1)}\\b`, "i").test(message)
    )
      weight += 3;
    for (const name of namesOf(memory.text, personName))
      if (new RegExp(`\\b${name}\\b`).test(message)) weight += 3;
    if (asked)
      weight +=
        kindWeight(askedKinds, message, memory.text, memory.factKind ?? null) +
        detailWeight(message, memory.text);
    if (weight === 0) continue;
    weight += memory.score;
    if (!best || weight > best.weight) best = { recollection, weight };
  }
  return best?.recollection ?? null;
}

const asksName = /\b(?:names?|call(?:s|ed)?)\b/i;

const SENTENCE_OPENERS =
  /^(?:The|They|Their|She|Her|His|You|Your|This|That|When|Since|After|Before|Every|Most|Some|What|Who|How|Why|Where|And|But|For|With|From|Has|Had|Was|Were|Is|Are|Loves|Likes|Works|Lives)$/;

function namesOf(text: string, personName: PersonNames): string[] {
  const own = namesIn(personName);
  // A name may open the fact too ("Ana is Sam's sister"); a capitalised common word there may not.
  return [...text.matchAll(/(?<!\p{L})(\p{Lu}\p{Ll}{2,})/gu)]
    .filter((m) => m.index > 0 || !SENTENCE_OPENERS.test(m[1]!))
    .map((m) => m[1]!)
    .filter((name) => !own.includes(name));
}

const ignored = new Set(
  "that this with have from they them their what when where which would could should about your just like really very been were will name called named think thinks thinking thought getting something anything everything nothing".split(
    " ",
  ),
);

/** Words for the same event, as a question and the fact may each say it ("my race", "a half marathon"). */
const SAME_EVENT: Record<string, string> = {
  marathon: "race",
  triathlon: "race",
  fly: "trip",
  flight: "trip",
  holidai: "trip",
  vacat: "trip",
  travel: "trip",
  marri: "wed",
  marry: "wed",
};

function contentWords(text: string): Set<string> {
  const words = text.toLowerCase().match(/\p{L}{4,}/gu) ?? [];
  return new Set(
    words
      .filter((word) => !ignored.has(word))
      .map((word) => porterStem(word))
      .map((stem) => SAME_EVENT[stem] ?? stem),
  );
}

function overlap(a: Set<string>, b: Set<string>): number {
  let count = 0;
  for (const word of a) if (b.has(word)) count++;
  return count;
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
