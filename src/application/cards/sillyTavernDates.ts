/**
 * The timestamps SillyTavern has written over the years, read as instants. Forms without a zone
 * are read as UTC, as SillyTavern's own parser does for its humanized form.
 */

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** An ISO instant, or null when the value is no date SillyTavern writes. */
export function parseSillyTavernDate(value: unknown): string | null {
  if (typeof value === "number") return fromMillis(value < 1e11 ? value * 1000 : value);
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (/^\d{9,13}$/.test(text)) return parseSillyTavernDate(Number(text));
  // 2024-6-5 @14h 56m 50s 682ms (chat headers) and 2024-7-12@01h31m37s (file names)
  const humanized =
    /^(\d{4})-(\d{1,2})-(\d{1,2}) ?@(\d{1,2})h ?(\d{1,2})m ?(\d{1,2})s(?: ?(\d{1,3})ms)?$/.exec(text);
  if (humanized) {
    const [, y, mo, d, h, mi, s, ms] = humanized.map(Number) as number[];
    return fromParts(y!, mo!, d!, h!, mi!, s!, Number.isNaN(ms) ? 0 : ms!);
  }
  // June 19, 2023 2:20pm (message timestamps)
  const meridiem = /^([A-Za-z]+)\s+(\d{1,2}),\s*(\d{4})\s+(\d{1,2}):(\d{2})\s*(am|pm)$/i.exec(text);
  if (meridiem) {
    const month = MONTHS.indexOf(meridiem[1]!.toLowerCase()) + 1;
    if (month === 0) return null;
    const hour12 = Number(meridiem[4]) % 12;
    const hour = meridiem[6]!.toLowerCase() === "pm" ? hour12 + 12 : hour12;
    return fromParts(Number(meridiem[3]), month, Number(meridiem[2]), hour, Number(meridiem[5]), 0, 0);
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(text)) {
    const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(text) ? text : `${text}Z`;
    return fromMillis(Date.parse(zoned));
  }
  return null;
}

/** The humanized form SillyTavern writes in chat headers (`create_date`), in UTC. */
export function formatHumanizedDate(instant: string): string {
  const d = new Date(instant);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}-${d.getUTCMonth() + 1}-${d.getUTCDate()} @${two(d.getUTCHours())}h ${two(d.getUTCMinutes())}m ${two(d.getUTCSeconds())}s ${d.getUTCMilliseconds()}ms`;
}

/** The form SillyTavern writes in a message's `send_date` ("December 4, 2026 3:18am"), in UTC. */
export function formatSendDate(instant: string): string {
  const d = new Date(instant);
  const month = MONTHS[d.getUTCMonth()]!;
  const hour = d.getUTCHours() % 12 === 0 ? 12 : d.getUTCHours() % 12;
  const minutes = String(d.getUTCMinutes()).padStart(2, "0");
  return `${month[0]!.toUpperCase()}${month.slice(1)} ${d.getUTCDate()}, ${d.getUTCFullYear()} ${hour}:${minutes}${d.getUTCHours() < 12 ? "am" : "pm"}`;
}

function fromParts(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
): string | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const millis = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const check = new Date(millis);
  if (check.getUTCDate() !== d) return null;
  return fromMillis(millis);
}

function fromMillis(millis: number): string | null {
  if (!Number.isFinite(millis) || millis < 0 || millis > 8.64e15) return null;
  return new Date(millis).toISOString();
}
