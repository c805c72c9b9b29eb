import { z } from "zod";
import { LOREBOOK_LIMITS, SELECTIVE_LOGICS } from "../../domain/lorebook/schemas.ts";
import type { JsonObject } from "../../domain/shared/json.ts";
import { bookSettingsFrom, writeBookSettings } from "./bookSettings.ts";
import { badFile, megabytes } from "./cardErrors.ts";
import { parseJson } from "./cardPng.ts";
import { intOrNull, jsonObject, looseBoolean, looseNumber, looseText, parseWith } from "./looseSchemas.ts";
import {
  bookLabels,
  booleanOrNull,
  EntryIds,
  importableEntries,
  leftOutLine,
  numberOrNull,
  selectiveLogicOf,
} from "./lorebookFields.ts";
import {
  type LorebookContent,
  type LorebookDraft,
  lorebookFromCharacterBook,
  lorebookToCharacterBook,
} from "./lorebookFormat.ts";
import { utf8 } from "./pngChunks.ts";

/** Standalone lorebook files: SillyTavern world info, CCv3 `lorebook_v3`, or a bare `character_book`. */

export const LOREBOOK_FILE_BYTES = 5 * 1024 * 1024;

/** SillyTavern's entry fields withme holds as its own; the rest travel in `extensions` under these names. */
const RENAMED: Record<string, string> = {
  displayIndex: "display_index",
  groupOverride: "group_override",
  groupWeight: "group_weight",
  delayUntilRecursion: "delay_until_recursion",
  useGroupScoring: "use_group_scoring",
  automationId: "automation_id",
};
const OWN = new Set([
  "uid",
  "key",
  "keysecondary",
  "comment",
  "content",
  "constant",
  "selective",
  "selectiveLogic",
  "order",
  "disable",
  "excludeRecursion",
  "preventRecursion",
  "scanDepth",
  "caseSensitive",
  "matchWholeWords",
]);

/** The entries, and the book-level fields a card's `character_book` has, which some tools write here too. */
const WorldInfoSchema = z.object({
  name: looseText,
  description: looseText,
  scan_depth: looseNumber,
  token_budget: looseNumber,
  recursive_scanning: looseBoolean(false),
  extensions: jsonObject,
  entries: z.record(z.string(), z.unknown()),
});

export function readLorebookFile(bytes: Uint8Array, fallbackName: string): LorebookDraft {
  if (bytes.length > LOREBOOK_FILE_BYTES)
    throw badFile("LorebookTooLarge", `The lorebook file is ${megabytes(bytes.length)}; the limit is 5 MB.`);
  const json = parseJson(utf8(bytes, "The lorebook file is not UTF-8 text."), "lorebook file");
  if (typeof json !== "object" || json === null || Array.isArray(json))
    throw badFile("LorebookInvalid", "The lorebook file is not a JSON object.");
  const value = json as Record<string, unknown>;
  if (value.spec === "lorebook_v3") return lorebookFromCharacterBook(value.data, fallbackName);
  const cardData = value.data;
  if ((value.spec === "chara_card_v2" || value.spec === "chara_card_v3") && isObject(cardData)) {
    const book = cardData.character_book;
    if (book) return lorebookFromCharacterBook(book, fallbackName);
    throw badFile("LorebookInvalid", "This is a character card without a lorebook.");
  }
  if (Array.isArray(value.entries)) return lorebookFromCharacterBook(value, fallbackName);
  if (typeof value.entries === "object" && value.entries !== null)
    return lorebookFromWorldInfo(value, fallbackName);
  throw badFile("LorebookInvalid", "The file is neither SillyTavern world info nor a character book.");
}

