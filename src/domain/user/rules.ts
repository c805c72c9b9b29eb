import { isClockTime } from "../shared/clockTimes.ts";
import { DomainError } from "../shared/decider.ts";
import { mayBePublicHost } from "../shared/publicHost.ts";
import { charCount, isBlank, plainName, withoutBidiControls } from "../shared/text.ts";
import { canonicalTimezone, isValidTimezone } from "../shared/time.ts";
import { DISPLAY_NAME_MAX, type PushKeys, type PushKind, type QuietHours } from "./events.ts";

/** The profile a person keeps; agent-initiated messages respect its time zone and quiet hours. */
export interface UserProfile {
  displayName: string;
  timezone: string | null;
  quietHours: QuietHours | null;
  doNotDisturb: boolean;
}

export function checkDisplayName(value: string): string {
  const name = plainName(value);
  if (isBlank(name)) throw new DomainError("DisplayNameRequired", "BAD_USER_INPUT", "Enter a display name.");
  if (charCount(name) > DISPLAY_NAME_MAX)
    throw new DomainError(
      "DisplayNameTooLong",
      "BAD_USER_INPUT",
      `Shorten the display name to ${DISPLAY_NAME_MAX} characters or fewer.`,
    );
  return name;
}

const CONTROLS = /\p{Cc}/gu;

/**
 * The display name a sign-in brings, as it can be kept: a person sets it at their identity
 * provider (any JSON, any length), so only text counts, controls go, broken Unicode becomes U+FFFD,
 * and a name too long is cut at a whole character; "Guest" when nothing shows.
 */
export function displayNameFromSignIn(raw: unknown): string {
  if (typeof raw !== "string") return "Guest";
  let name = raw
    .slice(0, DISPLAY_NAME_MAX * 16)
    .toWellFormed()
    .replace(CONTROLS, "");
  name = withoutBidiControls(name).trim();
  if (isBlank(name)) return "Guest";
  let kept = "";
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(name)) {
    if (charCount(kept) + charCount(segment) > DISPLAY_NAME_MAX) break;
    kept += segment;
  }
  return kept.trim() || "Guest";
}

export function checkTimezone(value: string | null): string | null {
  if (value !== null && !isValidTimezone(value))
    throw new DomainError(
      "InvalidTimezone",
      "BAD_USER_INPUT",
      `"${value}" is not a time zone; use an IANA name such as Europe/Paris.`,
    );
  return value === null ? null : canonicalTimezone(value);
}

export function checkQuietHours(value: QuietHours | null): QuietHours | null {
  if (value === null) return null;
  if (!isClockTime(value.start) || !isClockTime(value.end) || value.start === value.end)
    throw new DomainError(
      "InvalidQuietHours",
      "BAD_USER_INPUT",
      "Give quiet hours as two different 24-hour times, such as 22:00 to 07:30.",
    );
  return { start: value.start, end: value.end };
}

export function isUsableSubscription(kind: PushKind, endpoint: string, keys: PushKeys | null): boolean {
  if (endpoint.length === 0 || endpoint.length > 4096) return false;
  if (kind === "fcm") return true;
  if (!keys || keys.p256dh.length === 0 || keys.auth.length === 0) return false;
  return URL.canParse(endpoint) && new URL(endpoint).protocol === "https:";
}

/** An https URL whose host may be a public push service (never this machine or a private network). */
export function isPublicPushEndpoint(endpoint: string): boolean {
  const url = URL.parse(endpoint);
  return url !== null && url.protocol === "https:" && mayBePublicHost(url.hostname);
}

export function sameKeys(a: PushKeys | null, b: PushKeys | null): boolean {
  return a?.p256dh === b?.p256dh && a?.auth === b?.auth;
}

export function sameProfile(a: UserProfile, b: UserProfile): boolean {
  return (
    a.displayName === b.displayName &&
    a.timezone === b.timezone &&
    a.doNotDisturb === b.doNotDisturb &&
    a.quietHours?.start === b.quietHours?.start &&
    a.quietHours?.end === b.quietHours?.end
  );
}
