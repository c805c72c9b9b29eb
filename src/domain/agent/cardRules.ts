import { DomainError } from "../shared/decider.ts";
import { type JsonObject, jsonObjectProblem } from "../shared/json.ts";
import { charCount } from "../shared/text.ts";
import type { CardDetailsInput, PromptPartsInput } from "./cardCommands.ts";
import { CARD_LIMITS, type CardDetails, type CardText, type PromptParts } from "./cardSchemas.ts";

/** Checks and tidies what an operator or a card gives for the agent's card content. */

export function checkGreetings(values: readonly string[]): string[] {
  if (values.length > CARD_LIMITS.greetings)
    throw new DomainError(
      "GreetingsInvalid",
      "BAD_USER_INPUT",
      `Give the agent at most ${CARD_LIMITS.greetings} greetings.`,
    );
  return values.map((value) => {
    const greeting = value.trim();
    if (greeting.length === 0 || charCount(greeting) > CARD_LIMITS.greeting)
      throw new DomainError(
        "GreetingsInvalid",
        "BAD_USER_INPUT",
        `Write each greeting in 1 to ${CARD_LIMITS.greeting} characters.`,
      );
    return greeting;
  });
}

export function checkStyleExamples(value: string): string {
  return text(value, CARD_LIMITS.styleExamples, "StyleExamplesTooLong", "the style examples");
}

export function checkPromptParts(input: PromptPartsInput): PromptParts {
  const part = (value: string, max: number, what: string) => text(value, max, "PromptPartsInvalid", what);
  return {
    setting: part(input.setting, CARD_LIMITS.setting, "the setting"),
    systemPrompt: part(input.systemPrompt, CARD_LIMITS.systemPrompt, "the system prompt"),
    postHistoryInstructions: part(
      input.postHistoryInstructions,
      CARD_LIMITS.postHistoryInstructions,
      "the post-history instructions",
    ),
  };
}

export function checkCardDetails(input: CardDetailsInput): CardDetails {
  const field = (value: string | undefined, max: number, what: string) =>
    text(value ?? "", max, "CardDetailsInvalid", what);
  const list = (values: readonly string[] | undefined, count: number, max: number, what: string) => {
    const items = (values ?? []).map((v) => v.trim()).filter((v) => v.length > 0);
    if (items.length > count) throw invalidDetails(`Keep at most ${count} ${what}.`);
    for (const item of items)
      if (charCount(item) > max) throw invalidDetails(`Shorten each of the ${what} to ${max} characters.`);
    return items;
  };
  const notes: Record<string, string> = {};
  const languages = Object.entries(input.creatorNotesMultilingual ?? {});
  if (languages.length > CARD_LIMITS.languages)
    throw invalidDetails(`Keep creator notes in at most ${CARD_LIMITS.languages} languages.`);
  for (const [language, note] of languages) {
    if (!/^[a-z]{2,3}$/.test(language))
      throw invalidDetails(`"${language.slice(0, 20)}" is not a language code; use ISO 639-1 such as en.`);
    notes[language] = field(note, CARD_LIMITS.creatorNotes, "each creator note");
  }
  const creationDate = input.creationDate ?? null;
  if (creationDate !== null && !(Number.isInteger(creationDate) && creationDate >= 0 && creationDate <= 1e11))
    throw invalidDetails("Give the card's creation date in whole Unix seconds.");
  const extensions = input.extensions ?? {};
  const problem = jsonObjectProblem(extensions, CARD_LIMITS.extensions);
  if (problem) throw invalidDetails(`The card's extensions ${problem}.`);
  return {
    nickname: field(input.nickname, CARD_LIMITS.nickname, "the nickname"),
    creatorNotes: field(input.creatorNotes, CARD_LIMITS.creatorNotes, "the creator notes"),
    creatorNotesMultilingual: notes,
    tags: [...new Set(list(input.tags, CARD_LIMITS.tags, CARD_LIMITS.tag, "tags"))],
    creator: field(input.creator, CARD_LIMITS.creator, "the creator"),
    characterVersion: field(input.characterVersion, CARD_LIMITS.characterVersion, "the character version"),
    sources: list(input.sources, CARD_LIMITS.sources, CARD_LIMITS.source, "sources"),
    groupOnlyGreetings: list(
      input.groupOnlyGreetings,
      CARD_LIMITS.greetings,
      CARD_LIMITS.greeting,
      "group greetings",
    ),
    creationDate,
    extensions: extensions as JsonObject,
    ...(input.cardText ? { cardText: checkCardText(input.cardText) } : {}),
  };
}

function checkCardText(cardText: CardText): CardText {
  const { description, personality, personaFingerprint, modificationDate, contentFingerprint } = cardText;
  if (charCount(description) > CARD_LIMITS.cardText || charCount(personality) > CARD_LIMITS.cardText)
    throw invalidDetails(
      `Keep the card's description and personality under ${CARD_LIMITS.cardText} characters.`,
    );
  if (personaFingerprint.length === 0 || personaFingerprint.length > 64)
    throw invalidDetails("The card text's persona fingerprint is malformed.");
  if (
    modificationDate !== undefined &&
    modificationDate !== null &&
    !(Number.isInteger(modificationDate) && modificationDate >= 0 && modificationDate <= 1e11)
  )
    throw invalidDetails("Give the card's modification date in whole Unix seconds.");
  return {
    description,
    personality,
    personaFingerprint,
    ...(modificationDate !== undefined ? { modificationDate } : {}),
    ...(contentFingerprint !== undefined ? { contentFingerprint } : {}),
  };
}

function text(value: string, max: number, reason: string, what: string): string {
  const trimmed = value.trim();
  if (charCount(trimmed) > max)
    throw new DomainError(reason, "BAD_USER_INPUT", `Shorten ${what} to ${max} characters or fewer.`);
  return trimmed;
}

function invalidDetails(message: string): DomainError {
  return new DomainError("CardDetailsInvalid", "BAD_USER_INPUT", message);
}
