import { badFile, CARD_FILE_LIMITS, megabytes } from "./cardErrors.ts";
import {
  encodePngChunks,
  type PngText,
  readPngChunks,
  readPngTexts,
  replaceTextChunks,
  textChunk,
  utf8,
} from "./pngChunks.ts";
import { requireStorableJson } from "./storableJson.ts";

/** Character cards inside PNG text chunks: `ccv3` (Character Card V3) and `chara` (V2), both base64 JSON. */

export interface PngCardPayload {
  /** The parsed JSON of the chunk that was used. */
  json: unknown;
  chunk: "ccv3" | "chara";
  /** Why a `ccv3` chunk was passed over for `chara`, when it was. */
  warnings: string[];
}

/**
 * The card a PNG carries. `ccv3` wins when both chunks are there; when `ccv3` is there but will
 * not decode and `chara` does, `chara` is used and a warning says so.
 */
export function readCardFromPng(bytes: Uint8Array): PngCardPayload {
  if (bytes.length > CARD_FILE_LIMITS.pngBytes)
    throw badFile("CardTooLarge", `The PNG is ${megabytes(bytes.length)}; cards are limited to 10 MB.`);
  const texts = readPngTexts(readPngChunks(bytes), Math.ceil(CARD_FILE_LIMITS.jsonBytes * 1.4), [
    "ccv3",
    "chara",
  ]);
  const find = (keyword: string) => texts.find((t) => t.keyword.toLowerCase() === keyword);
  const v3 = find("ccv3");
  const v2 = find("chara");
  if (!v3 && !v2)
    throw badFile("CardChunkMissing", "This PNG carries no character card (no chara or ccv3 text chunk).");
  if (v3) {
    try {
      return { json: decodeChunk(v3), chunk: "ccv3", warnings: [] };
    } catch (error) {
      if (!v2) throw error;
      const json = decodeChunk(v2);
      return {
        json,
        chunk: "chara",
        warnings: ["The card's ccv3 chunk is damaged; its V2 chara chunk was read instead."],
      };
    }
  }
  return { json: decodeChunk(v2!), chunk: "chara", warnings: [] };
}

/** The PNG with its card chunks replaced by `ccv3` and `chara` chunks for these two JSON documents. */
export function writeCardToPng(png: Uint8Array, cardV3: unknown, cardV2: unknown): Uint8Array {
  const chunks = readPngChunks(png);
  const added = [textChunk("chara", encodeJson(cardV2)), textChunk("ccv3", encodeJson(cardV3))];
  return encodePngChunks(replaceTextChunks(chunks, ["chara", "ccv3"], added));
}

/**
 * The text chunk that marks the grey face a card of an agent without a portrait travels in: the
 * card still names it as its main icon (CCv3), but withme does not take it back as a portrait.
 */
const PLACEHOLDER_KEYWORD = "withme-placeholder";

export function markAsPlaceholder(png: Uint8Array): Uint8Array {
  return encodePngChunks(
    replaceTextChunks(readPngChunks(png), [PLACEHOLDER_KEYWORD], [textChunk(PLACEHOLDER_KEYWORD, "1")]),
  );
}

export function isPlaceholder(png: Uint8Array): boolean {
  return readPngChunks(png).some(
    (chunk) =>
      chunk.type === "tEXt" &&
      new TextDecoder("latin1").decode(chunk.data).startsWith(`${PLACEHOLDER_KEYWORD}\0`),
  );
}

/** The image without its card chunks: what is kept as the portrait. */
export function withoutCardChunks(png: Uint8Array): Uint8Array {
  return encodePngChunks(replaceTextChunks(readPngChunks(png), ["chara", "ccv3"], []));
}

function decodeChunk(text: PngText): unknown {
  const name = text.keyword.toLowerCase();
  const bytes = decodeBase64(text.text, name);
  if (bytes.length > CARD_FILE_LIMITS.jsonBytes)
    throw badFile("CardTooLarge", `The card's ${name} JSON is over 1 MB.`);
  return parseJson(utf8(bytes, `The card's ${name} chunk is not UTF-8 text.`), `${name} chunk`);
}

/** Strict base64 (standard or URL alphabet, padding optional, whitespace ignored). */
export function decodeBase64(text: string, what: string): Uint8Array {
  const clean = text.replace(/[\s]+/g, "");
  if (
    clean.length === 0 ||
    !/^[A-Za-z0-9+/_-]+={0,2}$/.test(clean) ||
    clean.replace(/=+$/, "").length % 4 === 1
  )
    throw badFile("CardBase64Invalid", `The card's ${what} chunk is not valid base64.`);
  return Uint8Array.from(Buffer.from(clean.replace(/-/g, "+").replace(/_/g, "/"), "base64"));
}

export function encodeJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64");
}

/** JSON.parse with a one-line reason instead of a stack of parser detail. */
export function parseJson(text: string, what: string): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message.split("\n")[0]!.slice(0, 120) : "unreadable";
    throw badFile("CardJsonInvalid", `The ${what} is not valid JSON (${detail}).`);
  }
  return requireStorableJson(parsed, what);
}
