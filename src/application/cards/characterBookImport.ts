import { z } from "zod";
import type { LorebookEntryInput } from "../../domain/lorebook/commands.ts";
import { LOREBOOK_LIMITS } from "../../domain/lorebook/schemas.ts";
import type { JsonValue } from "../../domain/shared/json.ts";
import { bookSettingsFrom } from "./bookSettings.ts";
import { badFile } from "./cardErrors.ts";
import { ImportReadings } from "./importReadings.ts";
import {
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
import type { LorebookDraft } from "./lorebookFormat.ts";

/** A card's `character_book` (V2/V3 lorebook) read into a lorebook draft. */

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

/** `what` names the file's part being read in a refusal ("card's character_book", "lorebook_v3 file's data"). */
export function lorebookFromCharacterBook(
  raw: unknown,
  fallbackName: string,
  what = "card's character_book",
): LorebookDraft {
  const book = parseWith(CharacterBookSchema, raw, what, "LorebookInvalid");
  if (book.entries.length > LOREBOOK_LIMITS.entries)
    throw badFile(
      "LorebookTooLarge",
      `The lorebook has ${book.entries.length} entries; at most ${LOREBOOK_LIMITS.entries} can be imported.`,
    );
  const ids = new EntryIds();
  const readings = new ImportReadings();
  const { readable, warnings } = readableEntries(book.entries);
  const entries = readable.map(({ entry, written, index }): Required<LorebookEntryInput> => {
    const ext = entry.extensions;
    const place = `#${index + 1}`;
    readings.sillyTavernValues(ext, place);
    readings.keysGivenAsNumbers(`${place} keys`, written.keys ?? written.key);
    readings.keysGivenAsNumbers(`${place} secondary_keys`, written.secondary_keys ?? written.keysecondary);
    const extensions = Object.fromEntries(
      Object.entries(ext).filter(
        ([key, value]) => !LIFTED.includes(key) && !(key === "position" && (value === 0 || value === 1)),
      ),
    );
    return {
      entryId: ids.take(entry.id, index, place),
      keys: entry.keys,
      secondaryKeys: entry.secondary_keys,
      comment: entry.comment,
      name: entry.name,
      content: entry.content,
      selective: entry.selective,
      selectiveLogic: selectiveLogicOf(ext.selectiveLogic),
      enabled: entry.enabled,
      constant: entry.constant,
      insertionOrder: readings.int(entry.insertion_order, -1e6, 1e6, `${place} insertion_order`) ?? 100,
      priority: readings.int(entry.priority, -1e6, 1e6, `${place} priority`),
      position: positionOf(entry.position, ext.position),
      caseSensitive: entry.case_sensitive ?? booleanOrNull(ext.case_sensitive),
      matchWholeWords: booleanOrNull(ext.match_whole_words),
      useRegex: entry.use_regex,
      scanDepth: readings.int(
        numberOrNull(ext.scan_depth),
        0,
        LOREBOOK_LIMITS.scanDepth,
        `${place} scan_depth`,
      ),
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
    settings: bookSettingsFrom(book, readings),
    extensions: book.extensions,
    entries: kept.entries,
    warnings: [...labels.warnings, ...warnings, ...ids.warnings(), ...readings.warnings(), ...kept.warnings],
  };
}

type CharacterBookEntry = z.output<typeof CharacterBookEntrySchema>;
type ReadableEntry = { entry: CharacterBookEntry; written: Record<string, unknown>; index: number };

/** The entries that read as entries, each with its place in the book, and a line naming the others. */
function readableEntries(raw: readonly unknown[]): {
  readable: ReadableEntry[];
  warnings: string[];
} {
  const readable: ReadableEntry[] = [];
  const malformed: string[] = [];
  for (const [index, value] of raw.entries()) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      malformed.push(`#${index + 1} (not an object)`);
      continue;
    }
    const huge = NUMBER_FIELDS.find((field) => isHuge((value as Record<string, unknown>)[field]));
    if (huge) {
      const label = entryLabel(value as Record<string, unknown>);
      malformed.push(`#${index + 1}${label} (${huge} holds a number too large)`);
      continue;
    }
    const result = parsedOrProblem(
      CharacterBookEntrySchema,
      withCardBookKeys(value as Record<string, unknown>),
    );
    if ("data" in result)
      readable.push({ entry: result.data, written: value as Record<string, unknown>, index });
    else {
      const label = entryLabel(value as Record<string, unknown>);
      malformed.push(`#${index + 1}${label} (${result.path} ${result.problem})`);
    }
  }
  if (malformed.length === 0) return { readable, warnings: [] };
  return { readable, warnings: [`Left out ${leftOutLine("malformed", malformed)}`] };
}

/** Numbers JSON cannot hold (`1e999` parses as Infinity) would otherwise turn silently into defaults. */
const NUMBER_FIELDS = ["id", "insertion_order", "priority"] as const;
const isHuge = (value: unknown) => typeof value === "number" && !Number.isFinite(value);

/** SillyTavern's `key` and `keysecondary`, which some tools write here, stand in for the spec's missing fields. */
function withCardBookKeys(entry: Record<string, unknown>): Record<string, unknown> {
  return {
    ...entry,
    keys: entry.keys ?? entry.key,
    secondary_keys: entry.secondary_keys ?? entry.keysecondary,
  };
}

function entryLabel(entry: Record<string, unknown>): string {
  const label = [entry.comment, entry.name].find(
    (v): v is string => typeof v === "string" && v.trim() !== "",
  );
  return label ? ` "${label.trim().slice(0, 60)}"` : "";
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
