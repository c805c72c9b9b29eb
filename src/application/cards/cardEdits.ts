import type { CreateAgentFromCard } from "../../domain/agent/cardCommands.ts";
import {
  checkCardDetails,
  checkGreetings,
  checkPromptParts,
  checkStyleExamples,
} from "../../domain/agent/cardRules.ts";
import {
  CARD_LIMITS,
  type CardDetails,
  type CardText,
  type PromptParts,
} from "../../domain/agent/cardSchemas.ts";
import { checkPersona } from "../../domain/agent/profileRules.ts";
import type { Persona } from "../../domain/agent/schemas.ts";
import { DomainError } from "../../domain/shared/decider.ts";
import { charCount, fingerprint } from "../../domain/shared/text.ts";
import type { NormalizedCard } from "./cardJson.ts";
import { personaFingerprint } from "./cardPersona.ts";

/**
 * Whether an agent still says what the card it came from said: a fingerprint of everything a card
 * carries that people edit in withme. While it matches, an export keeps the card's modification date.
 */
export interface CardContent {
  name: string;
  persona: Persona;
  greetings: readonly string[];
  styleExamples: string;
  promptParts: PromptParts;
  details: Omit<CardDetails, "cardText">;
}

export function cardContentFingerprint(content: CardContent): string {
  const { name, persona, greetings, styleExamples, promptParts, details } = content;
  return fingerprint(
    JSON.stringify([
      name,
      personaFingerprint(persona),
      greetings,
      styleExamples,
      promptParts.setting,
      promptParts.systemPrompt,
      promptParts.postHistoryInstructions,
      details.nickname,
      details.creatorNotes,
      Object.entries(details.creatorNotesMultilingual).sort(),
      details.tags,
      details.creator,
      details.characterVersion,
      details.sources,
      details.groupOnlyGreetings,
      details.creationDate,
    ]),
  );
}

/**
 * The card's own text and modification date, with fingerprints of what the agent will hold (the
 * domain's rules applied as the agent's decider applies them). None when the card breaks those rules,
 * as the import then fails anyway, or when its text is too long to keep.
 */
export function cardTextOfImport(card: NormalizedCard, command: CreateAgentFromCard): CardText | null {
  const fits = (text: string) => charCount(text) <= CARD_LIMITS.cardText;
  if (!fits(card.description) || !fits(card.personality)) return null;
  try {
    const persona = checkPersona(command.persona);
    const content: CardContent = {
      name: command.name,
      persona,
      greetings: checkGreetings(command.greetings),
      styleExamples: checkStyleExamples(command.styleExamples),
      promptParts: checkPromptParts(command.promptParts),
      details: checkCardDetails(command.details),
    };
    const modificationDate = card.modificationDate;
    return {
      description: card.description,
      personality: card.personality,
      personaFingerprint: personaFingerprint(persona),
      ...(modificationDate !== null && Number.isInteger(modificationDate) && modificationDate >= 0
        ? { modificationDate, contentFingerprint: cardContentFingerprint(content) }
        : {}),
    };
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}

/** The card's modification date while the agent says what the card said, else `now` (Unix seconds). */
export function cardModificationDate(content: CardContent & { details: CardDetails }, now: string): number {
  const kept = content.details.cardText;
  if (kept?.modificationDate != null && kept.contentFingerprint === cardContentFingerprint(content))
    return kept.modificationDate;
  return Math.floor(Date.parse(now) / 1000);
}
