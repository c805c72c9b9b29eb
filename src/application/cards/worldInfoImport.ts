import { z } from "zod";
import { LOREBOOK_LIMITS } from "../../domain/lorebook/schemas.ts";
import {
  type JsonObject,
  type JsonValue,
  jsonObjectFault,
  MAX_JSON_DEPTH,
} from "../../domain/shared/json.ts";
import { BOOK_FIELDS, bookSettingsFrom } from "./bookSettings.ts";
import { badFile } from "./cardErrors.ts";
import { ImportReadings } from "./importReadings.ts";
import { parseWith } from "./looseSchemas.ts";
import {
  bookLabels,
  booleanOrNull,
  EntryIds,
  importableEntries,
  leftOutLine,
  numberOrNull,
  selectiveLogicOf,
  warningLines,
} from "./lorebookFields.ts";
import type { LorebookDraft } from "./lorebookFormat.ts";
import { OWN, RENAMED } from "./worldInfoFields.ts";

/**
 * The entries, and the book-level fields a card's `character_book` has, which some tools write here
 * too. The entries stay the parsed object itself: rebuilding it would lose an entry keyed `__proto__`.
 */
const WorldInfoSchema = z.object({
  ...BOOK_FIELDS,
  entries: z.custom<Record<string, unknown>>(isObject, "should be an object"),
});

export function lorebookFromWorldInfo(raw: unknown, name: string): LorebookDraft {
  const info = parseWith(WorldInfoSchema, raw, "world info file", "LorebookInvalid");
  const values: { key: string; entry: JsonObject; place: string }[] = [];
  const malformed: string[] = [];
  for (const [position, [key, value]] of Object.entries(info.entries).entries()) {
    const problem = entryProblem(value);
    if (problem) malformed.push(`"${key.slice(0, 60)}" (${problem})`);
    else values.push({ key, place: `#${position + 1}`, entry: value as JsonObject });
  }
  // One unreadable entry is left out; a file of nothing but unreadable entries is no lorebook.
  if (values.length === 0 && malformed.length > 0)
    throw badFile(
      "LorebookInvalid",
      `Not one entry of the world info file could be read; ${leftOutLine("malformed", malformed)}`,
    );
  if (values.length > LOREBOOK_LIMITS.entries)
    throw badFile(
      "LorebookTooLarge",
      `The lorebook has ${values.length} entries; at most ${LOREBOOK_LIMITS.entries} can be imported.`,
    );
  const ids = new EntryIds(true);
  const readings = new ImportReadings();
  const notText: string[] = [];
  const entries = values.map(({ key: at, entry: e, place }, index) => {
    const label = `"${at.slice(0, 60)}"${typeof e.comment === "string" && e.comment.trim() ? ` "${e.comment.trim().slice(0, 60)}"` : ""}`;
    const extensions: JsonObject = Object.fromEntries(
      Object.entries(e)
        .filter(([key, value]) => !OWN.has(key) && !(key === "position" && (value === 0 || value === 1)))
        .map(([key, value]) => [RENAMED.get(key) ?? key, value]),
    );
    readings.sillyTavernValues(extensions, label);
    return {
      entryId: ids.take(typeof e.uid === "number" || typeof e.uid === "string" ? e.uid : null, index, place),
      keys: keyList(e, "key", "keys", label, notText, readings),
      secondaryKeys: keyList(e, "keysecondary", "secondary_keys", label, notText, readings),
      comment: text(e.comment),
      name: "",
      content: text(e.content),
      selective: e.selective !== false,
      selectiveLogic: selectiveLogicOf(e.selectiveLogic),
      enabled: e.disable !== true,
      constant: e.constant === true,
      insertionOrder: readings.int(numberOrNull(e.order), -1e6, 1e6, `${label} order`) ?? 100,
      priority: null,
      position: e.position === 0 ? ("beforeCharacter" as const) : ("afterCharacter" as const),
      caseSensitive: booleanOrNull(e.caseSensitive),
      matchWholeWords: booleanOrNull(e.matchWholeWords),
      useRegex: false,
      scanDepth: readings.int(numberOrNull(e.scanDepth), 0, LOREBOOK_LIMITS.scanDepth, `${label} scanDepth`),
      excludeRecursion: e.excludeRecursion === true,
      preventRecursion: e.preventRecursion === true,
      extensions,
    };
  });
  const labels = bookLabels(info.name, info.description, name);
  const kept = importableEntries(
    entries,
    values.map(({ place }) => place),
  );
  const leftOut = [
    ...warningLines("Left out", malformed, ["entry", "entries"], "malformed"),
    ...warningLines("Left out", notText, ["key that is not text", "keys that are not text"]),
  ];
  return {
    name: labels.name,
    description: labels.description,
    settings: bookSettingsFrom(info, readings),
    extensions: info.extensions,
    entries: kept.entries,
    warnings: [...labels.warnings, ...leftOut, ...ids.warnings(), ...readings.warnings(), ...kept.warnings],
  };
}

/** Why an entry cannot be read, naming its field, or null: one bad entry is left out, not the file. */
function entryProblem(value: unknown): string | null {
  if (!isObject(value)) return "not an object";
  if (!isText(value.content) && value.content != null) return "content should be text";
  for (const [field, item] of Object.entries(value)) {
    const fault = jsonObjectFault(Object.fromEntries([[field, item]]));
    if (fault === "tooDeep") return `${field} nests deeper than ${MAX_JSON_DEPTH} levels`;
    if (fault) return `${field} holds a number too large or something not plain JSON`;
  }
  return null;
}

/** The keys under SillyTavern's name for the field or, failing that, the card book's. */
function keyList(
  e: JsonObject,
  field: string,
  otherSpelling: string,
  label: string,
  notText: string[],
  readings: ImportReadings,
) {
  const named = e[field] ?? e[otherSpelling] ?? null;
  const as = e[field] === undefined || e[field] === null ? otherSpelling : field;
  return textList(named, `${label} ${as}`, notText, readings);
}

function textList(v: JsonValue, where: string, notText: string[], readings: ImportReadings): string[] {
  if (typeof v === "string") return v.split(",");
  if (v === null) return [];
  if (!Array.isArray(v)) {
    notText.push(`${where} (${kindOf(v)})`);
    return [];
  }
  v.forEach((k, at) => {
    if (k !== null && !isText(k)) notText.push(`${where} #${at + 1} (${kindOf(k)})`);
    if (typeof k === "number") readings.keyAsText(`${where} #${at + 1} (${k})`);
  });
  return v
    .filter(isText)
    .map(String)
    .filter((k) => k.trim() !== "");
}

const isText = (v: unknown): v is string | number => typeof v === "string" || typeof v === "number";
const text = (v: unknown) => (isText(v) ? String(v) : "");

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
