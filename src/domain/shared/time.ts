/**
 * Time arithmetic the deciders may do: pure functions of an ISO instant carried by a command.
 * Nothing here reads the clock.
 */

import { ZONE_RENAMES } from "./zoneRenames.ts";

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+\-/]*$/;

/** An IANA zone name (or an alias of one) that this runtime can convert to; offsets like "+01:00" are not names. */
export function isValidTimezone(value: string): boolean {
  return zoneName(value) !== null;
}

/**
 * The runtime's own spelling of a valid zone name ("europe/berlin" → "Europe/Berlin"), with IANA's
 * current name for a renamed one ("Asia/Calcutta" → "Asia/Kolkata"), so a zone is stored, compared and
 * shown one way however it was typed.
 */
export function canonicalTimezone(value: string): string {
  const name = zoneName(value);
  if (name === null) throw new RangeError(`"${value}" is not a time zone`);
  return name;
}

/** Each zone name seen, as the runtime spells it, or null where it names no zone. */
const zoneNames = new Map<string, string | null>();

function zoneName(value: string): string | null {
  const known = zoneNames.get(value);
  if (known !== undefined) return known;
  const name = ZONE_NAME.test(value) ? resolvedZone(value) : null;
  // Building a formatter costs tens of microseconds and every stored event naming a zone is checked on read.
  if (zoneNames.size < 1_000) zoneNames.set(value, name);
  return name;
}

/** The zone as IANA names it now: ICU still answers some by an old name ("Asia/Calcutta" for "Asia/Kolkata"). */
function resolvedZone(timeZone: string): string | null {
  try {
    const resolved = new Intl.DateTimeFormat("en-US", { timeZone }).resolvedOptions().timeZone;
    return ZONE_RENAMES[resolved] ?? resolved;
  } catch {
    return null;
  }
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

export type PartOfDay = "early morning" | "morning" | "afternoon" | "evening" | "night" | "late night";

export interface LocalDateTime {
  /** "YYYY-MM-DD" in the zone. */
  date: string;
  /** "HH:MM" in the zone, 24-hour clock. */
  time: string;
  weekday: Weekday;
  /** "YYYY-MM-DDTHH:MM", the wall clock in the zone without an offset. */
  wallClock: string;
  /** The weekday in full, e.g. "Tuesday". */
  weekdayName: string;
  /** e.g. "Tuesday 21:40". */
  label: string;
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

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: timezone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      weekday: "long",
    });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

/** Wall clocks already read, by zone and minute: a turn reads the same clock many times. */
const readings = new Map<string, LocalDateTime>();
const READINGS_KEPT = 2_000;

/** What a clock on the wall shows at `instant` in `timezone`; Intl applies the zone's DST rules. */
export function localDateTime(instant: string | Date, timezone: string): LocalDateTime {
  const date = typeof instant === "string" ? new Date(instant) : instant;
  const minute = Math.floor(date.getTime() / 60_000);
  // Every zone in use is offset by whole minutes, so the minute decides what the clock shows.
  const key = `${timezone}|${minute}`;
  const known = readings.get(key);
  if (known) return known;
  const reading = Object.freeze(readClock(date, timezone));
  if (readings.size >= READINGS_KEPT) readings.clear();
  readings.set(key, reading);
  return reading;
}

function readClock(instant: Date, timezone: string): LocalDateTime {
  const parts = formatterFor(timezone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  const hour = Number(part("hour")) % 24;
  const minute = Number(part("minute"));
  const weekdayName = part("weekday");
  const date = `${part("year")}-${part("month")}-${part("day")}`;
  const time = `${String(hour).padStart(2, "0")}:${part("minute")}`;
  return {
    date,
    time,
    weekday: weekdayName.toLowerCase().slice(0, 3) as Weekday,
    wallClock: `${date}T${time}`,
    weekdayName,
    label: `${weekdayName} ${time}`,
    year: Number(part("year")),
    month: Number(part("month")),
    day: Number(part("day")),
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
