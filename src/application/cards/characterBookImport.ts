import { z } from "zod";
import type { LorebookEntryInput } from "../../domain/lorebook/commands.ts";
import { LOREBOOK_LIMITS } from "../../domain/lorebook/schemas.ts";
import type { JsonValue } from "../../domain/shared/json.ts";
import { BOOK_FIELDS, bookSettingsFrom } from "./bookSettings.ts";
import { badFile } from "./cardErrors.ts";
import { readableEntries } from "./characterBookEntries.ts";
import { ImportReadings } from "./importReadings.ts";
import { looseReadingLines, looseReadings } from "./looseReadings.ts";
import { parseWith } from "./looseSchemas.ts";
import {
  bookLabels,
  booleanOrNull,
  EntryIds,
  importableEntries,
  numberOrNull,
  selectiveLogicOf,
} from "./lorebookFields.ts";
import type { LorebookDraft } from "./lorebookFormat.ts";

/** A card's `character_book` (V2/V3 lorebook) read into a lorebook draft. */

export const CharacterBookSchema = z.object({
  ...BOOK_FIELDS,
  entries: z.preprocess((v) => v ?? [], z.array(z.unknown())),
});

/** How the loose pieces above read the book's own fields, for the import's warnings. */
const BOOK_KINDS = {
  name: "text",
  description: "text",
  scan_depth: "number",
  token_budget: "number",
  recursive_scanning: "boolean",
} as const;

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
  const { readable, warnings, readings: entryReadings } = readableEntries(book.entries);
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
    warnings: [
      ...labels.warnings,
      ...warnings,
      ...ids.warnings(),
      ...readings.warnings(),
      ...looseReadingLines([...looseReadings(raw, BOOK_KINDS), ...entryReadings]),
      ...kept.warnings,
    ],
  };
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
