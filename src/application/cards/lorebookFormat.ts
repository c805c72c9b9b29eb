import { z } from "zod";
import type { LorebookEntryInput } from "../../domain/lorebook/commands.ts";
import {
  LOREBOOK_LIMITS,
  type LorebookEntry,
  type LorebookSettings,
  SELECTIVE_LOGICS,
} from "../../domain/lorebook/schemas.ts";
import type { JsonObject, JsonValue } from "../../domain/shared/json.ts";
import { bookSettingsFrom, writeBookSettings } from "./bookSettings.ts";
import { badFile } from "./cardErrors.ts";
import {
  intOrNull,
  jsonObject,
  looseBoolean,
  looseNumber,
  looseText,
  looseTextList,
  optionalBoolean,
  parsedOrProblem,
  parseWith,
} from "./looseSchemas.ts";
import {
  bookLabels,
  booleanOrNull,
  EntryIds,
  importableEntries,
  leftOutLine,
  numberOrNull,
  selectiveLogicOf,
} from "./lorebookFields.ts";

/** A card's `character_book` (V2/V3 lorebook) and withme's lorebook, both ways. */

export interface LorebookDraft {
  name: string;
  description: string;
  settings: LorebookSettings;
  extensions: JsonObject;
  entries: Required<LorebookEntryInput>[];
  /** What the import left out or changed, for the operator. */
  warnings: string[];
}

/** What a book is to the exporter: the lorebook's state, or a draft. */
export interface LorebookContent {
  name: string;
  description: string;
  settings: LorebookSettings;
  extensions: JsonObject;
  entries: readonly LorebookEntry[];
}

const CharacterBookEntrySchema = z.object({
  keys: looseTextList,
  secondary_keys: looseTextList,
  content: looseText,
  extensions: jsonObject,
  enabled: looseBoolean(true),
  insertion_order: looseNumber,
  case_sensitive: optionalBoolean,
  use_regex: looseBoolean(false),
  constant: looseBoolean(false),
  name: looseText,
  priority: looseNumber,
  id: z.union([z.number(), z.string()]).nullish().catch(null),
  comment: looseText,
  selective: looseBoolean(false),
  position: z.enum(["before_char", "after_char"]).nullish().catch(null),
});

export const CharacterBookSchema = z.object({
  name: looseText,
  description: looseText,
  scan_depth: looseNumber,
  token_budget: looseNumber,
  recursive_scanning: looseBoolean(false),
  extensions: jsonObject,
  entries: z.preprocess((v) => v ?? [], z.array(z.unknown())),
});

/** Keys SillyTavern keeps in an entry's `extensions` that withme holds as fields of its own. */
const LIFTED = [
  "selectiveLogic",
  "exclude_recursion",
  "prevent_recursion",
  "scan_depth",
  "case_sensitive",
  "match_whole_words",
];

export function lorebookFromCharacterBook(raw: unknown, fallbackName: string): LorebookDraft {
  const book = parseWith(CharacterBookSchema, raw, "card's character_book", "LorebookInvalid");
  if (book.entries.length > LOREBOOK_LIMITS.entries)
    throw badFile(
      "LorebookTooLarge",
      `The lorebook has ${book.entries.length} entries; at most ${LOREBOOK_LIMITS.entries} can be imported.`,
    );
  const ids = new EntryIds();
  const { readable, warnings } = readableEntries(book.entries);
  const entries = readable.map(({ entry, index }): Required<LorebookEntryInput> => {
    const ext = entry.extensions;
    const extensions = Object.fromEntries(
      Object.entries(ext).filter(
        ([key, value]) => !LIFTED.includes(key) && !(key === "position" && (value === 0 || value === 1)),
      ),
    );
    return {
      entryId: ids.take(entry.id, index),
      keys: entry.keys,
      secondaryKeys: entry.secondary_keys,
      comment: entry.comment,
      name: entry.name,
      content: entry.content,
      selective: entry.selective,
      selectiveLogic: selectiveLogicOf(ext.selectiveLogic),
      enabled: entry.enabled,
      constant: entry.constant,
      insertionOrder: intOrNull(entry.insertion_order, -1e6, 1e6) ?? 100,
      priority: intOrNull(entry.priority, -1e6, 1e6),
      position: positionOf(entry.position, ext.position),
      caseSensitive: entry.case_sensitive ?? booleanOrNull(ext.case_sensitive),
      matchWholeWords: booleanOrNull(ext.match_whole_words),
      useRegex: entry.use_regex,
      scanDepth: intOrNull(numberOrNull(ext.scan_depth), 0, LOREBOOK_LIMITS.scanDepth),
      excludeRecursion: ext.exclude_recursion === true,
      preventRecursion: ext.prevent_recursion === true,
      extensions,
    };
  });
  const labels = bookLabels(book.name, book.description, fallbackName);
  const places = readable.map(({ index }) => `#${index + 1}`);
  const kept = importableEntries(entries, places);
  return {
    name: labels.name,
    description: labels.description,
    settings: bookSettingsFrom(book),
    extensions: book.extensions,
    entries: kept.entries,
    warnings: [...labels.warnings, ...warnings, ...kept.warnings],
  };
}

