import { crc32 } from "node:zlib";
import { unzlibSync } from "fflate";
import { badFile } from "./cardErrors.ts";

/** PNG chunks as the file lays them out, checked against their CRCs; and text chunks in and out. */

export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

export interface PngChunk {
  type: string;
  data: Uint8Array;
}

export interface PngText {
  keyword: string;
  text: string;
  /** Which chunk carried it. */
  chunk: "tEXt" | "zTXt" | "iTXt";
}

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

/** Every chunk up to IEND; a bad CRC, a truncated chunk or a missing IHDR/IEND is refused. */
export function readPngChunks(bytes: Uint8Array): PngChunk[] {
  if (!isPng(bytes)) throw badFile("NotAPng", "This file is not a PNG image.");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: PngChunk[] = [];
  let at = 8;
  while (true) {
    if (at + 12 > bytes.length) throw badFile("PngTruncated", "The PNG ends in the middle of a chunk.");
    const length = view.getUint32(at);
    const typeBytes = bytes.subarray(at + 4, at + 8);
    const type = String.fromCharCode(...typeBytes);
    if (!/^[A-Za-z]{4}$/.test(type))
      throw badFile("PngChunkCorrupt", "The PNG has a chunk with an invalid type.");
    if (length > 0x7fffffff || at + 12 + length > bytes.length)
      throw badFile("PngTruncated", `The PNG's ${type} chunk runs past the end of the file.`);
    const data = bytes.subarray(at + 8, at + 8 + length);
    const stored = view.getUint32(at + 8 + length);
    if (crc32(data, crc32(typeBytes)) !== stored)
      throw badFile("PngChunkCorrupt", `The PNG's ${type} chunk fails its CRC check; the file is damaged.`);
    if (chunks.length === 0 && type !== "IHDR")
      throw badFile("PngChunkCorrupt", "The PNG does not start with its IHDR header chunk.");
    chunks.push({ type, data });
    at += 12 + length;
    if (type === "IEND") return chunks;
  }
}

export function encodePngChunks(chunks: readonly PngChunk[]): Uint8Array {
  const size = 8 + chunks.reduce((sum, c) => sum + 12 + c.data.length, 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set(PNG_SIGNATURE, 0);
  let at = 8;
  for (const chunk of chunks) {
    const typeBytes = Uint8Array.from(chunk.type, (c) => c.charCodeAt(0));
    view.setUint32(at, chunk.data.length);
    out.set(typeBytes, at + 4);
    out.set(chunk.data, at + 8);
    view.setUint32(at + 8 + chunk.data.length, crc32(chunk.data, crc32(typeBytes)));
    at += 12 + chunk.data.length;
  }
  return out;
}

/**
 * The text chunks (tEXt, zTXt, iTXt) of a PNG's chunks. Compressed text is expanded to at most
 * `maxTextBytes`; a chunk that will not decode is refused. With `keywords` (any case), only the
 * first chunk under each of them is read and no other is expanded: a file of a few megabytes can
 * hold thousands of compressed chunks, each expanding to the limit.
 */
export function readPngTexts(
  chunks: readonly PngChunk[],
  maxTextBytes: number,
  keywords?: readonly string[],
): PngText[] {
  const wanted = keywords && new Set(keywords.map((k) => k.toLowerCase()));
  const texts: PngText[] = [];
  for (const { type, data } of chunks) {
    if (type !== "tEXt" && type !== "zTXt" && type !== "iTXt") continue;
    const nul = data.indexOf(0);
    if (wanted && !(nul >= 1 && nul <= 79 && wanted.delete(latin1(data.subarray(0, nul)).toLowerCase())))
      continue;
    if (nul < 1 || nul > 79) throw badFile("PngTextCorrupt", `The PNG's ${type} chunk has no valid keyword.`);
    const keyword = latin1(data.subarray(0, nul));
    if (type === "tEXt") texts.push({ keyword, text: latin1(data.subarray(nul + 1)), chunk: type });
    else if (type === "zTXt") {
      if (data[nul + 1] !== 0)
        throw badFile("PngTextCorrupt", "The PNG's zTXt chunk uses an unknown compression.");
      texts.push({ keyword, text: latin1(inflate(data.subarray(nul + 2), maxTextBytes)), chunk: type });
    } else texts.push({ keyword, text: readInternationalText(data, nul, maxTextBytes), chunk: type });
  }
  return texts;
}

/** A tEXt chunk; the text must be Latin-1 (card chunks are base64, so ASCII). */
export function textChunk(keyword: string, text: string): PngChunk {
  const data = new Uint8Array(keyword.length + 1 + text.length);
  for (let i = 0; i < keyword.length; i++) data[i] = keyword.charCodeAt(i) & 0xff;
  for (let i = 0; i < text.length; i++) data[keyword.length + 1 + i] = text.charCodeAt(i) & 0xff;
  return { type: "tEXt", data };
}

/** The chunks with every text chunk under one of `keywords` (any case) taken out, and `added` put before IEND. */
export function replaceTextChunks(
  chunks: readonly PngChunk[],
  keywords: readonly string[],
  added: readonly PngChunk[],
): PngChunk[] {
  const drop = new Set(keywords.map((k) => k.toLowerCase()));
  const kept = chunks.filter((chunk) => {
    if (chunk.type !== "tEXt" && chunk.type !== "zTXt" && chunk.type !== "iTXt") return true;
    const nul = chunk.data.indexOf(0);
    return nul < 1 || !drop.has(latin1(chunk.data.subarray(0, nul)).toLowerCase());
  });
  const end = kept.findIndex((c) => c.type === "IEND");
  return [...kept.slice(0, end), ...added, ...kept.slice(end)];
}

function readInternationalText(data: Uint8Array, nul: number, maxTextBytes: number): string {
  const compressed = data[nul + 1];
  const method = data[nul + 2];
  const languageEnd = data.indexOf(0, nul + 3);
  const translatedEnd = languageEnd === -1 ? -1 : data.indexOf(0, languageEnd + 1);
  if (translatedEnd === -1 || (compressed !== 0 && compressed !== 1) || (compressed === 1 && method !== 0))
    throw badFile("PngTextCorrupt", "The PNG's iTXt chunk is malformed.");
  const body = data.subarray(translatedEnd + 1);
  return utf8(
    compressed === 1 ? inflate(body, maxTextBytes) : body,
    "The PNG's iTXt text is not valid UTF-8.",
  );
}

function inflate(data: Uint8Array, maxBytes: number): Uint8Array {
  let out: Uint8Array;
  try {
    out = unzlibSync(data, { out: new Uint8Array(maxBytes + 1) });
  } catch {
    throw badFile("PngTextCorrupt", "A compressed text chunk of the PNG will not expand.");
  }
  if (out.length > maxBytes)
    throw badFile("CardTooLarge", "A text chunk of the PNG expands past the size limit.");
  return out;
}

function latin1(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return text;
}

export function utf8(bytes: Uint8Array, message: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw badFile("TextNotUtf8", message);
  }
}
