import { DomainError } from "../shared/decider.ts";
import { isJsonObject, type JsonObject, jsonBytes } from "../shared/json.ts";
import { charCount, isBlank, plainName } from "../shared/text.ts";
import type { LorebookEntryInput, LorebookSettingsInput } from "./commands.ts";
import { LOREBOOK_LIMITS, type LorebookEntry, type LorebookSettings, SELECTIVE_LOGICS } from "./schemas.ts";

/** Checks and tidies what an editor or an importer gives for a lorebook; each rule says no with its reason. */

export function checkLorebookName(value: string): string {
  const name = plainName(value);
  if (isBlank(name) || charCount(name) > LOREBOOK_LIMITS.name)
    throw new DomainError(
      "LorebookNameInvalid",
      "BAD_USER_INPUT",
      `Give the lorebook a name of 1 to ${LOREBOOK_LIMITS.name} characters.`,
    );
  return name;
}

export function checkLorebookDescription(value: string): string {
  const description = value.trim();
  if (charCount(description) > LOREBOOK_LIMITS.description)
    throw new DomainError(
      "LorebookDescriptionTooLong",
      "BAD_USER_INPUT",
      `Shorten the lorebook's description to ${LOREBOOK_LIMITS.description} characters or fewer.`,
    );
  return description;
}

export function checkLorebookSettings(input: LorebookSettingsInput): LorebookSettings {
  const scanDepth = input.scanDepth ?? null;
  const tokenBudget = input.tokenBudget ?? null;
  if (scanDepth !== null && !isIntegerWithin(scanDepth, 0, LOREBOOK_LIMITS.scanDepth))
    throw invalidSettings(`Give a scan depth between 0 and ${LOREBOOK_LIMITS.scanDepth} messages.`);
  if (tokenBudget !== null && !isIntegerWithin(tokenBudget, 1, LOREBOOK_LIMITS.tokenBudget))
    throw invalidSettings(`Give a token budget between 1 and ${LOREBOOK_LIMITS.tokenBudget}.`);
  return { scanDepth, tokenBudget, recursiveScanning: input.recursiveScanning ?? false };
}

export function checkExtensions(value: JsonObject | undefined, what: string): JsonObject {
  if (value === undefined) return {};
  if (!isJsonObject(value) || jsonBytes(value) > LOREBOOK_LIMITS.extensions)
    throw new DomainError(
      "ExtensionsInvalid",
      "BAD_USER_INPUT",
      `Keep the ${what} extensions a JSON object under ${LOREBOOK_LIMITS.extensions / 1000} kB.`,
    );
  return value;
}

const ORDER_LIMIT = 1_000_000;

/** An entry with neither keys nor content can never add anything to a prompt; importers leave it out. */
export function isEmptyEntry(input: Pick<LorebookEntryInput, "keys" | "content">): boolean {
  return input.content.trim().length === 0 && input.keys.every((key) => key.trim().length === 0);
}

export function checkEntry(input: LorebookEntryInput): LorebookEntry {
  const entryId = input.entryId.trim();
  if (entryId.length === 0 || entryId.length > 128)
    throw invalidEntry("Give the entry an id of 1 to 128 characters.", "entryId");
  const keys = checkKeys(input.keys, "keys");
  const secondaryKeys = checkKeys(input.secondaryKeys ?? [], "secondaryKeys");
  const content = input.content.trim();
  if (charCount(content) > LOREBOOK_LIMITS.content)
    throw invalidEntry(
      `Shorten the entry's content to ${LOREBOOK_LIMITS.content} characters or fewer.`,
      "content",
    );
  if (content.length === 0 && keys.length === 0)
    throw invalidEntry(
      "Give the entry some content and the keys that bring it in (a constant entry needs no keys).",
      "content",
    );
  const label = (value: string | undefined, field: string) => {
    const text = (value ?? "").trim();
    if (charCount(text) > LOREBOOK_LIMITS.comment)
      throw invalidEntry(
        `Shorten the entry's ${field} to ${LOREBOOK_LIMITS.comment} characters or fewer.`,
        field,
      );
    return text;
  };
  const order = (value: number | null | undefined, fallback: number | null, field: string) => {
    if (value === undefined || value === null) return fallback;
    if (!isIntegerWithin(value, -ORDER_LIMIT, ORDER_LIMIT))
      throw invalidEntry(
        `Give the entry's ${field} as a whole number from -${ORDER_LIMIT.toLocaleString("en")} to ${ORDER_LIMIT.toLocaleString("en")}.`,
        field,
      );
    return value;
  };
  const scanDepth = input.scanDepth ?? null;
  if (scanDepth !== null && !isIntegerWithin(scanDepth, 0, LOREBOOK_LIMITS.scanDepth))
    throw invalidEntry(
      `Give the entry a scan depth between 0 and ${LOREBOOK_LIMITS.scanDepth}.`,
      "scanDepth",
    );
  const selectiveLogic = input.selectiveLogic ?? "andAny";
  if (!(SELECTIVE_LOGICS as readonly string[]).includes(selectiveLogic))
    throw invalidEntry("Pick andAny, notAll, notAny or andAll as the selective logic.", "selectiveLogic");
  return {
    entryId,
    comment: label(input.comment, "comment"),
    name: label(input.name, "name"),
    keys,
    secondaryKeys,
    selective: input.selective ?? true,
    selectiveLogic,
    content,
    enabled: input.enabled ?? true,
    constant: input.constant ?? false,
    insertionOrder: order(input.insertionOrder, 100, "insertion order") ?? 100,
    priority: order(input.priority, null, "priority"),
    position: input.position ?? "beforeCharacter",
    caseSensitive: input.caseSensitive ?? null,
    matchWholeWords: input.matchWholeWords ?? null,
    useRegex: input.useRegex ?? false,
    scanDepth,
    excludeRecursion: input.excludeRecursion ?? false,
    preventRecursion: input.preventRecursion ?? false,
    extensions: checkExtensions(input.extensions, "entry's"),
  };
}

function checkKeys(values: readonly string[], field: string): string[] {
  if (values.length > LOREBOOK_LIMITS.keysPerEntry)
    throw invalidEntry(`Give an entry at most ${LOREBOOK_LIMITS.keysPerEntry} ${field}.`, field);
  const keys: string[] = [];
  for (const value of values) {
    const key = value.trim();
    if (key.length === 0 || keys.includes(key)) continue;
    if (charCount(key) > LOREBOOK_LIMITS.key)
      throw invalidEntry(`Shorten each key to ${LOREBOOK_LIMITS.key} characters or fewer.`, field);
    keys.push(key);
  }
  return keys;
}

function isIntegerWithin(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

function invalidEntry(message: string, field: string): DomainError {
  return new DomainError("LorebookEntryInvalid", "BAD_USER_INPUT", message, { field });
}

function invalidSettings(message: string): DomainError {
  return new DomainError("LorebookSettingsInvalid", "BAD_USER_INPUT", message);
}