type CharacterBookEntry = z.output<typeof CharacterBookEntrySchema>;

/** The entries that read as entries, each with its place in the book, and a line naming the others. */
function readableEntries(raw: readonly unknown[]): {
  readable: { entry: CharacterBookEntry; index: number }[];
  warnings: string[];
} {
  const readable: { entry: CharacterBookEntry; index: number }[] = [];
  const malformed: string[] = [];
  for (const [index, value] of raw.entries()) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      malformed.push(`#${index + 1} (not an object)`);
      continue;
    }
    const result = parsedOrProblem(CharacterBookEntrySchema, value);
    if ("data" in result) readable.push({ entry: result.data, index });
    else {
      const label = entryLabel(value as Record<string, unknown>);
      malformed.push(`#${index + 1}${label} (${result.path} ${result.problem})`);
    }
  }
  if (malformed.length === 0) return { readable, warnings: [] };
  return { readable, warnings: [`Left out ${leftOutLine("malformed", malformed)}`] };
}

function entryLabel(entry: Record<string, unknown>): string {
  const label = [entry.comment, entry.name].find(
    (v): v is string => typeof v === "string" && v.trim() !== "",
  );
  return label ? ` "${label.trim().slice(0, 60)}"` : "";
}

/** A `character_book` as both specs read it; SillyTavern's own fields go back into each entry's extensions. */
export function lorebookToCharacterBook(book: LorebookContent): JsonObject {
  const result: JsonObject = { name: book.name, description: book.description };
  writeBookSettings(result, book.settings);
  result.extensions = book.extensions;
  result.entries = book.entries.map((entry) => {
    const extensions: JsonObject = { ...entry.extensions };
    if (typeof extensions.position !== "number")
      extensions.position = entry.position === "beforeCharacter" ? 0 : 1;
    extensions.selectiveLogic = SELECTIVE_LOGICS.indexOf(entry.selectiveLogic);
    extensions.exclude_recursion = entry.excludeRecursion;
    extensions.prevent_recursion = entry.preventRecursion;
    extensions.scan_depth = entry.scanDepth;
    extensions.case_sensitive = entry.caseSensitive;
    extensions.match_whole_words = entry.matchWholeWords;
    const out: JsonObject = {
      id: /^\d{1,9}$/.test(entry.entryId) ? Number(entry.entryId) : entry.entryId,
      keys: [...entry.keys],
      secondary_keys: [...entry.secondaryKeys],
      comment: entry.comment,
      content: entry.content,
      constant: entry.constant,
      selective: entry.selective,
      insertion_order: entry.insertionOrder,
      enabled: entry.enabled,
      position: entry.position === "beforeCharacter" ? "before_char" : "after_char",
      use_regex: entry.useRegex,
      extensions,
    };
    if (entry.name !== "") out.name = entry.name;
    if (entry.priority !== null) out.priority = entry.priority;
    if (entry.caseSensitive !== null) out.case_sensitive = entry.caseSensitive;
    return out;
  });
  return result;
}

/** SillyTavern's own number wins for its two plain positions; its finer ones (2–6) keep the declared side. */
function positionOf(
  declared: "before_char" | "after_char" | null | undefined,
  extension: JsonValue | undefined,
) {
  if (extension === 0) return "beforeCharacter" as const;
  if (extension === 1) return "afterCharacter" as const;
  if (declared === "before_char") return "beforeCharacter" as const;
  return declared === "after_char" || typeof extension === "number"
    ? ("afterCharacter" as const)
    : ("beforeCharacter" as const);
}
