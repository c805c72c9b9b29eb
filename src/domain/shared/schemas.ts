import { z } from "zod";
import { isClockTime } from "./clockTimes.ts";
import { isWithin, plainName } from "./text.ts";
import { canonicalTimezone, isValidTimezone, WEEKDAYS } from "./time.ts";

/** Building blocks for event schemas shared by several aggregates. */

export const IdSchema = z.string().min(1).max(128);

export const InstantSchema = z.iso.datetime({ offset: true });

/**
 * A zone name, read as its canonical spelling: zones stored before names were canonicalised
 * ("europe/berlin") come out of the log, and every state and read model built from it, as "Europe/Berlin".
 */
export const TimezoneSchema = z
  .string()
  .refine(isValidTimezone, { message: "not an IANA time zone" })
  .transform(canonicalTimezone);

export const ClockTimeSchema = z.string().refine(isClockTime, { message: "expected a 24-hour HH:MM time" });

export const WeekdaySchema = z.enum(WEEKDAYS);

/**
 * A name of 1 to `max` characters, read as one line without bidi controls (`plainName`): a name
 * stored before they were taken out on the way in reads, in every state and read model, as it would
 * be written now.
 */
export function nameSchema(max: number) {
  return textSchema(1, max).transform(plainName);
}

/** A name as a read-model row holds it: one written before names were made plain reads plain. */
export const StoredNameSchema = z.string().transform(plainName);

/** A string of `min..max` characters, counted as code points (the way the deciders count). */
export function textSchema(min: number, max: number) {
  return z.string().refine((value) => isWithin(value, min, max), {
    message: `expected ${min} to ${max} characters`,
  });
}

/** Where a stored image lives: an absolute http(s) URL, or a path on this server such as `/media/…`. */
export function isMediaUrl(value: string): boolean {
  if (value.startsWith("/") && !value.startsWith("//")) return value.length <= 2048;
  if (!URL.canParse(value) || value.length > 2048) return false;
  const protocol = new URL(value).protocol;
  return protocol === "https:" || protocol === "http:";
}

export const MediaUrlSchema = z
  .string()
  .refine(isMediaUrl, { message: "expected an http(s) URL or a /path" });
