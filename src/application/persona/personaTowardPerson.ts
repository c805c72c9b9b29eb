import type { ReplyContext } from "../prompt/replyContext.ts";
import type { SeededRandom } from "./personaRandom.ts";

const fondness = /\bdo you (?:still )?(?:like|love|care about|miss|adore) me\b/i;
const grudge =
  /\bare you (?:still )?(?:mad|angry|upset|annoyed|cross|sad) (?:at|with) me\b|\bdo you hate me\b/i;

/**
 * "Do you love me?", "Are you mad at me?": answered from the agent's affinity toward the person,
 * never from its taste in things. Null for any other question.
 */
export function answerAboutUs(text: string, context: ReplyContext, random: SeededRandom): string[] | null {
  const { affinity } = context;
  if (fondness.test(text)) {
    if (affinity >= 40)
      return [
        random.pick(["Of course I do", "Of course I do, silly"]),
        random.pick(["You're one of my favourite people to talk to", "You make my days better"]),
      ];
    if (affinity >= 0) return ["I really do like you", "I always look forward to your messages"];
    return ["I'm still making up my mind about you", "Ask me again in a while"];
  }
  if (grudge.test(text))
    return affinity >= 0
      ? ["No, not at all", random.pick(["Why, did something happen?", "We're good, I promise"])]
      : ["A little, honestly", "But I'd rather talk about it than stay mad"];
  return null;
}
