import { currentZoneName, knownTimeZones } from "./zoneRenames.ts";

/** The time zone this browser is set to, e.g. "Europe/Lisbon"; UTC when it does not say. */
export function browserTimeZone(): string {
  try {
    return currentZoneName(Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC");
  } catch {
    return "UTC";
  }
}

/**
 * The IANA zones this browser knows by their current names, sorted, always including `keep` (a stored
 * zone may be an alias).
 */
export function timeZoneChoices(...keep: (string | null | undefined)[]): string[] {
  const kept = keep.filter((zone): zone is string => Boolean(zone)).map(currentZoneName);
  const all = new Set([...knownTimeZones(), "UTC", ...kept]);
  return [...all].sort((a, b) => a.localeCompare(b));
}

/** "Europe/Lisbon" → "Europe / Lisbon · 21:40", so a person recognises their zone by its clock. */
export function timeZoneLabel(zone: string, now: Date = new Date()): string {
  try {
    const time = now.toLocaleTimeString(undefined, { timeZone: zone, hour: "2-digit", minute: "2-digit" });
    return `${zone.replace(/_/g, " ").replace(/\//g, " / ")} · ${time}`;
  } catch {
    return zone;
  }
}
