import { type ConversationState, visibleOnPathTo } from "../../domain/conversation/decider.ts";
import type { StoredEventOf, WithmeStoredEvent } from "../eventLog.ts";
import type { EngineDependencies } from "./engineDependencies.ts";

/**
 * The person's messages a summary was written from: those it covers on the path it was written
 * on (through the reply it follows), not those of other branches in the same stretch of the log.
 * What the summary says, and the facts it lists, come from these; a rewrite's left-out messages are not among them.
 */
export async function summarySources(
  deps: Pick<EngineDependencies, "events">,
  event: StoredEventOf<"MemorySummarized">,
  /** The conversation, folded far enough to hold the reply the summary follows. */
  conversation: () => Promise<ConversationState>,
): Promise<string[]> {
  const { data } = event;
  const covered = await deps.events.readStream(event.streamId, {
    fromRevision: data.coversFromRevision,
    maxCount: data.coversToRevision - data.coversFromRevision + 1,
  });
  return sourcesAmong(covered, event, data.causedBy ? await conversation() : null);
}

/** `summarySources` over a conversation's whole stream read already: no read of its own per summary. */
export function summarySourcesIn(
  stream: readonly WithmeStoredEvent[],
  event: StoredEventOf<"MemorySummarized">,
  conversation: ConversationState,
): string[] {
  const { coversFromRevision: from, coversToRevision: to } = event.data;
  return sourcesAmong(
    stream.filter((e) => e.revision >= from && e.revision <= to),
    event,
    conversation,
  );
}

function sourcesAmong(
  covered: readonly WithmeStoredEvent[],
  event: StoredEventOf<"MemorySummarized">,
  state: ConversationState | null,
): string[] {
  const { causedBy, leavesOut } = event.data;
  // One lookup of the reply for the whole stretch: each message then costs a step or two.
  const visible = state && causedBy ? visibleOnPathTo(state, causedBy) : null;
  const leftOut = new Set(leavesOut);
  return covered.flatMap((e) =>
    e.type === "UserMessageSent" &&
    !leftOut.has(e.data.messageId) &&
    (!visible || visible(e.data.messageId) !== undefined)
      ? [e.data.messageId]
      : [],
  );
}

/** Every summary of a conversation's stream, in its order. */
export function writtenSummaries(stream: readonly WithmeStoredEvent[]): StoredEventOf<"MemorySummarized">[] {
  return stream.filter((e): e is StoredEventOf<"MemorySummarized"> => e.type === "MemorySummarized");
}
