import type { RecordedEvent } from "../../ports/eventStore.ts";
import type { CommandContext } from "../commandHandler.ts";

export interface ConversationAddress {
  streamId: string;
  userId: string;
  agentId: string;
}

/** What a reaction is a consequence of: a stored event, or the nudge that announced it. */
export interface ReactionCause {
  id: string;
  metadata: Pick<RecordedEvent["metadata"], "requestId" | "correlationId">;
}

/** The context of a command a reactor issues because of an event. */
export function reactionContext(
  cause: ReactionCause,
  commandId: string,
  now: Date,
  actor: string,
): CommandContext {
  return {
    commandId,
    actor,
    requestId: cause.metadata.requestId,
    correlationId: cause.metadata.correlationId,
    causationId: cause.id,
    now,
  };
}
