import type { LorebookEntryInput } from "../../domain/lorebook/commands.ts";
import { checkEntry, isEmptyEntry } from "../../domain/lorebook/entryRules.ts";
import { LOREBOOK_LIMITS, SELECTIVE_LOGICS, type SelectiveLogic } from "../../domain/lorebook/schemas.ts";
import { DomainError } from "../../domain/shared/decider.ts";
import type { JsonValue } from "../../domain/shared/json.ts";
import { isBlank, plainName } from "../../domain/shared/text.ts";

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

/**
 * Entry ids as the file gives them, made unique; entries without one get the next free number. A
 * numeric id that is not a whole number from 0 to 2^53 (`1e308`, `-1`, `2.5`) could not come back
 * as the same uid, and an id an earlier entry has already cannot either, so each gets the next free
 * number too, and `warnings` names those entries. With `numeric` (world info, whose uids are
 * numbers) an id given as text that is not such a number (`"abc"`) is renumbered the same way.
 */
export class EntryIds {
  readonly #taken = new Set<string>();
  readonly #renumbered: string[] = [];
  readonly #repeated: string[] = [];

  readonly #numeric: boolean;

  constructor(numeric = false) {
    this.#numeric = numeric;
  }

  take(id: string | number | null | undefined, index: number, place = `#${index + 1}`): string {
    const unusable =
      typeof id === "number"
        ? !(Number.isSafeInteger(id) && id >= 0)
        : this.#numeric && typeof id === "string" && id.trim() !== "" && numericEntryId(id.trim()) === null;
    if (unusable)
      this.#renumbered.push(`${place} (${typeof id === "string" ? JSON.stringify(id.slice(0, 60)) : id})`);
    const given = id === null || id === undefined || unusable ? "" : String(id).trim().slice(0, 128);
    if (given !== "" && this.#taken.has(given)) this.#repeated.push(`${place} (${given})`);
    let candidate = given === "" ? String(index) : given;
    for (let n = index; this.#taken.has(candidate); n++) candidate = String(n);
    this.#taken.add(candidate);
    return candidate;
  }

  warnings(): string[] {
    return [
      ...warningLines("Gave a new id to", this.#renumbered, [
        "entry whose id is not a whole number from 0 to 2^53",
        "entries whose ids are not whole numbers from 0 to 2^53",
      ]),
      ...warningLines("Gave a new id to", this.#repeated, [
        "entry whose id an earlier entry has",
        "entries whose ids earlier entries have",
      ]),
    ];
  }
}

/** The numeric uid an entry id stands for, when it is one that reads back as the same id. */
export function numericEntryId(entryId: string): number | null {
  if (!/^(0|[1-9]\d{0,15})$/.test(entryId)) return null;
  const uid = Number(entryId);
  return Number.isSafeInteger(uid) ? uid : null;
}

const NAMED_AT_MOST = 10;

/** One line naming what was left out, the first few by name: "Left out 2 malformed entries: …". */
export function leftOutLine(
  what: string,
  names: readonly string[],
  [one, many]: readonly [string, string] = ["entry", "entries"],
): string {
  const named = names.slice(0, NAMED_AT_MOST).join(", ");
  const more = names.length > NAMED_AT_MOST ? ` and ${names.length - NAMED_AT_MOST} more` : "";
  const count = `${names.length} ${what ? `${what} ` : ""}${names.length === 1 ? one : many}`;
  return `${count}: ${named}${more}.`;
}

/** A warning line saying what was done to the named entries or values, or none when there are none. */
export function warningLines(
  done: string,
  names: readonly string[],
  nouns: readonly [string, string],
  what = "",
): string[] {
  return names.length > 0 ? [`${done} ${leftOutLine(what, names, nouns)}`] : [];
}

/**
 * The entries a lorebook can hold that can add something to a prompt, and lines saying which were
 * left out: an entry with neither keys nor content (SillyTavern's blank new entry) never can.
 * `places` names each entry by its place in the file (`#3`), so a warning points at the file's own
 * entry even when others before it were left out already.
 */
export function importableEntries<T extends Required<LorebookEntryInput>>(
  entries: readonly T[],
  places: readonly string[] = entries.map((_, index) => `#${index + 1}`),
): { entries: T[]; warnings: string[] } {
  const kept: { entry: T; place: string }[] = [];
  const skipped: string[] = [];
  for (const [index, entry] of entries.entries()) {
    const place = places[index] ?? `#${index + 1}`;
    if (!isEmptyEntry(entry)) kept.push({ entry, place });
    else skipped.push(describeEntry(entry, place));
  }
  const warnings: string[] = [];
  if (skipped.length > 0)
    warnings.push(`Skipped ${leftOutLine("blank", skipped).replace(":", " (neither keys nor content):")}`);
  const within = withinLimits(kept);
  return { entries: within.entries, warnings: [...warnings, ...within.warnings, ...keylessLine(within)] };
}

/** An entry the lorebook could not hold (content, a key or a label too long…) is left out, not the book. */
function withinLimits<T extends Required<LorebookEntryInput>>(
  entries: readonly { entry: T; place: string }[],
) {
  const kept: T[] = [];
  const places: string[] = [];
  const over: string[] = [];
  for (const { entry, place } of entries) {
    try {
      checkEntry(entry);
      kept.push(entry);
      places.push(place);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      over.push(`${describeEntry(entry, place)} (${error.message.replace(/\.$/, "")})`);
    }
  }
  if (over.length === 0) return { entries: kept, places, warnings: [] };
  const line = leftOutLine("", over, [
    "entry over the lorebook's limits",
    "entries over the lorebook's limits",
  ]);
  return { entries: kept, places, warnings: [`Left out ${line}`] };
}

/** An entry without keys that is not constant is kept, but it never comes into a prompt until given some. */
function keylessLine<T extends Required<LorebookEntryInput>>(kept: { entries: T[]; places: string[] }) {
  const keyless = kept.entries.flatMap((entry, index) =>
    !entry.constant && entry.keys.every((key) => key.trim() === "")
      ? [describeEntry(entry, kept.places[index]!)]
      : [],
  );
  if (keyless.length === 0) return [];
  const line = leftOutLine("", keyless, [
    "entry without keys, which triggers only once given some or made constant",
    "entries without keys, which trigger only once given some or made constant",
  ]);
  return [`Imported ${line}`];
}

function describeEntry(entry: Required<LorebookEntryInput>, place: string): string {
  const label = (entry.comment || entry.name).trim();
  return label ? `${place} "${label.slice(0, 60)}"` : place;
}

/** The book's name and description within the lorebook's limits, and a line for each that was cut. */
export function bookLabels(rawName: string, rawDescription: string, fallbackName: string) {
  const warnings: string[] = [];
  const trimmed = plainName(rawName);
  const cut = [...trimmed].slice(0, LOREBOOK_LIMITS.name).join("").trim();
  const name = isBlank(cut) ? fallbackName : cut;
  if (trimmed && name !== trimmed)
    warnings.push(`Cut the lorebook's name to ${LOREBOOK_LIMITS.name} characters.`);
  const described = rawDescription.trim();
  const description = [...described].slice(0, LOREBOOK_LIMITS.description).join("");
  if (description !== described)
    warnings.push(`Cut the lorebook's description to ${LOREBOOK_LIMITS.description} characters.`);
  return { name, description, warnings };
}
