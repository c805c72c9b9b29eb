import { type AgentEvent, agentEventDefinitions } from "./agent/events.ts";
import { type ConversationEvent, conversationEventDefinitions } from "./conversation/events.ts";
import { type ImageJobEvent, imageJobEventDefinitions } from "./imageJob/events.ts";
import { type LorebookEvent, lorebookEventDefinitions } from "./lorebook/events.ts";
import { EventCatalogue, type EventDefinition } from "./shared/eventCatalogue.ts";
import { type UserEvent, userEventDefinitions } from "./user/events.ts";

/** Every event withme writes, across the five aggregates. */
export type WithmeEvent = UserEvent | AgentEvent | ConversationEvent | ImageJobEvent | LorebookEvent;

export type WithmeEventType = WithmeEvent["type"];

export const eventDefinitions: readonly EventDefinition[] = [
  ...userEventDefinitions,
  ...agentEventDefinitions,
  ...conversationEventDefinitions,
  ...imageJobEventDefinitions,
  ...lorebookEventDefinitions,
];

/** A fresh catalogue of every definition; validates what is written and upcasts what is read. */
export function createCatalogue(): EventCatalogue {
  return new EventCatalogue(eventDefinitions);
}

export const catalogue: EventCatalogue = createCatalogue();
