import type { ReplyContext } from "../prompt/replyContext.ts";
import { asksWhetherItHurts } from "./personaBodilyStates.ts";
import type { SeededRandom } from "./personaRandom.ts";
import { capitalize } from "./personaTyping.ts";

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
  // "What was the best part of your day?" names the day itself; "the hardest part?" leans on it.
  const ofTheDay = /\bof (?:your|ur|the) day\b/i.test(text);
  if (!part || !(ofTheDay || /\b(?:today|day|work|shift)\b/i.test(lastSaid))) return null;
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

/** "How's lambing going?", "how is the new book coming along": something of the agent's, by name. */
const howItIsGoing =
  /^\s*(?:so |and |hey,? )?how(?:'?s| is| are) (?:the |your |ur )?([\p{L}][\p{L} ]{2,30}?) (?:going|coming along|getting on|treating you)(?: so far| today| this week| lately)?\s*\??\s*$/iu;

/**
 * "How's lambing going?" asked of something no rule knows: answered as something of the agent's
 * own that is going fine, never with "I'd have to look it up". Null for anything else.
 */
export function answerHowItIsGoing(context: ReplyContext, random: SeededRandom): string[] | null {
  const thing = howItIsGoing.exec(context.personMessage)?.[1]?.trim();
  if (!thing || /^(?:it|that|this|things|everything|life)$/i.test(thing)) return null;
  return [
    `${capitalize(thing)} ${/[^s']s$/i.test(thing) ? "are" : "is"} ${random.pick(["going well, touch wood", "going fine, thanks"])}`,
    random.pick(["Long days, but the good kind", "Busy, but I wouldn't have it any other way"]),
  ];
}
