import type { ReplyContext } from "../../ports/replyModel.ts";
import { localTimeAt, nextLocalClockTime, parseClockTime } from "./localTime.ts";

export interface SleepSchedule {
  /** Local "HH:MM" when the agent goes to sleep. */
  bedtime: string;
  /** Local "HH:MM" when it wakes up. */
  wakeTime: string;
}

export const defaultSleepSchedule: SleepSchedule = { bedtime: "23:30", wakeTime: "07:00" };

export interface Scenario {
  title: string;
  description: string;
  /** ISO instants; a scenario without both is background colour, not an occupation. */
  startsAt?: string;
  endsAt?: string;
  /** Set when the caller already knows (e.g. from a weekly window) whether it runs now. */
  active?: boolean;
}

export type AvailabilityVerdict = ReplyContext["availability"];

/** Close enough to wake up for a sleepy line instead of replying in the morning. */
const sleepyReplyAffinity = 40;

export function isScenarioActive(scenario: Scenario, now: Date): boolean {
  if (scenario.active !== undefined) return scenario.active;
  if (!scenario.startsAt || !scenario.endsAt) return false;
  const at = now.getTime();
  return Date.parse(scenario.startsAt) <= at && at < Date.parse(scenario.endsAt);
}

export function isWithinSleep(minuteOfDay: number, schedule: SleepSchedule): boolean {
  const bed = parseClockTime(schedule.bedtime);
  const wake = parseClockTime(schedule.wakeTime);
  if (bed === wake) return false;
  return bed < wake ? minuteOfDay >= bed && minuteOfDay < wake : minuteOfDay >= bed || minuteOfDay < wake;
}

/**
 * Busy while a timed scenario runs (it wins over sleep: a night shift keeps the agent up), asleep
 * inside the sleep window, free otherwise.
 */
export function computeAvailability(input: {
  now: Date;
  timeZone: string;
  scenarios: readonly Scenario[];
  affinity: number;
  sleepSchedule?: SleepSchedule;
}): AvailabilityVerdict {
  const active = input.scenarios.find((scenario) => isScenarioActive(scenario, input.now));
  if (active) {
    return {
      status: "busy",
      reason: `in the middle of: ${active.title}`,
      replyMode: "brief",
      maxSentences: 2,
    };
  }
  const schedule = input.sleepSchedule ?? defaultSleepSchedule;
  const local = localTimeAt(input.now, input.timeZone);
  if (!isWithinSleep(local.minuteOfDay, schedule)) {
    return { status: "free", reason: "free to talk", replyMode: "normal", maxSentences: 4 };
  }
  const wakesAt = nextLocalClockTime(input.now, input.timeZone, parseClockTime(schedule.wakeTime));
  if (input.affinity >= sleepyReplyAffinity) {
    return {
      status: "asleep",
      reason: `asleep until ${schedule.wakeTime}, but woke up for someone close`,
      replyMode: "sleepy",
      maxSentences: 2,
    };
  }
  return {
    status: "asleep",
    reason: `asleep until ${schedule.wakeTime}`,
    replyMode: "deferred",
    maxSentences: 3,
    deferUntil: wakesAt.toISOString(),
  };
}
