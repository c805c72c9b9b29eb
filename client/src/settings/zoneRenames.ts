/**
 * Zones the browser's ICU data still spells by their old names, with the name IANA gives them now:
 * the lists offer the new name. The server keeps the same table (src/domain/shared/zoneRenames.ts)
 * and stores the new name whichever is sent.
 */
export const ZONE_RENAMES: Readonly<Record<string, string>> = {
  "Africa/Asmera": "Africa/Asmara",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Catamarca": "America/Argentina/Catamarca",
  "America/Coral_Harbour": "America/Atikokan",
  "America/Cordoba": "America/Argentina/Cordoba",
  "America/Godthab": "America/Nuuk",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Jujuy": "America/Argentina/Jujuy",
  "America/Louisville": "America/Kentucky/Louisville",
  "America/Mendoza": "America/Argentina/Mendoza",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Europe/Kiev": "Europe/Kyiv",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Truk": "Pacific/Chuuk",
};

/** The zone by its IANA name now ("Asia/Calcutta" → "Asia/Kolkata"). */
export function currentZoneName(zone: string): string {
  return ZONE_RENAMES[zone] ?? zone;
}

/** Every IANA zone the browser knows, by current names, sorted. */
export function knownTimeZones(): string[] {
  const known = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : ["UTC"];
  return [...new Set(known.map(currentZoneName))].sort((a, b) => a.localeCompare(b));
}
