import { ZONE_RENAMES } from "../../../src/domain/shared/zoneRenames.ts";

/** Zones the browser's ICU data still spells by their old names: the lists offer the new name. */
export { ZONE_RENAMES };

/** The zone by its IANA name now ("Asia/Calcutta" → "Asia/Kolkata"). */
export function currentZoneName(zone: string): string {
  return ZONE_RENAMES[zone] ?? zone;
}

/** Every IANA zone the browser knows, by current names, sorted. */
export function knownTimeZones(): string[] {
  const known = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : ["UTC"];
  return [...new Set(known.map(currentZoneName))].sort((a, b) => a.localeCompare(b));
}
