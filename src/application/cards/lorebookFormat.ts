import type { LorebookEntryInput } from "../../domain/lorebook/commands.ts";
import {
  type LorebookEntry,
  type LorebookSettings,
  SELECTIVE_LOGICS,
} from "../../domain/lorebook/schemas.ts";
import type { JsonObject } from "../../domain/shared/json.ts";
import { writeBookSettings } from "./bookSettings.ts";
import { numericEntryId } from "./lorebookFields.ts";

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
      id: numericEntryId(entry.entryId) ?? entry.entryId,
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
