import type { LorebookEntryInput } from "../../domain/lorebook/commands.ts";
import { isEmptyEntry } from "../../domain/lorebook/entryRules.ts";
import { SELECTIVE_LOGICS, type SelectiveLogic } from "../../domain/lorebook/schemas.ts";
import type { JsonValue } from "../../domain/shared/json.ts";

/** Field readers shared by the card-book and world-info importers. */

export function selectiveLogicOf(value: JsonValue | undefined): SelectiveLogic {
  const index = typeof value === "number" ? value : typeof value === "string" ? Number(value) : 0;
  return SELECTIVE_LOGICS[index] ?? "andAny";
}

export function booleanOrNull(value: JsonValue | undefined): boolean | null {
  return typeof value === "boolean" ? value : null;
}

export function numberOrNull(value: JsonValue | undefined): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** Entry ids as the file gives them, made unique; entries without one get the next free number. */
export class EntryIds {
  readonly #taken = new Set<string>();

  take(id: string | number | null | undefined, index: number): string {
    const given = id === null || id === undefined ? "" : String(id).trim().slice(0, 128);
    let candidate = given === "" ? String(index) : given;
    for (let n = index; this.#taken.has(candidate); n++) candidate = String(n);
    this.#taken.add(candidate);
    return candidate;
  }
}

const NAMED_AT_MOST = 10;

/** One line naming what was left out, the first few by name: "Left out 2 malformed entries: …". */
export function leftOutLine(what: string, names: readonly string[]): string {
  const named = names.slice(0, NAMED_AT_MOST).join(", ");
  const more = names.length > NAMED_AT_MOST ? ` and ${names.length - NAMED_AT_MOST} more` : "";
  const count = names.length === 1 ? `1 ${what} entry` : `${names.length} ${what} entries`;
  return `${count}: ${named}${more}.`;
}

/**
 * The entries that can add something to a prompt, and a line saying which were left out: an entry
 * with neither keys nor content (SillyTavern's blank new entry) never can.
 */
export function withoutBlankEntries<T extends Required<LorebookEntryInput>>(
  entries: readonly T[],
): { entries: T[]; warnings: string[] } {
  const kept: T[] = [];
  const skipped: string[] = [];
  for (const [index, entry] of entries.entries()) {
    if (!isEmptyEntry(entry)) kept.push(entry);
    else skipped.push(describeEntry(entry, index));
  }
  if (skipped.length === 0) return { entries: kept, warnings: [] };
  const line = leftOutLine("blank", skipped).replace(":", " (neither keys nor content):");
  return { entries: kept, warnings: [`Skipped ${line}`] };
}

function describeEntry(entry: Required<LorebookEntryInput>, index: number): string {
  const label = (entry.comment || entry.name).trim();
  return label ? `#${index + 1} "${label.slice(0, 60)}"` : `#${index + 1}`;
}
