import { minutesOfDay, nextLocalClockTime } from "../shared/clockTimes.ts";
import { localDateTime } from "../shared/time.ts";
import { isAsleep, isWorking, rhythmFor } from "./dailyRhythm.ts";
import { activeScenariosAt, type Scenario } from "./scenarios.ts";

export type AvailabilityStatus = "free" | "busy" | "asleep";

/** How the availability shapes a reply: full, short, a sleepy line, or a reply after waking. */
export type ReplyMode = "normal" | "brief" | "sleepy" | "deferred";

export interface Availability {
  status: AvailabilityStatus;
  reason: string;
  replyMode: ReplyMode;
  /** Most sentences a reply should have. */
  maxSentences: number;
  /** For a deferred reply: when the agent is up again (ISO instant). */
  deferUntil?: string;
}

/** Close enough to wake up for a sleepy line instead of replying in the morning. */
export const SLEEPY_REPLY_AFFINITY = 40;

/**
 * Free, busy or asleep on the agent's own clock, toward a person of this affinity: the one rule
 * the API shows, the reply is written in, and the life scheduler plans by. A scenario wins over
 * sleep (a night out keeps the agent up); a work shift of its occupation keeps it busy; otherwise
 * it sleeps by the daily rhythm of its occupation, waking for someone close.
 */
export function availabilityAt(input: {
  identity: { timezone: string; occupation: string };
  /** The agent's own description, read for the hours it works ("hosts the breakfast show"). */
  about?: string;
  scenarios: readonly Scenario[];
  affinity: number;
  now: Date;
}): Availability {
  const { identity, now } = input;
  const instant = now.toISOString();
  const active = activeScenariosAt(input.scenarios, instant, identity.timezone);
  if (active.length > 0)
    return {
      status: "busy",
      reason: `in the middle of: ${active[0]!.title}`,
      replyMode: "brief",
      maxSentences: 2,
    };
  const rhythm = rhythmFor(identity.occupation, input.about);
  const local = localDateTime(now, identity.timezone);
  if (isAsleep(rhythm, local.minuteOfDay)) {
    const { wakeTime } = rhythm.sleep;
    if (input.affinity >= SLEEPY_REPLY_AFFINITY)
      return {
        status: "asleep",
        reason: `asleep until ${wakeTime}, but woke up for someone close`,
        replyMode: "sleepy",
        maxSentences: 2,
      };
    const wakesAt = nextLocalClockTime(now, identity.timezone, minutesOfDay(wakeTime));
    return {
      status: "asleep",
      reason: `asleep until ${wakeTime}`,
      replyMode: "deferred",
      maxSentences: 3,
      deferUntil: wakesAt.toISOString(),
    };
  }
  if (isWorking(rhythm, local.weekday, local.minuteOfDay))
    return { status: "busy", reason: `at work (${rhythm.workplace})`, replyMode: "brief", maxSentences: 2 };
  return { status: "free", reason: "free to talk", replyMode: "normal", maxSentences: 4 };
}
