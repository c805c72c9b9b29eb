import { z } from "zod";
import { defineEvent, type EventOf } from "../shared/eventCatalogue.ts";
import { IdSchema } from "../shared/schemas.ts";
import { CardDetailsSchema, GreetingsSchema, PromptPartsSchema, StyleExamplesSchema } from "./cardSchemas.ts";

/** The agent's card content: greetings, style examples, prompt parts, card details, books it reads. */

/** The first greeting is the main one (a card's `first_mes`); an empty list greets from the persona. */
export const AgentGreetingsUpdated = defineEvent(
  "AgentGreetingsUpdated",
  z.object({ agentId: IdSchema, greetings: GreetingsSchema }),
);
export type AgentGreetingsUpdated = EventOf<typeof AgentGreetingsUpdated>;

export const AgentStyleExamplesUpdated = defineEvent(
  "AgentStyleExamplesUpdated",
  z.object({ agentId: IdSchema, styleExamples: StyleExamplesSchema }),
);
export type AgentStyleExamplesUpdated = EventOf<typeof AgentStyleExamplesUpdated>;

export const AgentPromptPartsUpdated = defineEvent(
  "AgentPromptPartsUpdated",
  z.object({ agentId: IdSchema, promptParts: PromptPartsSchema }),
);
export type AgentPromptPartsUpdated = EventOf<typeof AgentPromptPartsUpdated>;

export const AgentCardDetailsUpdated = defineEvent(
  "AgentCardDetailsUpdated",
  z.object({ agentId: IdSchema, details: CardDetailsSchema }),
);
export type AgentCardDetailsUpdated = EventOf<typeof AgentCardDetailsUpdated>;

export const AgentLorebookAttached = defineEvent(
  "AgentLorebookAttached",
  z.object({ agentId: IdSchema, lorebookId: IdSchema }),
);
export type AgentLorebookAttached = EventOf<typeof AgentLorebookAttached>;

export const AgentLorebookDetached = defineEvent(
  "AgentLorebookDetached",
  z.object({ agentId: IdSchema, lorebookId: IdSchema }),
);
export type AgentLorebookDetached = EventOf<typeof AgentLorebookDetached>;

export const agentCardEventDefinitions = [
  AgentGreetingsUpdated,
  AgentStyleExamplesUpdated,
  AgentPromptPartsUpdated,
  AgentCardDetailsUpdated,
  AgentLorebookAttached,
  AgentLorebookDetached,
] as const;

export type AgentCardEvent =
  | AgentGreetingsUpdated
  | AgentStyleExamplesUpdated
  | AgentPromptPartsUpdated
  | AgentCardDetailsUpdated
  | AgentLorebookAttached
  | AgentLorebookDetached;
