import { LOREBOOK_LIMITS } from "../../domain/lorebook/schemas.ts";
import type { JsonObject } from "../../domain/shared/json.ts";
import type { ImportReadings } from "./importReadings.ts";
import { jsonObject, looseBoolean, looseNumber, looseText } from "./looseSchemas.ts";

/** How a lorebook file's own fields are read, beside its entries, in either format. */
export const BOOK_FIELDS = {
  name: looseText,
  description: looseText,
  scan_depth: looseNumber,
  token_budget: looseNumber,
  recursive_scanning: looseBoolean(false),
  extensions: jsonObject,
};

/** A book's own settings, named as SillyTavern's world info and the card specs' `character_book` both name them. */
interface SettingsAsWritten {
  scan_depth?: number | null | undefined;
  token_budget?: number | null | undefined;
  recursive_scanning: boolean;
}

interface BookSettings {
  scanDepth: number | null;
  tokenBudget: number | null;
  recursiveScanning: boolean;
}

/** The settings a file's book asks for, within withme's limits (a budget below 1 means none). */
export function bookSettingsFrom(book: SettingsAsWritten, readings: ImportReadings): BookSettings {
  const budget = book.token_budget;
  if (typeof budget === "number" && budget < 0) readings.changed("token_budget", String(budget), "none");
  return {
    scanDepth: readings.int(book.scan_depth, 0, LOREBOOK_LIMITS.scanDepth, "scan_depth"),
    tokenBudget:
      budget && budget >= 1 ? readings.int(budget, 1, LOREBOOK_LIMITS.tokenBudget, "token_budget") : null,
    recursiveScanning: book.recursive_scanning,
  };
}

/** Writes the settings into an exported book, leaving out what withme leaves unset. */
export function writeBookSettings(result: JsonObject, settings: BookSettings): void {
  if (settings.scanDepth !== null) result.scan_depth = settings.scanDepth;
  if (settings.tokenBudget !== null) result.token_budget = settings.tokenBudget;
  result.recursive_scanning = settings.recursiveScanning;
}
