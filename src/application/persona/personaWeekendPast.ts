import { rhythmFor } from "../../domain/agent/dailyRhythm.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import { fixedForAgent } from "./personaRandom.ts";

/**
 * "What did you do last weekend?": the weekend told in the past, the same on every turn, with work
 * on the days its occupation works them and its own interests on the days it has off.
 */
export function weekendPast(context: ReplyContext): string[] {
  const fixed = fixedForAgent(context, `weekend before ${context.localTime.date}`);
  const [first, second] = context.agent.interests;
  const worksSaturday = rhythmFor(context.identity.occupation, context.agent.summary).work.days.includes(
    "sat",
  );
  const saturday = worksSaturday
    ? "On Saturday I worked, like most Saturdays"
    : `On Saturday I made time for ${first ?? "a long walk"}`;
  const sunday = fixed.pick([
    `Sunday was slow — ${second ?? "a long lunch"}, then an early night`,
    "Sunday I barely left the sofa, and I regret nothing",
    "Sunday I saw friends for a long lunch that turned into dinner",
  ]);
  return [saturday, sunday];
}
