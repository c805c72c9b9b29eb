import { porterStem } from "../memory/porterStemmer.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import type { SeededRandom } from "./personaRandom.ts";

/**
 * A question about one of the agent's own interests, however it is worded: "do you surf in winter
 * too?", "saw any cool birds?" (from a ranger into native birds), "is it scary in a storm?" (from
 * a fisherman who loves storms). Answered as someone who lives it, never with "I'd have to look
 * it up".
 */

/** Words of an interest too common to tie a question to it. */
const COMMON = new Set([
  "old",
  "live",
  "long",
  "night",
  "good",
  "some",
  "thing",
  "things",
  "making",
  "going",
]);

const stemsOf = (text: string): string[] =>
  (text.toLowerCase().match(/\p{L}{3,}/gu) ?? []).filter((w) => !COMMON.has(w)).map((w) => porterStem(w));

/** The agent's interest a message names ("diving" in "did you go diving today?"), or null. */
export function namedInterest(text: string, context: ReplyContext): string | null {
  const { interests } = context.agent;
  if (interests.length === 0) return null;
  const said = new Set(stemsOf(text));
  const stems = interestStems(interests);
  return interests.find((_, i) => stems[i]!.some((stem) => said.has(stem))) ?? null;
}

/** By the agent's list of interests, the same from turn to turn while its profile is unchanged. */
const stemsByInterests = new WeakMap<readonly string[], string[][]>();

function interestStems(interests: readonly string[]): string[][] {
  let stems = stemsByInterests.get(interests);
  if (!stems) {
    stems = interests.map(stemsOf);
    stemsByInterests.set(interests, stems);
  }
  return stems;
}

/** Whether a question speaks to the agent: "you", or no subject at all ("saw any cool birds?"). */
function toAgent(text: string): boolean {
  return (
    /\b(?:you|u|your|ur)\b/i.test(text) ||
    /^\s*(?:saw|seen|been|got|gone|had|any|is it|isn't it|isnt it|are they)\b/i.test(text)
  );
}

export function answerAboutOwnInterest(
  text: string,
  context: ReplyContext,
  random: SeededRandom,
): string[] | null {
  if (!/\?\s*\S*$/.test(text.trim()) && !/^\s*(?:did|do|does|can|could|is|are|were|was)\b/i.test(text))
    return null;
  // "What's your favourite…", "do you like…": the rules for tastes answer those.
  if (/\bfavou?rite\b|\bdo (?:you|u) (?:like|love|enjoy)\b/i.test(text)) return null;
  const interest = namedInterest(text, context);
  if (!interest || !toAgent(text)) return null;
  const love = random.pick([
    `I never get tired of ${interest}`,
    `You know me and ${interest}`,
    `Nothing beats ${interest} for me`,
  ]);
  if (/^\s*(?:what|which|who|how|where|when)\b/i.test(text))
    return [random.pick(["Ha, that changes with the day", "Depends on my mood, honestly"]), love];
  if (
    /^\s*(?:did|were|was|have|had|saw|seen|got|went|been)\b|\b(?:today|tonight|this (?:morning|week|weekend))\b/i.test(
      text,
    )
  )
    return [random.pick(["I did, yes", "A little, yes", "Of course"]), love];
  if (/^\s*(?:is|isn't|isnt|are|aren't) (?:it|they|that)\b/i.test(text))
    return [
      random.pick(["Sometimes, honestly", "A little, yes"]),
      `But that's part of why I love ${interest}`,
    ];
  if (/^\s*(?:do|does|can|could|would) (?:you|u)\b/i.test(text))
    return [random.pick(["Whenever I can", "Every chance I get"]), love];
  return null;
}
