/**
 * Time arithmetic the deciders may do: pure functions of an ISO instant carried by a command.
 * Nothing here reads the clock.
 */

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+\-/]*$/;

/** An IANA zone name (or an alias of one) that this runtime can convert to; offsets like "+01:00" are not names. */
export function isValidTimezone(value: string): boolean {
  if (!ZONE_NAME.test(value)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export function isClockTime(value: string): boolean {
  return CLOCK_TIME.test(value);
}

/** Minutes since local midnight of an "HH:MM" clock time. */
export function minutesOfDay(clockTime: string): number {
  const [hours, minutes] = clockTime.split(":").map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

export function isInstant(value: string): boolean {
  return !Number.isNaN(Date.parse(value));
}

/** The UTC calendar day of an instant, "YYYY-MM-DD": the key for per-day counters. */
export function utcDayKey(instant: string): string {
  return new Date(instant).toISOString().slice(0, 10);
}

export function addSeconds(instant: string, seconds: number): string {
  return new Date(Date.parse(instant) + seconds * 1000).toISOString();
}

export function isBefore(a: string, b: string): boolean {
  return Date.parse(a) < Date.parse(b);
}

export interface LocalDateTime {
  /** "YYYY-MM-DD" in the zone. */
  date: string;
  /** "HH:MM" in the zone, 24-hour clock. */
  time: string;
  weekday: Weekday;
  /** "YYYY-MM-DDTHH:MM", the wall clock in the zone without an offset. */
  wallClock: string;
}

/** What a clock on the wall shows at `instant` in `timezone`. */
export function localDateTime(instant: string, timezone: string): LocalDateTime {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: timezone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    weekday: "short",
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  const date = `${part("year")}-${part("month")}-${part("day")}`;
  const time = `${part("hour")}:${part("minute")}`;
  const weekday = part("weekday").toLowerCase().slice(0, 3) as Weekday;
  return { date, time, weekday, wallClock: `${date}T${time}` };
}
