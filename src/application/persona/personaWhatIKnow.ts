import { plainWording } from "../memory/plainWording.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import { namePattern, type PersonNames, personNames } from "./personaAddressing.ts";
import { canBeSpoken, readMemory } from "./personaMemoryReading.ts";

export const asksAllKnown =
  /\bwhat (?:do|did|have) you (?:know|remember|learn(?:ed|t)?|found out) about me\b/i;

const tellsAFact =
  /^(?:(?:and|also|so|oh|well),?\s+)?(?:my\b|I'm\b|I am\b|I (?:work|live|have|study|grew up)\b|I've got\b)/i;

/** "What do you know about me?": the first few facts it may say back, in its own words. */
export function whatIKnow(context: ReplyContext): string[] {
  const names = personNames(context);
  // What they said just now may not be in memory yet: their statements in view count too.
  const told = context.recentMessages
    .filter((m) => m.author === "person" && !m.superseded)
    .flatMap((m) => m.text.split(/(?<=[.!])\s+/))
    .filter((sentence) => !sentence.includes("?") && tellsAFact.test(sentence))
    .map((sentence) => withoutOwnName(sentence, names))
    .filter((text) => text !== "")
    .map((text) => ({ text, score: 0 }));
  const spoken = [...context.memories.filter((memory) => canBeSpoken(memory, names)), ...told].map(
    (memory) => readMemory(memory, names).spoken,
  );
  const facts = distinct(spoken).slice(0, 3);
  if (facts.length === 0) return ["Not much yet", "Tell me something about yourself and I'll remember it"];
  const listed = facts.length === 1 ? facts[0]! : `${facts.slice(0, -1).join(", ")} and ${facts.at(-1)!}`;
  return [`I know ${listed}`, "Tell me more, I'm listening"];
}

/** "I'm Bob, I just moved to Porto": the agent knows their name already; the rest is the fact. */
function withoutOwnName(sentence: string, names: PersonNames): string {
  const introduction = new RegExp(
    `^(?:(?:and|also|so|oh|well),?\\s+)?(?:I'm|I am|my name is|my name's)\\s+(?:${namePattern(names)})\\b[\\s,;:.!-]*(?:and\\s+)?`,
    "iu",
  );
  return sentence.replace(introduction, "").trim();
}

/** The same fact heard twice (in memory and still in view) is said once, the fuller wording kept. */
function distinct(spoken: readonly string[]): string[] {
  const kept: string[] = [];
  for (const text of spoken) {
    const words = plainWording(text);
    const same = kept.findIndex(
      (other) => plainWording(other).includes(words) || words.includes(plainWording(other)),
    );
    if (same === -1) kept.push(text);
    else if (words.length > plainWording(kept[same]!).length) kept[same] = text;
  }
  return kept;
}
