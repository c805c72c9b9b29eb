import { type UnzipFileInfo, unzipSync } from "fflate";
import { DomainError } from "../../domain/shared/decider.ts";
import { badFile, CARD_FILE_LIMITS, megabytes } from "./cardErrors.ts";
import { parseJson } from "./cardPng.ts";
import { utf8 } from "./pngChunks.ts";

/**
 * CHARX (CCv3): a zip with `card.json` at its root and assets under `assets/`. The directory is
 * checked before anything expands: entry count, declared sizes, compression ratio, and paths
 * (absolute, `..`, backslashes and drive letters refused). Only `card.json` and the images the
 * card names are expanded, each into a buffer of its declared size, so a lying header cannot
 * make it larger.
 */

export interface CharxContents {
  json: unknown;
  /** Expanded images by their path inside the archive. */
  images: Map<string, Uint8Array>;
}

const IMAGE = /\.(png|jpe?g|webp|gif|avif)$/i;
const SMALL = 64 * 1024;

export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
  );
}

/** `wanted` picks, from the card's JSON, the asset paths to expand (`embeded://` URIs without the prefix). */
export function readCharx(bytes: Uint8Array, wanted: (json: unknown) => readonly string[]): CharxContents {
  if (bytes.length > CARD_FILE_LIMITS.charxBytes)
    throw badFile("CardTooLarge", `The .charx file is ${megabytes(bytes.length)}; the limit is 20 MB.`);
  const entries = listEntries(bytes);
  const card = entries.get("card.json");
  if (!card) throw badFile("CharxCardMissing", "The .charx archive has no card.json at its root.");
  if (card.originalSize > CARD_FILE_LIMITS.jsonBytes)
    throw badFile("CardTooLarge", "The card.json inside the .charx is over 1 MB.");
  const json = parseJson(
    utf8(expand(bytes, ["card.json"])["card.json"]!, "card.json is not UTF-8 text."),
    "card.json",
  );
  const paths = wanted(json)
    .filter((path) => entries.has(path) && IMAGE.test(path))
    .slice(0, 8);
  const files = paths.length > 0 ? expand(bytes, paths) : {};
  return { json, images: new Map(paths.flatMap((p) => (files[p] ? [[p, files[p]!] as const] : []))) };
}

function listEntries(bytes: Uint8Array): Map<string, UnzipFileInfo> {
  const entries = new Map<string, UnzipFileInfo>();
  let total = 0;
  try {
    unzipSync(bytes, {
      filter(file) {
        if (entries.size >= CARD_FILE_LIMITS.charxEntries)
          throw badFile(
            "CharxTooManyEntries",
            `The .charx archive has over ${CARD_FILE_LIMITS.charxEntries} entries.`,
          );
        checkPath(file.name);
        if (file.originalSize > CARD_FILE_LIMITS.charxEntryBytes)
          throw badFile(
            "CharxEntryTooLarge",
            `An entry of the .charx expands to over ${megabytes(CARD_FILE_LIMITS.charxEntryBytes)}.`,
          );
        if (file.originalSize > SMALL && file.originalSize > file.size * CARD_FILE_LIMITS.charxRatio)
          throw badFile(
            "CharxRatioTooHigh",
            "An entry of the .charx is compressed suspiciously well (a zip bomb?).",
          );
        total += file.originalSize;
        if (total > CARD_FILE_LIMITS.charxTotalBytes)
          throw badFile(
            "CharxTooLarge",
            `The .charx expands to over ${megabytes(CARD_FILE_LIMITS.charxTotalBytes)}.`,
          );
        entries.set(file.name, file);
        return false;
      },
    });
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw badFile("CharxInvalid", "The .charx file is not a readable zip archive.");
  }
  return entries;
}

function expand(bytes: Uint8Array, names: readonly string[]): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes, {
      filter: (file) => names.includes(file.name) && (file.compression === 0 || file.compression === 8),
    });
  } catch {
    throw badFile("CharxInvalid", "An entry of the .charx archive will not expand; the file is damaged.");
  }
}

function checkPath(name: string): void {
  const unsafe =
    name.length === 0 ||
    name.length > 512 ||
    name.startsWith("/") ||
    name.includes("\\") ||
    name.includes("\0") ||
    /^[A-Za-z]:/.test(name) ||
    name.split("/").some((part) => part === "..");
  if (unsafe)
    throw badFile(
      "CharxPathUnsafe",
      "The .charx archive holds a path that leaves the archive; it is refused.",
    );
}
