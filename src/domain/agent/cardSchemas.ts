import { z } from "zod";
import { jsonObjectSchema } from "../shared/json.ts";
import { textSchema } from "../shared/schemas.ts";

/** What an agent keeps from a character card beyond its persona, and how large it may be. */

export const CARD_LIMITS = {
  greetings: 64,
  greeting: 10_000,
  styleExamples: 20_000,
  setting: 10_000,
  systemPrompt: 10_000,
  postHistoryInstructions: 5_000,
  creatorNotes: 20_000,
  languages: 32,
  tags: 64,
  tag: 100,
  creator: 200,
  characterVersion: 100,
  nickname: 60,
  sources: 32,
  source: 2048,
  /** Bytes of JSON kept for other tools (SillyTavern's depth prompt, regex scripts, …). */
  extensions: 256_000,
  lorebooks: 20,
  /** A card's own description or personality, kept to be written back. */
  cardText: 100_000,
} as const;

export const GreetingsSchema = z.array(textSchema(1, CARD_LIMITS.greeting)).max(CARD_LIMITS.greetings);

/** A card's `mes_example`: example exchanges, blocks separated by `<START>`. */
export const StyleExamplesSchema = textSchema(0, CARD_LIMITS.styleExamples);

/** Prompt parts that come after withme's own rules and can never switch them off. */
export const PromptPartsSchema = z.object({
  /** A card's `scenario`: the premise the character lives in (not a busy window). */
  setting: textSchema(0, CARD_LIMITS.setting),
  systemPrompt: textSchema(0, CARD_LIMITS.systemPrompt),
  postHistoryInstructions: textSchema(0, CARD_LIMITS.postHistoryInstructions),
});
export type PromptParts = z.output<typeof PromptPartsSchema>;

/**
 * A card's own `description` and `personality`, macros and all. The persona is read from them; while
 * the persona is unchanged (same fingerprint) an exported card carries this text instead of text
 * written from the persona.
 */
export const CardTextSchema = z.object({
  description: textSchema(0, CARD_LIMITS.cardText),
  personality: textSchema(0, CARD_LIMITS.cardText),
  personaFingerprint: z.string().min(1).max(64),
  /** The card's `modification_date` (Unix seconds), kept while the content fingerprint matches. */
  modificationDate: z.number().int().min(0).max(1e11).nullable().optional(),
  contentFingerprint: z.string().min(1).max(64).optional(),
});
export type CardText = z.output<typeof CardTextSchema>;

/** What a card says about itself: for people and other tools, never for the prompt. */
export const CardDetailsSchema = z.object({
  /** Replaces the name in `{{char}}` when set. */
  nickname: textSchema(0, CARD_LIMITS.nickname),
  creatorNotes: textSchema(0, CARD_LIMITS.creatorNotes),
  /** Creator notes by ISO 639-1 language code. */
  creatorNotesMultilingual: z
    .record(z.string().regex(/^[a-z]{2,3}$/), textSchema(0, CARD_LIMITS.creatorNotes))
    .refine((notes) => Object.keys(notes).length <= CARD_LIMITS.languages, {
      message: `at most ${CARD_LIMITS.languages} languages`,
    }),
  tags: z.array(textSchema(1, CARD_LIMITS.tag)).max(CARD_LIMITS.tags),
  creator: textSchema(0, CARD_LIMITS.creator),
  characterVersion: textSchema(0, CARD_LIMITS.characterVersion),
  /** Where the card came from (ids or URLs), oldest first. */
  sources: z.array(textSchema(1, CARD_LIMITS.source)).max(CARD_LIMITS.sources),
  /** Greetings for group chats, which withme does not have; kept to be written back. */
  groupOnlyGreetings: z.array(textSchema(1, CARD_LIMITS.greeting)).max(CARD_LIMITS.greetings),
  /** Unix seconds, as the card gave it; 0 or null when unknown. */
  creationDate: z.number().int().min(0).max(1e11).nullable(),
  /** Every `extensions` key but `withme`, as the card had them. */
  extensions: jsonObjectSchema(CARD_LIMITS.extensions),
  /** Absent for agents made in withme or before cards kept their text. */
  cardText: CardTextSchema.optional(),
});
export type CardDetails = z.output<typeof CardDetailsSchema>;

export const EMPTY_PROMPT_PARTS: PromptParts = { setting: "", systemPrompt: "", postHistoryInstructions: "" };

export const EMPTY_CARD_DETAILS: CardDetails = {
  nickname: "",
  creatorNotes: "",
  creatorNotesMultilingual: {},
  tags: [],
  creator: "",
  characterVersion: "",
  sources: [],
  groupOnlyGreetings: [],
  creationDate: null,
  extensions: {},
};
