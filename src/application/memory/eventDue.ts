/**
 * When something the person told is over: "I have an exam on friday" recorded on a Wednesday is
 * over once Friday is, "we're flying to rome in two weeks" two weeks after it was said. Days are
 * counted on the clock of the time zone given (the person's, else the agent's), UTC without one:
 * an exam "tomorrow" told late on a Sydney evening is not over by that Sydney morning.
 */
import { localDateTime } from "../../domain/shared/time.ts";
import { SMALL_NUMBERS } from "../persona/personaNumberWords.ts";

const DAY_MS = 86_400_000;
/** An event over longer ago than this is not asked about any more. */
export const EVENT_ASKED_WITHIN_MS = 14 * DAY_MS;
const DAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;
const COUNTS: Readonly<Record<string, number>> = {
  ...SMALL_NUMBERS,
  a: 1,
  an: 1,
  "a couple of": 2,
  "a few": 3,
};
const UNIT_DAYS: Record<string, number> = { day: 1, week: 7, month: 30 };

const WHEN =
  /\b(?:(the day after tomorrow)|(tomorrow)|(tonight|later today|this (?:morning|afternoon|evening))|(next week(?:end)?|this weekend)|in (\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|a couple of|a few) (day|week|month)s?|(?:on |this |next )?(sunday|monday|tuesday|wednesday|thursday|friday|saturday))\b/i;

/** Whole days from the day of recording to the day it happens, or null when the text names no time. */
function daysAhead(text: string, recordedDay: number): number | null {
  const found = WHEN.exec(text);
  if (!found) return null;
  const [, dayAfter, tomorrow, today, week, count, unit, weekday] = found;
  if (dayAfter) return 2;
  if (tomorrow) return 1;
  if (today) return 0;
  if (week) return /weekend/i.test(week) ? 5 : 7;
  if (count && unit) return (COUNTS[count.toLowerCase()] ?? Number(count)) * UNIT_DAYS[unit.toLowerCase()]!;
  const target = DAYS.indexOf(weekday!.toLowerCase() as (typeof DAYS)[number]);
  const ahead = (target - recordedDay + 7) % 7;
  return ahead === 0 || /^next /i.test(found[0]) ? ahead + 7 : ahead;
}

/** The moment the told event is over (the start of the local day after it, as an ISO instant), or null. */
export function eventOverAt(text: string, recordedAt: string, timezone?: string | null): string | null {
  const recorded = Date.parse(recordedAt);
  if (Number.isNaN(recorded)) return null;
  // Days since the epoch on the zone's calendar, so a weekday and "tomorrow" are the zone's.
  const local = timezone ? localDateTime(new Date(recorded), timezone) : null;
  const day = local
    ? Date.UTC(local.year, local.month - 1, local.day) / DAY_MS
    : Math.floor(recorded / DAY_MS);
  const ahead = daysAhead(text, new Date(day * DAY_MS).getUTCDay());
  if (ahead === null) return null;
  const midnight = (day + ahead + 1) * DAY_MS;
  return new Date(timezone ? localMidnightAt(midnight, timezone) : midnight).toISOString();
}

/** The instant a zone's clock shows the midnight that `wallMidnight` stands for on a UTC clock. */
function localMidnightAt(wallMidnight: number, timezone: string): number {
  const offsetAt = (instant: number) =>
    Date.parse(`${localDateTime(new Date(instant), timezone).wallClock}:00Z`) - instant;
  const guess = wallMidnight - offsetAt(wallMidnight);
  // A change of offset between the guess and midnight (summer time) is taken at the guess.
  return wallMidnight - offsetAt(guess);
}

/** A fact the person told that names when it happens, with when it was recorded. */
export interface EventTold {
  text: string;
  recordedAt: string;
}

/** Whether a fact's words name when it happens: the cheap test before reading the time. */
export const namesWhen = (text: string): boolean => WHEN.test(text);