export function lorebookFromWorldInfo(raw: unknown, name: string): LorebookDraft {
  const info = parseWith(WorldInfoSchema, raw, "world info file", "LorebookInvalid");
  const values: { key: string; entry: JsonObject; place: string }[] = [];
  const malformed: string[] = [];
  for (const [position, [key, value]] of Object.entries(info.entries).entries()) {
    const named = `"${key.slice(0, 60)}"`;
    // An object that is not plain JSON (nested too deep, say) refuses the file, as anywhere else.
    if (!isObject(value)) malformed.push(`${named} (not an object)`);
    else if (!isText(value.content) && value.content != null)
      malformed.push(`${named} (content should be text)`);
    else
      values.push({
        key,
        place: `#${position + 1}`,
        entry: parseWith(jsonObject, value, `world info entry ${named}`, "LorebookInvalid"),
      });
  }
  if (values.length > LOREBOOK_LIMITS.entries)
    throw badFile(
      "LorebookTooLarge",
      `The lorebook has ${values.length} entries; at most ${LOREBOOK_LIMITS.entries} can be imported.`,
    );
  const ids = new EntryIds();
  const notText: string[] = [];
  const list = (e: JsonObject, field: "key" | "keysecondary", label: string) => {
    const v = e[field];
    if (typeof v === "string") return v.split(",");
    if (v === null || v === undefined) return [];
    if (!Array.isArray(v)) {
      notText.push(`${label} ${field} (${kindOf(v)})`);
      return [];
    }
    v.forEach((k, at) => {
      if (k !== null && !isText(k)) notText.push(`${label} ${field} #${at + 1} (${kindOf(k)})`);
    });
    return v
      .filter(isText)
      .map(String)
      .filter((k) => k.trim() !== "");
  };
  const entries = values.map(({ key: at, entry: e }, index) => {
    const label = `"${at.slice(0, 60)}"${typeof e.comment === "string" && e.comment.trim() ? ` "${e.comment.trim().slice(0, 60)}"` : ""}`;
    const extensions: JsonObject = {};
    for (const [key, value] of Object.entries(e)) {
      if (OWN.has(key) || (key === "position" && (value === 0 || value === 1))) continue;
      extensions[RENAMED[key] ?? key] = value;
    }
    return {
      entryId: ids.take(typeof e.uid === "number" || typeof e.uid === "string" ? e.uid : null, index),
      keys: list(e, "key", label),
      secondaryKeys: list(e, "keysecondary", label),
      comment: text(e.comment),
      name: "",
      content: text(e.content),
      selective: e.selective !== false,
      selectiveLogic: selectiveLogicOf(e.selectiveLogic),
      enabled: e.disable !== true,
      constant: e.constant === true,
      insertionOrder: intOrNull(numberOrNull(e.order), -1e6, 1e6) ?? 100,
      priority: null,
      position: e.position === 0 ? ("beforeCharacter" as const) : ("afterCharacter" as const),
      caseSensitive: booleanOrNull(e.caseSensitive),
      matchWholeWords: booleanOrNull(e.matchWholeWords),
      useRegex: false,
      scanDepth: intOrNull(numberOrNull(e.scanDepth), 0, LOREBOOK_LIMITS.scanDepth),
      excludeRecursion: e.excludeRecursion === true,
      preventRecursion: e.preventRecursion === true,
      extensions,
    };
  });
  const labels = bookLabels(info.name, info.description, name);
  const places = values.map(({ place }) => place);
  const kept = withMalformedNamed(importableEntries(entries, places), malformed, notText);
  return {
    name: labels.name,
    description: labels.description,
    settings: bookSettingsFrom(info),
    extensions: info.extensions,
    entries: kept.entries,
    warnings: [...labels.warnings, ...kept.warnings],
  };
}

const isText = (v: unknown): v is string | number => typeof v === "string" || typeof v === "number";
const text = (v: unknown) => (isText(v) ? String(v) : "");

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

function withMalformedNamed<T>(
  kept: { entries: T[]; warnings: string[] },
  malformed: string[],
  notText: string[],
) {
  const warnings: string[] = [];
  if (malformed.length > 0) warnings.push(`Left out ${leftOutLine("malformed", malformed)}`);
  if (notText.length > 0)
    warnings.push(`Left out ${leftOutLine("", notText, ["key that is not text", "keys that are not text"])}`);
  return { entries: kept.entries, warnings: [...warnings, ...kept.warnings] };
}

/** The book as a CCv3 standalone lorebook file. */
export function lorebookToLorebookV3(book: LorebookContent): JsonObject {
  return { spec: "lorebook_v3", data: lorebookToCharacterBook(book) };
}

/**
 * The book as a SillyTavern world-info file, entries keyed by their numeric uid, with the book's
 * name, description, settings and extensions beside them (SillyTavern reads only the entries).
 */
export function lorebookToWorldInfo(book: LorebookContent): JsonObject {
  const back = Object.fromEntries(Object.entries(RENAMED).map(([wi, ext]) => [ext, wi]));
  const used = new Set<number>();
  const numeric = book.entries.map((e) => (/^\d{1,9}$/.test(e.entryId) ? Number(e.entryId) : null));
  let next = 0;
  const entries: JsonObject = {};
  book.entries.forEach((entry, index) => {
    let uid = numeric[index];
    if (uid === null || uid === undefined || used.has(uid)) {
      while (used.has(next) || numeric.includes(next)) next++;
      uid = next;
    }
    used.add(uid);
    const extras = Object.fromEntries(Object.entries(entry.extensions).map(([k, v]) => [back[k] ?? k, v]));
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

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
