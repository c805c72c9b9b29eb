import { assertNever } from "../../domain/shared/decider.ts";
import { excerpt } from "./cardErrors.ts";
import { warningLines } from "./lorebookFields.ts";

/** How a loose schema piece (`looseSchemas.ts`) reads a field: the kind of value it makes. */
export type LooseKind = "text" | "textList" | "number" | "boolean";

/**
 * What the loose schema pieces read otherwise than the file wrote it, named at `place` (`"#3 "`
 * for an entry, `""` for the card itself): a number or yes/no taken as text, one text split at
 * its commas into a list, empty items dropped from a list, a number or yes/no written as text
 * read as one, and a value that could not be read at all left out.
 */
export function looseReadings(
  written: unknown,
  kinds: Readonly<Record<string, LooseKind>>,
  place = "",
): string[] {
  if (typeof written !== "object" || written === null || Array.isArray(written)) return [];
  const fields = written as Record<string, unknown>;
  const readings: string[] = [];
  for (const [field, kind] of Object.entries(kinds)) {
    const value = fields[field];
    if (value !== undefined && value !== null) readings.push(...readingsOf(value, kind, `${place}${field}`));
  }
  return readings;
}

/** One warning line for the readings, or none. */
export function looseReadingLines(readings: readonly string[]): string[] {
  return warningLines("Read", readings, ["value otherwise than written", "values otherwise than written"]);
}

function readingsOf(value: unknown, kind: LooseKind, where: string): string[] {
  switch (kind) {
    case "text":
      return typeof value === "number" || typeof value === "boolean" ? [`${where} ${value} as text`] : [];
    case "textList":
      return listReadings(value, where);
    case "number": {
      if (typeof value === "number") return [];
      const read = typeof value === "string" && value.trim() !== "" ? Number(value) : Number.NaN;
      return Number.isFinite(read)
        ? [`${where} "${excerpt(String(value))}" as ${read}`]
        : [`${where} left out`];
    }
    case "boolean":
      if (typeof value === "boolean") return [];
      return value === "true" || value === "false"
        ? [`${where} "${value}" as ${value}`]
        : [`${where} left out`];
    default:
      return assertNever(kind);
  }
}

function listReadings(value: unknown, where: string): string[] {
  if (typeof value === "string") {
    const parts = value.split(",").length;
    return [
      `${where} "${excerpt(value)}" as ${parts === 1 ? "a list of one" : `a list of ${parts}, split at its commas`}`,
    ];
  }
  if (!Array.isArray(value)) return [`${where} left out`];
  const readings: string[] = [];
  const empty = value.filter((item) => item === null || item === undefined).length;
  if (empty > 0) readings.push(`${where} without its ${empty} empty item${empty === 1 ? "" : "s"}`);
  value.forEach((item, at) => {
    if (typeof item === "number") readings.push(`${where} #${at + 1} ${item} as text`);
  });
  return readings;
}
