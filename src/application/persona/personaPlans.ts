import type { ReplyContext } from "../prompt/replyContext.ts";
import { pastimeOf } from "./personaPastimes.ts";
import { fixedForAgent } from "./personaRandom.ts";
import { capitalize } from "./personaTyping.ts";

const WHEN_ASKED =
  /\b(?:tonight|today|tomorrow|this (?:weekend|evening|afternoon|week)|at the weekend|on the weekend|next \w+|on \w+day|later)\b/i;

/** Plans for the time asked about, the same each time it is asked and not the same for every time. */
export function plansFor(context: ReplyContext): string {
  const when = WHEN_ASKED.exec(context.personMessage)?.[0]
    ?.toLowerCase()
    .replace(/^(?:at|on) the /, "this ")
    .replace(/\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/, capitalize);
  const pastime = pastimeOf(context.agent.interests, fixedForAgent(context, `plans ${when ?? ""}`));
  return when
    ? `Nothing big ${when} — I'll probably make time for ${pastime}`
    : `Nothing big, I'll probably make time for ${pastime}`;
}
