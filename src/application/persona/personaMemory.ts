import { porterStem } from "../memory/porterStemmer.ts";
import { intentOf } from "../memory/queryIntent.ts";
import { CALLED_FACT } from "../prompt/calledName.ts";
import type { ContextMemory } from "../prompt/replyContext.ts";
import { namesIn, type PersonNames } from "./personaAddressing.ts";
import { correctedNames, saysCorrected } from "./personaCorrections.ts";
import {
  canBeSpoken,
  mentionedRelation,
  othersOwn,
  type Recollection,
  readMemory,
  sameRelation,
} from "./personaMemoryReading.ts";
import { detailWeight, kindWeight } from "./personaRecallCues.ts";

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
