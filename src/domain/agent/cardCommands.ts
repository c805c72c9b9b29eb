import type { JsonObject } from "../shared/json.ts";
import type { MoodState } from "../shared/mood.ts";
import type { IdentityInput, PersonaInput, ScenarioWindowInput } from "./agentInputs.ts";
import type { CardText } from "./cardSchemas.ts";

/** The commands that set an agent's card content: greetings, style examples, prompt parts, details, books it reads. */

/** Greetings in order: the first is the card's `first_mes`, the rest its alternates. */
export interface UpdateAgentGreetings {
  type: "UpdateAgentGreetings";
  agentId: string;
  greetings: readonly string[];
  now: string;
}

export interface UpdateAgentStyleExamples {
  type: "UpdateAgentStyleExamples";
  agentId: string;
  styleExamples: string;
  now: string;
}

export interface PromptPartsInput {
  setting: string;
  systemPrompt: string;
  postHistoryInstructions: string;
}

export interface UpdateAgentPromptParts {
  type: "UpdateAgentPromptParts";
  agentId: string;
  promptParts: PromptPartsInput;
  now: string;
}

/** Left-out fields are empty. */
export interface CardDetailsInput {
  nickname?: string;
  creatorNotes?: string;
  creatorNotesMultilingual?: Readonly<Record<string, string>>;
  tags?: readonly string[];
  creator?: string;
  characterVersion?: string;
  sources?: readonly string[];
  groupOnlyGreetings?: readonly string[];
  creationDate?: number | null;
  extensions?: JsonObject;
  /** Kept as it is when left out of an update. */
  cardText?: CardText;
}

export interface UpdateAgentCardDetails {
  type: "UpdateAgentCardDetails";
  agentId: string;
  details: CardDetailsInput;
  now: string;
}

/** The agent reads the book's entries into its prompts; the book itself may serve many agents. */
export interface AttachLorebook {
  type: "AttachLorebook";
  agentId: string;
  lorebookId: string;
  now: string;
}

export interface DetachLorebook {
  type: "DetachLorebook";
  agentId: string;
  lorebookId: string;
  now: string;
}

export interface CardScenarioInput {
  scenarioId: string;
  title: string;
  description: string;
  window: ScenarioWindowInput;
}

/**
 * An agent made from a character card, whole in one append: profile, card content, scenarios and
 * the books it reads (created beforehand, unattached).
 */
export interface CreateAgentFromCard {
  type: "CreateAgentFromCard";
  agentId: string;
  name: string;
  persona: PersonaInput;
  identity: IdentityInput;
  appearancePrompt: string;
  moodBaseline?: MoodState;
  greetings: readonly string[];
  styleExamples: string;
  promptParts: PromptPartsInput;
  details: CardDetailsInput;
  scenarios: readonly CardScenarioInput[];
  lorebookIds: readonly string[];
  createdBy: string;
  now: string;
}
