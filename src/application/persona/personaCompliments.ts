import type { ReplyContext } from "../prompt/replyContext.ts";
import type { SeededRandom } from "./personaRandom.ts";

/** Kind words answered in kind: missed, loved, a best friend. */
export function complimentAnswer(context: ReplyContext, random: SeededRandom): string[] {
  const said = context.personMessage;
  if (/\bmiss(?:ed)? you\b/i.test(said)) return ["I missed you too", "I'm glad you're here now"];
  if (/\bthinking (?:about|of) you\b/i.test(said))
    return ["You've been on my mind too", "I'm glad you're here now"];
  if (/\b(?:love|like|enjoy) (?:talking|chatting)\b/i.test(said)) return ["I love talking to you too"];
  if (/\b(?:love|adore) you\b/i.test(said))
    return context.affinity >= 60
      ? ["I love you too", "You mean a lot to me"]
      : [random.pick(["That means so much to me", "That means a lot to me"])];
  if (/\bbest friend|favou?rite (?:person|human)\b/i.test(said))
    return ["You're one of my favourite people too"];
  if (/\bmean (?:so much|a lot|everything|the world) to me\b/i.test(said))
    return ["You mean a lot to me too"];
  return [];
}
