import type { JsonObject } from "../../domain/shared/json.ts";
import { badFile, megabytes } from "./cardErrors.ts";
import { parseJson } from "./cardPng.ts";
import { lorebookFromCharacterBook } from "./characterBookImport.ts";
import { type LorebookContent, type LorebookDraft, lorebookToCharacterBook } from "./lorebookFormat.ts";
import { utf8 } from "./pngChunks.ts";
import { lorebookFromWorldInfo } from "./worldInfoImport.ts";

/** Standalone lorebook files: SillyTavern world info, CCv3 `lorebook_v3`, or a bare `character_book`. */

export const LOREBOOK_FILE_BYTES = 5 * 1024 * 1024;

/**
 * The name a book without one of its own takes from its file: "dark_harbour-lore.json" reads as
 * "Dark Harbour Lore", and a file with no usable name as "Lorebook".
 */
export function bookNameFromFileName(fileName: string | null | undefined): string {
  const words = (fileName ?? "")
    .replace(/\.[^.]*$/, "")
    .split(/[\s_-]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toLocaleUpperCase() + word.slice(1));
  return words.join(" ").slice(0, 120).trim() || "Lorebook";
}

export function readLorebookFile(bytes: Uint8Array, fallbackName: string): LorebookDraft {
  if (bytes.length > LOREBOOK_FILE_BYTES)
    throw badFile("LorebookTooLarge", `The lorebook file is ${megabytes(bytes.length)}; the limit is 5 MB.`);
  const json = parseJson(utf8(bytes, "The lorebook file is not UTF-8 text."), "lorebook file");
  if (!isObject(json)) throw badFile("LorebookInvalid", "The lorebook file is not a JSON object.");
  if (json.spec === "lorebook_v3")
    return lorebookFromCharacterBook(json.data, fallbackName, "lorebook_v3 file's data");
  const cardData = json.data;
  if ((json.spec === "chara_card_v2" || json.spec === "chara_card_v3") && isObject(cardData)) {
    const book = cardData.character_book;
    if (book) return lorebookFromCharacterBook(book, fallbackName);
    throw badFile("LorebookInvalid", "This is a character card without a lorebook.");
  }
  if (Array.isArray(json.entries))
    return lorebookFromCharacterBook(json, fallbackName, "character book file");
  if (isObject(json.entries)) return lorebookFromWorldInfo(json, fallbackName);
  throw badFile("LorebookInvalid", "The file is neither SillyTavern world info nor a character book.");
}

/** The book as a CCv3 standalone lorebook file. */
export function lorebookToLorebookV3(book: LorebookContent): JsonObject {
  return { spec: "lorebook_v3", data: lorebookToCharacterBook(book) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
