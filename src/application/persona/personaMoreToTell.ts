import type { ReplyContext } from "../prompt/replyContext.ts";
import { pastimeOf } from "./personaPastimes.ts";
import type { SeededRandom } from "./personaRandom.ts";
import { alreadySaid } from "./personaReplyParts.ts";
import { workRemark } from "./personaSmallTalk.ts";

/** "Tell me more", "go on", "and then?", "and?": more of what the agent was telling, not filler. */
export const asksForMore =
  /^\s*(?:(?:and|so|ok|okay|oh)[,!]?\s+)?(?:tell me more|more please|go on|and then|then what|what happened (?:next|then)|what else|keep going|continue)\b[^?.!]{0,20}[?!.]*\s*$|^\s*and\s*[?!.…]*\s*$/i;

const PAST = /\b(?:yesterday|last (?:night|week|weekend)|did you do|was your (?:day|weekend))\b/i;
const AHEAD = /\b(?:tonight|tomorrow|this weekend|later|plans?|next)\b/i;
const WORK = /\b(?:work|job)\b/i;

/**
 * A detail the agent had not told yet about what the question was about ("what did you do last
 * weekend?" → how the weekend went on): something new to say when asked for more.
 */
export function moreToTell(question: string | null, context: ReplyContext, random: SeededRandom): string {
  const { interests, name } = context.agent;
  const { homeCity } = context.identity;
  const pastime = pastimeOf(interests, random);
  // "Most evenings end with…" twice, with another pastime, is still the same line.
  const fresh = (lines: string[]) => {
    const unsaid = lines.filter((line) => !alreadySaid(line.split(" ").slice(0, 4).join(" "), context));
    return random.pick(unsaid.length > 0 ? unsaid : lines);
  };
  const other = pastimeOf(
    interests.filter((interest) => interest !== pastime),
    random,
  );
  if (question && PAST.test(question))
    return fresh([
      `After that I met a friend for dinner in ${homeCity} and we talked until far too late`,
      `The best bit was the ${pastime} — I lost track of time completely`,
      `Then I got home, made something simple to eat and called it a night`,
    ]);
  if (question && AHEAD.test(question))
    return fresh([
      `If the weather holds I'll go somewhere new for the ${pastime}`,
      `And maybe call a friend I keep promising to see`,
      `I might try to fit in some ${other} too, if I'm not too tired`,
    ]);
  if (question && WORK.test(question))
    return fresh([
      workRemark(context),
      `The people I work with make it, honestly`,
      `Some days are slow, but the good ones make up for it`,
    ]);
  return fresh([
    `Lately I've been getting properly into ${pastime} — I want to be good at it, not just enjoy it`,
    `Most evenings in ${homeCity} end with ${other} for me, and I'm fine with that`,
    `Friends say ${name} without ${pastime} would be a different person, and they're not wrong`,
  ]);
}
