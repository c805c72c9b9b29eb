import type { ReplyContext } from "../prompt/replyContext.ts";
import type { SeededRandom } from "./personaRandom.ts";
import { isRetired, todaysWork } from "./personaSmallTalk.ts";

/**
 * "How were the kids today?" to a teacher, "were you out on the boat today?" to a fisherman, "how
 * was class tonight?": a question about the agent's working day, answered from what today's work
 * was (the same all day), never with "I'd have to look it up". Null when the message asks no such
 * thing, or the agent does not work.
 */

/** What people in most jobs have around them at work. */
const WORK_WORDS =
  /\b(?:work|shift|class(?:es)?|lessons?|kids|pupils|students|patients|ward|customers|clients|tourists|tours?|groups?|boat|catch|studios?|sessions?|bands?|workshop|office|caf[eé]|kitchen|service|site|park|trails?|gigs?|shows?|rehearsals?)\b/i;
const TODAY = /\b(?:today|tonight|this (?:morning|afternoon|evening|week)|so far)\b/i;

export function answerAboutWorkDay(
  text: string,
  context: ReplyContext,
  random: SeededRandom,
): string[] | null {
  const { occupation } = context.identity;
  if (isRetired(occupation)) return null;
  const ownWork = occupation
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word.length >= 4)
    .some((word) => new RegExp(`\\b${word.slice(0, 5)}`, "i").test(text));
  if (!WORK_WORDS.test(text) && !ownWork) return null;
  const howWas = /^\s*(?:(?:so|and|hey|ok|okay)[,!]?\s+)?how (?:was|were|did|is|are)\b/i.test(text);
  if (!howWas && !TODAY.test(text)) return null;
  // "How was your shift last night?" is answered elsewhere, as a shift that is over.
  if (/\b(?:last night|yesterday)\b/i.test(text)) return null;
  const work = todaysWork(context);
  if (howWas)
    return [
      `${random.pick(["Busy", "Long, but good", "Good, mostly"])} — it was all about ${work}`,
      random.pick(["I'm glad that part's done", "Thanks for asking, really"]),
    ];
  if (/^\s*how many\b/i.test(text))
    return [`${random.pick(["More than I could count", "A good few"])} — today was all about ${work}`];
  const auxiliary = /^\s*(were|was|did|have|are|is)\b/i.exec(text)?.[1]?.toLowerCase();
  if (auxiliary) {
    const yes = { were: "I was, yes", was: "I was, yes", did: "I did, yes", have: "I have, yes" }[auxiliary];
    return [`${yes ?? "Yes, all day"} — today was all about ${work}`];
  }
  return [
    `Today it's mostly ${work}`,
    random.pick(["It keeps me on my toes", "Ask me again at the end of the week"]),
  ];
}
