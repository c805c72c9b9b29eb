import type { PartOfDay } from "../../ports/replyModel.ts";

export interface LocalTime {
  /** e.g. "Tuesday 21:40". */
  label: string;
  weekday: string;
  /** YYYY-MM-DD in the agent's timezone. */
  date: string;
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** Minutes since local midnight. */
  minuteOfDay: number;
  partOfDay: PartOfDay;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      weekday: "long",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when the runtime knows the IANA timezone name. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `timeZone` at `now`; Intl applies the zone's DST rules for that instant. */
export function localTimeAt(now: Date, timeZone: string): LocalTime {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  const hour = Number(parts.hour) % 24;
  const minute = Number(parts.minute);
  const weekday = parts.weekday ?? "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    label: `${weekday} ${pad(hour)}:${pad(minute)}`,
    weekday,
    date: `${parts.year}-${parts.month}-${parts.day}`,
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour,
    minute,
    minuteOfDay: hour * 60 + minute,
    partOfDay: partOfDayAt(hour),
  };
}

export function partOfDayAt(hour: number): PartOfDay {
  if (hour < 5) return "late night";
  if (hour < 8) return "early morning";
  if (hour < 12) return "morning";
  if (hour < 17) return "afternoon";
  if (hour < 21) return "evening";
  return "night";
}

/** "HH:MM" → minutes since midnight; throws on anything else. */
export function parseClockTime(text: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (!match || hours > 23 || minutes > 59) throw new Error(`"${text}" is not a time of day like 23:30`);
  return hours * 60 + minutes;
}

/**
 * The next instant at or after `now` when the local clock in `timeZone` reads `minuteOfDay`. On a
 * day when DST skips that time, the wall time shifted by the gap (02:30 becomes 03:30).
 */
export function nextLocalClockTime(now: Date, timeZone: string, minuteOfDay: number): Date {
  const local = localTimeAt(now, timeZone);
  const startOfMinute = now.getTime() - (now.getTime() % 60_000);
  const ahead = (minuteOfDay - local.minuteOfDay + 1440) % 1440;
  let candidate = startOfMinute + ahead * 60_000;
  for (let i = 0; i < 2; i++) {
    const reached = localTimeAt(new Date(candidate), timeZone).minuteOfDay;
    let drift = minuteOfDay - reached;
    if (drift > 720) drift -= 1440;
    if (drift < -720) drift += 1440;
    if (drift === 0) break;
    candidate += drift * 60_000;
  }
  return new Date(Math.max(candidate, startOfMinute));
}
