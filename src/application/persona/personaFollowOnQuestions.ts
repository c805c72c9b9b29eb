import type { ReplyContext } from "../prompt/replyContext.ts";
import { asksWhetherItHurts } from "./personaBodilyStates.ts";

const asksWorried =
  /^\s*(?:so |but |ok(?:ay)? )?(?:should|do|must) (?:i|we) (?:be )?(?:worry|worried|concerned|panic|panicking)\b[^?]{0,25}\??\s*$|^\s*(?:so |but )?is (?:it|that|this) (?:serious|something serious|dangerous|bad)\s*\??\s*$/i;

/**
 * Short questions that lean on what was just said: "what was the hardest part?" after the agent
 * told of its day, "does it hurt?" about something the person is thinking of doing. Null when the
 * message is none of these.
 */
export function answerFollowOn(context: ReplyContext): string[] | null {
  const text = context.personMessage;
  if (asksWhetherItHurts.test(text))
    return [
      "A little, honestly — most people say it's more of a sting than real pain",
      "And it's over quicker than you'd think",
    ];
  // "Should I be worried?" after telling of something that troubles them: a measured answer.
  if (asksWorried.test(text) && context.recentMessages.some((m) => m.author === "person"))
    return [
      "Not from what you've told me — most of the time it's something small that settles on its own",
      "But if it gets worse, or hasn't settled in a few days, get it looked at — and trust your gut",
    ];
  const part =
    /^\s*(?:and )?(?:what(?:'s| was| is) )?the (hardest|worst|toughest|best|nicest|funniest) (?:part|bit)\s*(?:of it|of (?:your|the) day)?\s*\?*\s*$/i.exec(
      text,
    )?.[1];
  const lastSaid = context.recentMessages
    .filter((m) => m.author === "agent")
    .slice(-2)
    .map((m) => m.text)
    .join(" ");
  if (!part || !/\b(?:today|day|work|shift)\b/i.test(lastSaid)) return null;
  return /^(?:hardest|worst|toughest)$/i.test(part)
    ? [
        `The last hour was the ${part.toLowerCase()} — everyone tired and nothing quite going to plan`,
        "But it came together in the end, and that's the bit I'll remember",
      ]
    : [
        `The ${part.toLowerCase()} part was the quiet moment at the end, when it was all done and I could finally sit down`,
        "Small, but it's what I look forward to",
      ];
}
