/** Times of day as "HH:MM" clock times: parsed, compared with daily windows, and found next in a zone. */

import { localDateTime } from "./time.ts";

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isClockTime(value: string): boolean {
  return CLOCK_TIME.test(value);
}

/** Minutes since local midnight of an "HH:MM" (or "H:MM") clock time; throws on anything else. */
export function minutesOfDay(clockTime: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(clockTime.trim());
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (!match || hours > 23 || minutes > 59)
    throw new RangeError(`"${clockTime}" is not a time of day like 23:30`);
  return hours * 60 + minutes;
}

/** Whether `minute` lies in the daily window [from, to), which runs past midnight when to < from. */
export function inDailyWindow(minute: number, from: number, to: number): boolean {
  const m = ((minute % 1440) + 1440) % 1440;
  const a = ((from % 1440) + 1440) % 1440;
  const b = ((to % 1440) + 1440) % 1440;
  if (a === b) return to - from >= 1440;
  return a < b ? m >= a && m < b : m >= a || m < b;
}

/**
 * The next instant at or after `now` when the local clock in `timezone` reads `minuteOfDay`. On a
 * day when DST skips that time, the wall time shifted by the gap (02:30 becomes 03:30).
 */
export function nextLocalClockTime(now: Date, timezone: string, minuteOfDay: number): Date {
  const local = localDateTime(now, timezone);
  const startOfMinute = now.getTime() - (now.getTime() % 60_000);
  const ahead = (minuteOfDay - local.minuteOfDay + 1440) % 1440;
  let candidate = startOfMinute + ahead * 60_000;
  for (let i = 0; i < 2; i++) {
    const reached = localDateTime(new Date(candidate), timezone).minuteOfDay;
    let drift = minuteOfDay - reached;
    if (drift > 720) drift -= 1440;
    if (drift < -720) drift += 1440;
    if (drift === 0) break;
    candidate += drift * 60_000;
  }
  return new Date(Math.max(candidate, startOfMinute));
}
