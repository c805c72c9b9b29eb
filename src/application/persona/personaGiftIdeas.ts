import type { ReplyContext } from "../prompt/replyContext.ts";
import type { SeededRandom } from "./personaRandom.ts";
import { towardPerson } from "./personaReading.ts";

/**
 * "She loves books" told after "what should I get her?" is the hint it is: the present is built
 * on it. Null when no present was asked about just before, or the message is no such hint.
 */
export function answerGiftIdea(context: ReplyContext, random: SeededRandom): string[] | null {
  const text = context.personMessage;
  const hint = hintTold.exec(text);
  if (!hint || !recentlyAskedForGift(context)) return null;
  const thing = towardPerson(hint[2]!.trim()).replace(/[.!]+$/, "");
  return [
    random.pick([`Then build it around ${thing}`, `Perfect — ${thing} it is, then`]),
    random.pick([
      `Pick something to do with ${thing} that you love too, and write a few lines about why you thought of ${{ he: "him", she: "her" }[hint[1]!.toLowerCase()] ?? "them"}`,
      "Make it personal: something tied to a memory you share, plus a little handwritten note — that's the part that gets kept",
    ]),
  ];
}

const giftAsked =
  /\bwhat (?:should|could|can|shall|do) (?:i|we) (?:get|buy|give) (?:her|him|them|my [\p{L}'-]+)\b|\b(?:gift|present) ideas?\b|\bwhat (?:gift|present) (?:should|could) (?:i|we)\b/iu;

const hintTold =
  /^\s*(?:well |hmm |oh |and )?(she|he|they)(?:'s|\s+is|\s+are|\s+really|\s+absolutely)*\s+(?:loves?|likes?|adores?|into|obsessed with|crazy about)\s+([^?]{2,60})$/i;

function recentlyAskedForGift(context: ReplyContext): boolean {
  const recent = context.recentMessages.slice(-4).map((m) => m.text);
  return recent.some((said) => giftAsked.test(said) || /\bgift|present\b/i.test(said));
}
