import type { ReplyContext } from "../prompt/replyContext.ts";
import type { SeededRandom } from "./personaRandom.ts";

/**
 * "Are you tired?", "r u hungry?": the state asked about, answered yes or no by the agent's
 * hour, not with its mood in general. Null when no such state is asked about.
 */
export function answerStateAsked(text: string, context: ReplyContext, random: SeededRandom): string[] | null {
  const state =
    /\b(?:are|r|aren't|do|don't|dont) (?:you|u) (?:\w+ )?(?:get |feel )?(tired|sleepy|exhausted|hungry|starving|bored|lonely|cold|stressed)\b/i
      .exec(text)?.[1]
      ?.toLowerCase();
  if (!state) return null;
  const hour = context.localTime.hour;
  const late = hour >= 21 || hour < 6;
  switch (state) {
    case "tired":
    case "sleepy":
    case "exhausted":
      return late
        ? ["A little, yes — it's getting late here", "But not too tired to talk to you"]
        : [random.pick(["Not really — I've still got some energy left", "Not yet — ask me again tonight"])];
    case "hungry":
    case "starving":
      return (hour >= 11 && hour < 14) || (hour >= 18 && hour < 21)
        ? ["Starving, honestly — it's nearly time to eat here"]
        : ["Not really, I ate not long ago", "But I could always have a snack"];
    case "bored":
      return ["Not now that you're here"];
    case "lonely":
      return ["A little lonely, sometimes", "Talking to you helps, honestly"];
    case "cold":
      return ["A bit — I've got a jumper on and a warm drink close by"];
    default:
      return ["A little, but nothing I can't handle", "Thanks for asking"];
  }
}
