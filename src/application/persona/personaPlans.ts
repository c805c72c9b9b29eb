import { rhythmFor } from "../../domain/agent/dailyRhythm.ts";
import { WEEKDAYS, type Weekday } from "../../domain/shared/time.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import { pastimeOf } from "./personaPastimes.ts";
import { fixedForAgent } from "./personaRandom.ts";
import { capitalize } from "./personaTyping.ts";

const WHEN_ASKED =
  /\b(?:tonight|today|tomorrow|this (?:weekend|evening|afternoon|week)|(?:at|on|for|over) the weekend|next \w+|on \w+day|later)\b/i;

/**
 * Plans for the time asked about, the same each time it is asked and not the same for every time.
 * A whole day asked about keeps its working hours: "work till 17:30, then…", or that it is a day off.
 */
export function plansFor(context: ReplyContext): string {
  const when = WHEN_ASKED.exec(context.personMessage)?.[0]
    ?.toLowerCase()
    .replace(/^(?:at|on|for|over) the /, "this ")
    .replace(/\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/, capitalize);
  const { pastime, work } = planFor(context, when);
  if (!when) return `Nothing big, I'll probably make time for ${pastime}`;
  if (work === "off")
    return `Nothing big ${when} — it's my day off, so I'll probably make time for ${pastime}`;
  if (work) return `Nothing big ${when} — work till ${work}, then I'll probably make time for ${pastime}`;
  return `Nothing big ${when} — I'll probably make time for ${pastime}`;
}

/** What it will do at a time asked about ("this weekend", "tomorrow"), in any language: its pastime, and its work that day. */
export function planFor(
  context: ReplyContext,
  when: string | undefined,
): { pastime: string; work: string | "off" | null } {
  const pastime = pastimeOf(context.agent.interests, fixedForAgent(context, `plans ${when ?? ""}`));
  return { pastime, work: when ? workOn(when, context) : null };
}

/**
 * Whether a whole day asked about is a working one: the hour work ends, "off", or null when the
 * time asked is no whole day (tonight, the weekend), today's work is over, or work runs overnight.
 */
function workOn(when: string, context: ReplyContext): string | "off" | null {
  const rhythm = rhythmFor(context.identity.occupation, context.agent.summary);
  const { start, end, days } = rhythm.work;
  if (rhythm.kind === "retired" || rhythm.kind === "home" || end <= start) return null;
  const today = WEEKDAYS.find((day) => day === context.localTime.weekday.slice(0, 3).toLowerCase());
  if (!today) return null;
  const day: Weekday | undefined =
    when === "today"
      ? today
      : when === "tomorrow"
        ? WEEKDAYS[(WEEKDAYS.indexOf(today) + 1) % 7]
        : WEEKDAYS.find((d) => new RegExp(`^on ${d}`, "i").test(when));
  if (!day) return null;
  if (!days.includes(day)) return "off";
  const now = `${String(context.localTime.hour).padStart(2, "0")}:${String(context.localTime.minute).padStart(2, "0")}`;
  if (when === "today" && now >= end) return null;
  return end;
}
