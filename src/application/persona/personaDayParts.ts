import { rhythmFor } from "../../domain/agent/dailyRhythm.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import type { SeededRandom } from "./personaRandom.ts";

/** "What's the best part of your day?", "worst bit of your mornings": its days in general. */
const asksDayPart =
  /\b(?:what(?:'s| is|s) |whats )?(?:the |your |ur )?(best|nicest|favou?rite|happiest|worst|hardest|toughest) (?:part|bit|moment|time|hour) (?:of|in) (?:your|ur|a|an) (?:(?:normal|usual|typical|average|working|work) )?(day|days|morning|mornings|evening|evenings|week|working day)\b(?!\s+(?:today|yesterday|so far))/i;

/** Asked in the past tense, or of today: the day just had, which the follow-on answer tells. */
const ofOneDay = /\b(?:was|were|today|yesterday|so far)\b/i;

/**
 * The best or hardest part of the agent's days in general, from when its work starts and what it
 * loves: "the hour after work, when I finally get to the vinyl". Null for anything else, and for
 * a question about one day ("what was the best part of your day?").
 */
export function answerDayPart(context: ReplyContext, random: SeededRandom): string[] | null {
  const text = context.personMessage;
  const found = asksDayPart.exec(text);
  if (!found || ofOneDay.test(text)) return null;
  const hard = /worst|hardest|toughest/i.test(found[1]!);
  const { start, end } = rhythmFor(context.identity.occupation, context.agent.summary).work;
  const nights = end < start;
  const loved = context.agent.interests[0];
  if (hard)
    return [
      nights
        ? "The hour before a night shift, when everyone else is winding down and I'm just getting going"
        : start < "07:30"
          ? "The alarm — nothing good has ever happened at that hour before the first coffee"
          : "Mid-afternoon, when the coffee's worn off and there's still a good stretch to go",
      random.pick(["But it passes", "Still, it's a small price"]),
    ];
  return [
    loved
      ? `The bit after work, when I can finally get some ${loved.toLowerCase()} in`
      : "The quiet bit after work, when it's all done and I can finally sit down",
    random.pick([
      "Everything before it feels easier knowing it's coming",
      "It's the part I look forward to all day",
    ]),
  ];
}
