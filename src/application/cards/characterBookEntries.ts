import { z } from "zod";
import { looseReadings } from "./looseReadings.ts";
import {
  jsonObject,
  looseBoolean,
  looseNumber,
  looseText,
  looseTextList,
  optionalBoolean,
  parsedOrProblem,
} from "./looseSchemas.ts";
import { leftOutLine } from "./lorebookFields.ts";

/** The entries of a card's `character_book`, each read on its own: a malformed one is left out and named. */

const CharacterBookEntrySchema = z.object({
  keys: looseTextList,
  secondary_keys: looseTextList,
  content: looseText,
  extensions: jsonObject,
  enabled: looseBoolean(true),
  insertion_order: looseNumber,
  case_sensitive: optionalBoolean,
  use_regex: looseBoolean(false),
  constant: looseBoolean(false),
  name: looseText,
  priority: looseNumber,
  id: z.union([z.number(), z.string()]).nullish().catch(null),
  comment: looseText,
  selective: looseBoolean(false),
  position: z.enum(["before_char", "after_char"]).nullish().catch(null),
});

/** How the loose pieces above read each entry field, for the import's warnings (keys are named apart). */
const ENTRY_KINDS = {
  content: "text",
  enabled: "boolean",
  insertion_order: "number",
  case_sensitive: "boolean",
  use_regex: "boolean",
  constant: "boolean",
  name: "text",
  priority: "number",
  comment: "text",
  selective: "boolean",
} as const;

export type CharacterBookEntry = z.output<typeof CharacterBookEntrySchema>;
export type ReadableEntry = { entry: CharacterBookEntry; written: Record<string, unknown>; index: number };

/** The entries that read as entries, each with its place in the book, and a line naming the others. */
export function readableEntries(raw: readonly unknown[]): {
  readable: ReadableEntry[];
  warnings: string[];
  /** What the readable entries' fields were read as otherwise than written. */
  readings: string[];
} {
  const readable: ReadableEntry[] = [];
  const malformed: string[] = [];
  const readings: string[] = [];
  for (const [index, value] of raw.entries()) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      malformed.push(`#${index + 1} (not an object)`);
      continue;
    }
    const huge = NUMBER_FIELDS.find((field) => isHuge((value as Record<string, unknown>)[field]));
    if (huge) {
      const label = entryLabel(value as Record<string, unknown>);
      malformed.push(`#${index + 1}${label} (${huge} holds a number too large)`);
      continue;
    }
    const result = parsedOrProblem(
      CharacterBookEntrySchema,
      withCardBookKeys(value as Record<string, unknown>),
    );
    if ("data" in result) {
      readable.push({ entry: result.data, written: value as Record<string, unknown>, index });
      readings.push(...looseReadings(value, ENTRY_KINDS, `#${index + 1} `));
      readings.push(...keysGivenAsText(value as Record<string, unknown>, index));
    } else {
      const label = entryLabel(value as Record<string, unknown>);
      malformed.push(`#${index + 1}${label} (${result.path} ${result.problem})`);
    }
  }
  const warnings = malformed.length === 0 ? [] : [`Left out ${leftOutLine("malformed", malformed)}`];
  return { readable, warnings, readings };
}

/** Keys given as one text, split at its commas (keys given as numbers are named apart). */
function keysGivenAsText(entry: Record<string, unknown>, index: number): string[] {
  const keys = withCardBookKeys(entry);
  return looseReadings(
    {
      keys: typeof keys.keys === "string" ? keys.keys : undefined,
      secondary_keys: typeof keys.secondary_keys === "string" ? keys.secondary_keys : undefined,
    },
    { keys: "textList", secondary_keys: "textList" },
    `#${index + 1} `,
  );
}

/** Numbers JSON cannot hold (`1e999` parses as Infinity) would otherwise turn silently into defaults. */
const NUMBER_FIELDS = ["id", "insertion_order", "priority"] as const;
const isHuge = (value: unknown) => typeof value === "number" && !Number.isFinite(value);

/** SillyTavern's `key` and `keysecondary`, which some tools write here, stand in for the spec's missing fields. */
function withCardBookKeys(entry: Record<string, unknown>): Record<string, unknown> {
  return {
    ...entry,
    keys: entry.keys ?? entry.key,
    secondary_keys: entry.secondary_keys ?? entry.keysecondary,
  };
}

function entryLabel(entry: Record<string, unknown>): string {
  const label = [entry.comment, entry.name].find(
    (v): v is string => typeof v === "string" && v.trim() !== "",
  );
  return label ? ` "${label.trim().slice(0, 60)}"` : "";
}
