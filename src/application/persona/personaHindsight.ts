import { withIndefiniteArticle } from "../../domain/shared/indefiniteArticle.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";

/**
 * "What should I have done?" after the person told of a mishap: what would have helped then, and
 * what helps next time, for the mishap they told. Null when the message asks no such thing.
 */
export function answerHindsight(context: ReplyContext): string[] | null {
  if (!asksInHindsight.test(context.personMessage)) return null;
  const told = context.recentMessages.filter((m) => m.author === "person").slice(-3);
  const mishap = told
    .reverse()
    .map((m) => mishaps.find(({ pattern }) => pattern.test(m.text)))
    .find((found) => found !== undefined);
  return mishap
    ? [`Okay, in hindsight: ${fromOwnTrade(mishap.atTheTime, context.identity.occupation)}`, mishap.next]
    : [
        "Honestly? Probably nothing very different — things always look clearer afterwards",
        "What matters is what you'd do next time, and you already know more than you did",
      ];
}

/** A locksmith does not send the person to "a locksmith": it speaks as one. */
function fromOwnTrade(advice: string, occupation: string): string {
  const said = `${advice.charAt(0).toLowerCase()}${advice.slice(1)}`;
  const trade = occupation.trim().toLowerCase();
  const asOne = new RegExp(`\\ban? ${trade.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "i");
  return trade && asOne.test(said)
    ? `speaking as ${withIndefiniteArticle(trade)}, ${said.replace(asOne, "someone like me")}`
    : said;
}

const asksInHindsight =
  /\bwhat (?:should|could|would|shoulda|coulda) (?:i|we) (?:have|'ve|of) done\b|\bwhat was i supposed to do\b|\bwhat would you have done\b/i;

interface Mishap {
  pattern: RegExp;
  atTheTime: string;
  next: string;
}

const mishaps: readonly Mishap[] = [
  {
    pattern: /\blocked (?:my ?self|myself|me) out\b|\blocked (?:my|the) keys? in\b/i,
    atTheTime:
      "Call a locksmith or roadside help straight away rather than trying the window with a coat hanger — it's quicker and it won't cost you a new lock",
    next: "And leave a spare key with someone you trust, so next time it's a phone call, not a rescue",
  },
  {
    pattern:
      /\b(?:lost|left|forgot|dropped) (?:my|the|our) (?:keys?|phone|wallet|purse|bag|passport|card)\b/i,
    atTheTime:
      "Retrace your steps while it's fresh, and call the last place you were — most things turn up at a counter",
    next: "And next time, one fixed spot at home for it, and a quick pat-down of your pockets before you leave",
  },
  {
    pattern: /\bmissed (?:my|the|our) (?:train|bus|flight|plane|ferry|connection|appointment|interview)\b/i,
    atTheTime:
      "Go straight to the desk or call them — there's almost always a later one or a new slot, and asking early gets you the best one",
    next: "And next time, leave with twenty minutes spare; being early is boring, but it's cheaper",
  },
  {
    pattern: /\b(?:overslept|slept through (?:my|the) alarm)\b/i,
    atTheTime:
      "Send a quick honest message the moment you wake — people forgive lateness far more easily than silence",
    next: "And a second alarm across the room, so you have to get up to turn it off",
  },
  {
    pattern:
      /\b(?:burn(?:ed|t)|ruined|overcooked) (?:the|my|our) (?:dinner|food|cake|rice|toast|bread|pasta|steak)\b/i,
    atTheTime: "Turn the heat down and stay with the pan — most dishes burn in the two minutes you step away",
    next: "And a timer on your phone, every time; it's not cheating",
  },
  {
    pattern: /\bforgot (?:my|her|his|our|their) (?:[\w']+ )?(?:birthday|anniversary)\b/i,
    atTheTime:
      "Own it straight away, with a real apology and no excuses — then make a plan for a proper celebration",
    next: "And put every birthday that matters in your calendar with a reminder a week before",
  },
];
