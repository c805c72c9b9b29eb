import { z } from "zod";
import type { JsonObject } from "../../domain/shared/json.ts";
import { V2_BACKFILL_NOTE } from "./cardBackfill.ts";
import type { NormalizedCard } from "./cardJson.ts";
import { type LorebookContent, lorebookToCharacterBook } from "./lorebookFormat.ts";

/** A card written out as Character Card V3 JSON and as its V2 backfill, checked against the specs. */
export interface CardToWrite extends Omit<NormalizedCard, "characterBook" | "spec"> {
  characterBook: LorebookContent | null;
}

export function cardToV3(card: CardToWrite): JsonObject {
  const data: JsonObject = {
    ...commonFields(card),
    creator_notes: card.creatorNotes,
    group_only_greetings: [...card.groupOnlyGreetings],
  };
  if (card.assets !== null)
    data.assets = card.assets.map((a) => ({ type: a.type, uri: a.uri, name: a.name, ext: a.ext }));
  if (card.nickname !== "") data.nickname = card.nickname;
  if (Object.keys(card.creatorNotesMultilingual).length > 0)
    data.creator_notes_multilingual = { ...card.creatorNotesMultilingual };
  if (card.sources.length > 0) data.source = [...card.sources];
  if (card.creationDate !== null) data.creation_date = card.creationDate;
  if (card.modificationDate !== null) data.modification_date = card.modificationDate;
  const document = { spec: "chara_card_v3", spec_version: "3.0", data };
  assertValid(V3Schema, document, "V3");
  return document;
}

export { V2_BACKFILL_NOTE, withoutBackfillNote } from "./cardBackfill.ts";

export function cardToV2(card: CardToWrite): JsonObject {
  const notes = card.creatorNotes === "" ? V2_BACKFILL_NOTE : `${V2_BACKFILL_NOTE}\n\n${card.creatorNotes}`;
  const data: JsonObject = { ...commonFields(card), creator_notes: notes };
  const document = { spec: "chara_card_v2", spec_version: "2.0", data };
  assertValid(V2Schema, document, "V2");
  return document;
}

function commonFields(card: CardToWrite): JsonObject {
  const data: JsonObject = {
    name: card.name,
    description: card.description,
    personality: card.personality,
    scenario: card.scenario,
    first_mes: card.firstMessage,
    mes_example: card.exampleMessages,
    system_prompt: card.systemPrompt,
    post_history_instructions: card.postHistoryInstructions,
    alternate_greetings: [...card.alternateGreetings],
    tags: [...card.tags],
    creator: card.creator,
    character_version: card.characterVersion,
    extensions: card.extensions,
  };
  if (card.characterBook) data.character_book = lorebookToCharacterBook(card.characterBook);
  return data;
}

const text = z.string();
const texts = z.array(z.string());
const record = z.record(z.string(), z.unknown());

const BookEntrySchema = z.object({
  keys: texts,
  content: text,
  extensions: record,
  enabled: z.boolean(),
  insertion_order: z.number(),
  case_sensitive: z.boolean().optional(),
  use_regex: z.boolean(),
  constant: z.boolean().optional(),
  name: text.optional(),
  priority: z.number().optional(),
  id: z.union([z.number(), z.string()]).optional(),
  comment: text.optional(),
  selective: z.boolean().optional(),
  secondary_keys: texts.optional(),
  position: z.enum(["before_char", "after_char"]).optional(),
});

const BookSchema = z.object({
  name: text.optional(),
  description: text.optional(),
  scan_depth: z.number().optional(),
  token_budget: z.number().optional(),
  recursive_scanning: z.boolean().optional(),
  extensions: record,
  entries: z.array(BookEntrySchema),
});

/** Every V2 data field present; strings are strings, never null. */
const V2DataSchema = z.strictObject({
  name: text,
  description: text,
  personality: text,
  scenario: text,
  first_mes: text,
  mes_example: text,
  creator_notes: text,
  system_prompt: text,
  post_history_instructions: text,
  alternate_greetings: texts,
  character_book: BookSchema.optional(),
  tags: texts,
  creator: text,
  character_version: text,
  extensions: record,
});

export const V2Schema = z.strictObject({
  spec: z.literal("chara_card_v2"),
  spec_version: z.literal("2.0"),
  data: V2DataSchema,
});

export const V3Schema = z.strictObject({
  spec: z.literal("chara_card_v3"),
  spec_version: z.literal("3.0"),
  data: V2DataSchema.extend({
    assets: z.array(z.strictObject({ type: text, uri: text, name: text, ext: text })).optional(),
    nickname: text.optional(),
    creator_notes_multilingual: z.record(z.string(), text).optional(),
    source: texts.optional(),
    group_only_greetings: texts,
    creation_date: z.number().optional(),
    modification_date: z.number().optional(),
  }),
});

function assertValid(schema: z.ZodType, document: unknown, version: string): void {
  const result = schema.safeParse(document);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`exported card breaks the ${version} spec at ${issue.path.join(".")}: ${issue.message}`);
  }
}
