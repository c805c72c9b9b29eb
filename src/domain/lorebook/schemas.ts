import { z } from "zod";
import { jsonObjectSchema } from "../shared/json.ts";
import { IdSchema, nameSchema, textSchema } from "../shared/schemas.ts";

/** The parts of a lorebook's events, and how large they may be. */

export const LOREBOOK_LIMITS = {
  name: 120,
  description: 4000,
  entries: 2000,
  keysPerEntry: 100,
  key: 500,
  content: 20000,
  comment: 500,
  /** Messages a scan may read back, as SillyTavern caps it. */
  scanDepth: 1000,
  tokenBudget: 100_000,
  /** Bytes of JSON kept for other tools, per book and per entry. */
  extensions: 64_000,
} as const;

/** How secondary keys combine with a primary match; SillyTavern numbers them 0 to 3 in this order. */
export const SELECTIVE_LOGICS = ["andAny", "notAll", "notAny", "andAll"] as const;
export const SelectiveLogicSchema = z.enum(SELECTIVE_LOGICS);
export type SelectiveLogic = z.output<typeof SelectiveLogicSchema>;

/** Before or after the character's description; finer SillyTavern positions travel in `extensions`. */
export const EntryPositionSchema = z.enum(["beforeCharacter", "afterCharacter"]);
export type EntryPosition = z.output<typeof EntryPositionSchema>;

const KeySchema = textSchema(1, LOREBOOK_LIMITS.key);

export const LorebookEntrySchema = z.object({
  entryId: IdSchema,
  /** A title for people (SillyTavern's memo, a card entry's `comment`); never part of a prompt. */
  comment: textSchema(0, LOREBOOK_LIMITS.comment),
  /** A card entry's `name` (Agnai, RisuAI); never part of a prompt. */
  name: textSchema(0, LOREBOOK_LIMITS.comment),
  keys: z.array(KeySchema).max(LOREBOOK_LIMITS.keysPerEntry),
  secondaryKeys: z.array(KeySchema).max(LOREBOOK_LIMITS.keysPerEntry),
  /** Whether the secondary keys take part at all. */
  selective: z.boolean(),
  selectiveLogic: SelectiveLogicSchema,
  content: textSchema(0, LOREBOOK_LIMITS.content),
  enabled: z.boolean(),
  /** In every prompt (within the budget), whatever the keys say. */
  constant: z.boolean(),
  /** Lower comes earlier in the prompt. */
  insertionOrder: z.number().int().min(-1_000_000).max(1_000_000),
  /** When the budget runs out, lower goes first; without one the insertion order decides. */
  priority: z.number().int().min(-1_000_000).max(1_000_000).nullable(),
  position: EntryPositionSchema,
  /** Null: the book's default (case-insensitive, substring match). */
  caseSensitive: z.boolean().nullable(),
  matchWholeWords: z.boolean().nullable(),
  /** Every key is a pattern written bare (CCv3); keys written `/pattern/flags` are patterns anyway. */
  useRegex: z.boolean(),
  /** Null: the book's scan depth. */
  scanDepth: z.number().int().min(0).max(LOREBOOK_LIMITS.scanDepth).nullable(),
  /** Other entries' content cannot trigger this one. */
  excludeRecursion: z.boolean(),
  /** This entry's content triggers no other entry. */
  preventRecursion: z.boolean(),
  extensions: jsonObjectSchema(LOREBOOK_LIMITS.extensions),
});
export type LorebookEntry = z.output<typeof LorebookEntrySchema>;

export const LorebookSettingsSchema = z.object({
  /** Recent messages scanned for keys; null uses withme's default. */
  scanDepth: z.number().int().min(0).max(LOREBOOK_LIMITS.scanDepth).nullable(),
  /** Tokens the book's entries may take in one prompt; null uses withme's default. */
  tokenBudget: z.number().int().min(1).max(LOREBOOK_LIMITS.tokenBudget).nullable(),
  /** Whether matched entries' content can trigger further entries (to a fixed depth). */
  recursiveScanning: z.boolean(),
});
export type LorebookSettings = z.output<typeof LorebookSettingsSchema>;

/** Written by hand, from a card's `character_book`, or from a standalone world-info file. */
export const LorebookSourceSchema = z.enum(["manual", "characterBook", "worldInfo"]);
export type LorebookSource = z.output<typeof LorebookSourceSchema>;

export const LorebookNameSchema = nameSchema(LOREBOOK_LIMITS.name);
export const LorebookDescriptionSchema = textSchema(0, LOREBOOK_LIMITS.description);
export const LorebookExtensionsSchema = jsonObjectSchema(LOREBOOK_LIMITS.extensions);
