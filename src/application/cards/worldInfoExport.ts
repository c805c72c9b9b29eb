import { SELECTIVE_LOGICS } from "../../domain/lorebook/schemas.ts";
import type { JsonObject } from "../../domain/shared/json.ts";
import { writeBookSettings } from "./bookSettings.ts";
import { numericEntryId } from "./lorebookFields.ts";
import type { LorebookContent } from "./lorebookFormat.ts";
import { RENAMED_BACK } from "./worldInfoFields.ts";

/**
 * The book as a SillyTavern world-info file, entries keyed by their numeric uid, with the book's
 * name, description, settings and extensions beside them (SillyTavern reads only the entries).
 */
export function lorebookToWorldInfo(book: LorebookContent): JsonObject {
  const used = new Set<number>();
  const numeric = book.entries.map((e) => numericEntryId(e.entryId));
  const wanted = new Set(numeric);
  let next = 0;
  const entries: JsonObject = {};
  book.entries.forEach((entry, index) => {
    let uid = numeric[index];
    if (uid === null || uid === undefined || used.has(uid)) {
      while (used.has(next) || wanted.has(next)) next++;
      uid = next;
    }
    used.add(uid);
    const extras = Object.fromEntries(
      Object.entries(entry.extensions).map(([k, v]) => [RENAMED_BACK.get(k) ?? k, v]),
    );
    entries[String(uid)] = {
      ...extras,
      uid,
      key: [...entry.keys],
      keysecondary: [...entry.secondaryKeys],
      comment: entry.comment || entry.name,
      content: entry.content,
      constant: entry.constant,
      selective: entry.selective,
      selectiveLogic: SELECTIVE_LOGICS.indexOf(entry.selectiveLogic),
      order: entry.insertionOrder,
      position:
        typeof extras.position === "number" ? extras.position : entry.position === "beforeCharacter" ? 0 : 1,
      disable: !entry.enabled,
      excludeRecursion: entry.excludeRecursion,
      preventRecursion: entry.preventRecursion,
      scanDepth: entry.scanDepth,
      caseSensitive: entry.caseSensitive,
      matchWholeWords: entry.matchWholeWords,
    };
  });
  const result: JsonObject = { name: book.name, description: book.description };
  writeBookSettings(result, book.settings);
  result.extensions = { ...book.extensions };
  result.entries = entries;
  return result;
}
