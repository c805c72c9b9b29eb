import type { ConversationEvent } from "../../src/domain/conversation/events.ts";
import type { ProjectedOf } from "../runner/projection.ts";
import type { ImageJobProjected } from "./imageJobs.ts";

/** The conversation events the messages read model follows. */
export const conversationTypes = [
  "ConversationStarted",
  "UserMessageSent",
  "AgentReplyStarted",
  "AgentReplyCompleted",
  "AgentReplyFailed",
  "ImageRequestGranted",
  "ImageRequestDeclined",
  "AgentInitiatedMessage",
  "ActivePathChanged",
  "MessageHidden",
  "MessageUnhidden",
] as const satisfies readonly ConversationEvent["type"][];

export type ConversationProjected = ProjectedOf<
  Extract<ConversationEvent, { type: (typeof conversationTypes)[number] }>
>;
export type MessagesEvent = ConversationProjected | ImageJobProjected;
