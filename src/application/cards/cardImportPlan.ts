import type { IdentityInput, PersonaInput } from "../../domain/agent/agentInputs.ts";
import type { CardScenarioInput, CreateAgentFromCard } from "../../domain/agent/cardCommands.ts";
import { checkAppearancePrompt, checkPersona } from "../../domain/agent/profileRules.ts";
import { LIMITS } from "../../domain/agent/schemas.ts";
import type { CreateLorebook } from "../../domain/lorebook/commands.ts";
import { DomainError } from "../../domain/shared/decider.ts";
import { charCount } from "../../domain/shared/text.ts";
import { cardTextOfImport } from "./cardEdits.ts";
import { excerpt } from "./cardErrors.ts";
import type { NormalizedCard } from "./cardJson.ts";
import { appearanceFromCard, personaFromCard } from "./cardPersona.ts";
import { cardTextFingerprint, readWithmeExtension } from "./withmeExtension.ts";

/** Whether a domain rule accepts a value the card brings. */
function passes(check: () => unknown): boolean {
  try {
    check();
    return true;
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
}

/** The commands that import a card: the lorebook first (unattached), then the agent that reads it. */
export interface CardImportPlan {
  lorebook: CreateLorebook | null;
  agent: CreateAgentFromCard;
  warnings: string[];
}

export interface CardImportOptions {
  agentId: string;
  /** For the card's `character_book`, when it has one. */
  lorebookId: string;
  createdBy: string;
  now: string;
  /** The operator's choice; wins over the card's withme identity. Required when the card has none. */
  identity?: IdentityInput;
  appearancePrompt?: string;
  /** Ids for the scenarios the card's withme data brings, by position. */
  scenarioId: (index: number) => string;
}

export function planCardImport(card: NormalizedCard, options: CardImportOptions): CardImportPlan {
  const { extension, warnings } = readWithmeExtension(card.extensions);
  const name = Array.from(card.name.trim()).slice(0, LIMITS.name).join("").trim();
  if (charCount(card.name.trim()) > LIMITS.name)
    warnings.push(`The name was shortened to ${LIMITS.name} characters.`);
  const identity = options.identity ?? extension?.identity ?? null;
  if (!identity)
    throw new DomainError(
      "CardIdentityRequired",
      "BAD_USER_INPUT",
      "This card does not say where the character lives; choose a home city, occupation and time zone.",
    );
  const keptPersona = extension?.persona ?? null;
  const textUnchanged =
    extension?.textFingerprint === cardTextFingerprint(card.description, card.personality);
  let persona: PersonaInput | null =
    textUnchanged && keptPersona && passes(() => checkPersona(keptPersona)) ? keptPersona : null;
  if (!persona) {
    const derived = personaFromCard(card, card.nickname.trim() || name);
    persona = derived.persona;
    warnings.push(...derived.warnings);
    if (keptPersona && !textUnchanged)
      warnings.push("The card's description was edited elsewhere; the persona was read from it anew.");
    else if (keptPersona)
      warnings.push("The card's withme persona breaks withme's limits; it was read from the card's text.");
  }
  const keptAppearance = extension?.appearancePrompt ?? null;
  const appearancePrompt =
    options.appearancePrompt ??
    (keptAppearance && passes(() => checkAppearancePrompt(keptAppearance)) ? keptAppearance : null) ??
    appearanceFromCard(card, name, persona.summary);
  let lorebook: CreateLorebook | null = null;
  if (card.characterBook) {
    const { warnings: bookWarnings, ...book } = card.characterBook;
    warnings.push(...bookWarnings);
    lorebook = {
      type: "CreateLorebook",
      lorebookId: options.lorebookId,
      ...book,
      source: "characterBook",
      createdBy: options.createdBy,
      now: options.now,
    };
  }
  // The card's own text, `<BOT>` and all: macros are resolved where the text is used.
  const greetings = [card.firstMessage, ...card.alternateGreetings].filter((g) => g.trim() !== "");
  const scenarios = (extension?.scenarios ?? []).flatMap((s, index): CardScenarioInput[] => {
    if (s.window.kind === "once" && Date.parse(s.window.endsAt) <= Date.parse(options.now)) {
      warnings.push(`The scenario "${excerpt(s.title)}" is over and was left out.`);
      return [];
    }
    return [
      { scenarioId: options.scenarioId(index), title: s.title, description: s.description, window: s.window },
    ];
  });
  const { withme: _, ...extensions } = card.extensions;
  const agent: CreateAgentFromCard = {
    type: "CreateAgentFromCard",
    agentId: options.agentId,
    name,
    persona,
    identity,
    appearancePrompt,
    ...(extension?.moodBaseline ? { moodBaseline: extension.moodBaseline } : {}),
    greetings,
    styleExamples: card.exampleMessages,
    promptParts: {
      setting: card.scenario,
      systemPrompt: card.systemPrompt,
      postHistoryInstructions: card.postHistoryInstructions,
    },
    details: {
      nickname: card.nickname,
      creatorNotes: card.creatorNotes,
      creatorNotesMultilingual: Object.fromEntries(
        Object.entries(card.creatorNotesMultilingual).filter(([code]) => /^[a-z]{2,3}$/.test(code)),
      ),
      tags: card.tags,
      creator: card.creator,
      characterVersion: card.characterVersion,
      sources: card.sources,
      groupOnlyGreetings: card.groupOnlyGreetings,
      creationDate:
        card.creationDate !== null && Number.isInteger(card.creationDate) && card.creationDate >= 0
          ? card.creationDate
          : null,
      extensions,
    },
    scenarios,
    lorebookIds: lorebook ? [options.lorebookId] : [],
    createdBy: options.createdBy,
    now: options.now,
  };
  const cardText = cardTextOfImport(card, agent);
  if (cardText) agent.details = { ...agent.details, cardText };
  return { lorebook, agent, warnings };
}
