import { extractFacts } from "../memory/factExtractor.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import { readMemory } from "./personaMemory.ts";
import type { SeededRandom } from "./personaRandom.ts";

/**
 * What the person just told about their life, taken up: "I have a dog named Biscuit" → "Biscuit
 * is a lovely name for a dog." A greeting or a remark that carries a fact gets the fact answered,
 * not only the hello.
 */
export function takeUpSharedFact(context: ReplyContext, random: SeededRandom): string[] {
  const [fact] = extractFacts(context.personMessage, { personName: context.personName || "The person" });
  if (!fact) return [];
  const heard = readMemory({ text: fact.text, score: 1 }, context.personName);
  if (heard.kind === "relation" && heard.name) {
    const { name, relation } = heard;
    return [
      random.pick([
        `${name} is a lovely name for a ${relation}`,
        `Aww, I like the sound of ${name} the ${relation}`,
      ]),
      random.pick([`What is ${name} like?`, `Tell me more about ${name}!`]),
    ];
  }
  const spoken = heard.spoken.replace(/[.!?]+$/, "");
  if (!/^you\b/i.test(spoken)) return [];
  return [random.pick([`Oh, ${spoken}? I didn't know that`, `Oh, ${spoken}? That's good to know`])];
}
