import { z } from "zod";
import type { JsonObject } from "../../domain/shared/json.ts";
import { plainName } from "../../domain/shared/text.ts";
import { withoutBackfillNote } from "./cardBackfill.ts";
import { badFile, excerpt } from "./cardErrors.ts";
import { lorebookFromCharacterBook } from "./characterBookImport.ts";
import { type LooseKind, looseReadingLines, looseReadings } from "./looseReadings.ts";
import { jsonObject, looseNumber, looseText, looseTextList, parseWith } from "./looseSchemas.ts";
import type { LorebookDraft } from "./lorebookFormat.ts";

/** Character Card V1, V2 and V3 JSON, read into one shape. */

export interface CardAsset {
  type: string;
  uri: string;
  name: string;
  ext: string;
}

export interface NormalizedCard {
  spec: "v1" | "v2" | "v3";
  /** A V3 card's `spec_version` when it is newer than 3.0: it may hold what this reader does not know. */
  newerSpecVersion?: string;
  /** What reading the card's JSON took otherwise than it was written, for the import's warnings. */
  readWarnings?: string[];
  name: string;
  nickname: string;
  description: string;
  personality: string;
  scenario: string;
  firstMessage: string;
  alternateGreetings: string[];
  groupOnlyGreetings: string[];
  exampleMessages: string;
  systemPrompt: string;
  postHistoryInstructions: string;
  creatorNotes: string;
  creatorNotesMultilingual: Record<string, string>;
  tags: string[];
  creator: string;
  characterVersion: string;
  extensions: JsonObject;
  characterBook: LorebookDraft | null;
  /** Null when the card has no `assets` (CCv3: then its icon is the PNG itself); `[]` when it says it has none. */
  assets: CardAsset[] | null;
  sources: string[];
  creationDate: number | null;
  modificationDate: number | null;
}

const AssetSchema = z.object({ type: looseText, uri: looseText, name: looseText, ext: looseText });

/** Greetings are whole messages: one given as text instead of a list is one greeting, not split at its commas. */
const greetingList = z.preprocess((v) => (typeof v === "string" ? [v] : v), looseTextList);

const CardDataSchema = z.object({
  name: z.preprocess(
    (v) => (typeof v === "number" ? String(v) : v),
    z.string().trim().min(1, "is empty; give the character a name"),
  ),
  description: looseText,
  personality: looseText,
  scenario: looseText,
  first_mes: looseText,
  mes_example: looseText,
  creator_notes: looseText,
  system_prompt: looseText,
  post_history_instructions: looseText,
  alternate_greetings: greetingList,
  group_only_greetings: greetingList,
  tags: looseTextList,
  creator: looseText,
  character_version: looseText,
  extensions: jsonObject,
  character_book: z.unknown().optional(),
  assets: z.array(AssetSchema).nullish().catch(null),
  nickname: looseText,
  creator_notes_multilingual: z.preprocess((v) => v ?? {}, z.record(z.string(), z.string())).catch({}),
  source: looseTextList.catch([]),
  creation_date: looseNumber,
  modification_date: looseNumber,
});

type CardData = z.output<typeof CardDataSchema>;

/** How the loose pieces above read the card's fields, for the import's warnings (greetings are named apart). */
const CARD_KINDS: Readonly<Record<string, LooseKind>> = {
  name: "text",
  description: "text",
  personality: "text",
  scenario: "text",
  first_mes: "text",
  mes_example: "text",
  creator_notes: "text",
  system_prompt: "text",
  post_history_instructions: "text",
  tags: "textList",
  creator: "text",
  character_version: "text",
  nickname: "text",
  source: "textList",
  creation_date: "number",
  modification_date: "number",
};

/**
 * A card from its JSON. `spec` decides the version; a document without one that has a name and
 * card fields is read as a V1 card. A spec version newer than 3 is read as V3 (the spec asks for that).
 */
export function parseCardJson(json: unknown): NormalizedCard {
  if (typeof json !== "object" || json === null || Array.isArray(json))
    throw badFile("CardInvalid", "The card is not a JSON object.");
  const document = json as Record<string, unknown>;
  const spec = document.spec;
  if (spec === "chara_card_v3" || spec === "chara_card_v2") {
    // Some exporters write the spec but leave the fields at the top level, as V1 did.
    const fields = typeof document.data === "object" && document.data !== null ? document.data : document;
    const data = parseWith(CardDataSchema, fields, "card", "CardInvalid");
    const readWarnings = readingsOf(fields);
    if (spec === "chara_card_v2") return { ...normalize(data, "v2"), readWarnings };
    const version = document.spec_version;
    const newer = typeof version === "string" && Number.parseFloat(version) > 3;
    return {
      ...normalize(data, "v3"),
      readWarnings,
      ...(newer ? { newerSpecVersion: excerpt(version) } : {}),
    };
  }
  if (typeof spec === "string")
    throw badFile(
      "CardUnknownFormat",
      `The card's spec "${excerpt(spec)}" is not chara_card_v2 or chara_card_v3.`,
    );
  const looksV1 = typeof document.name === "string" && ("first_mes" in document || "description" in document);
  if (!looksV1)
    throw badFile("CardUnknownFormat", "This JSON is not a character card (no spec, name or greeting).");
  const data = parseWith(
    CardDataSchema,
    { ...document, extensions: document.extensions ?? {} },
    "card",
    "CardInvalid",
  );
  return { ...normalize(data, "v1"), readWarnings: readingsOf(document) };
}

/** What reading the card took otherwise than written: each value named. */
function readingsOf(fields: object): string[] {
  return [...greetingsGivenAsText(fields), ...looseReadingLines(looseReadings(fields, CARD_KINDS))];
}

function greetingsGivenAsText(fields: object): string[] {
  return (["alternate_greetings", "group_only_greetings"] as const)
    .filter((field) => typeof (fields as Record<string, unknown>)[field] === "string")
    .map((field) => `The card's ${field} is one text, not a list: it was taken as one greeting.`);
}

function normalize(data: CardData, spec: NormalizedCard["spec"]): NormalizedCard {
  const name = plainName(data.name);
  return {
    spec,
    name,
    nickname: data.nickname,
    description: data.description,
    personality: data.personality,
    scenario: data.scenario,
    firstMessage: data.first_mes,
    alternateGreetings: data.alternate_greetings,
    groupOnlyGreetings: data.group_only_greetings,
    exampleMessages: data.mes_example,
    systemPrompt: data.system_prompt,
    postHistoryInstructions: data.post_history_instructions,
    creatorNotes: withoutBackfillNote(data.creator_notes),
    creatorNotesMultilingual: data.creator_notes_multilingual,
    tags: data.tags,
    creator: data.creator,
    characterVersion: data.character_version,
    extensions: data.extensions,
    characterBook:
      data.character_book === undefined || data.character_book === null
        ? null
        : lorebookFromCharacterBook(data.character_book, `${name}'s lorebook`),
    assets: data.assets ?? null,
    sources: data.source,
    creationDate: data.creation_date ?? null,
    modificationDate: data.modification_date ?? null,
  };
}
