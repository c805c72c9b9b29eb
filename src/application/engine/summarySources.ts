import { type ConversationState, visibleOnPathTo } from "../../domain/conversation/decider.ts";
import type { StoredEventOf } from "../eventLog.ts";
import type { EngineDependencies } from "./engineDependencies.ts";

/**
 * The person's messages a summary was written from: those it covers on the path it was written
 * on (through the reply it follows), not those of other branches in the same stretch of the log.
 * What the summary says, and the facts it lists, come from these.
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
  const { causedBy } = data;
  const state = causedBy ? await conversation() : null;
  // One lookup of the reply for the whole stretch: each message then costs a step or two.
  const visible = state && causedBy ? visibleOnPathTo(state, causedBy) : null;
  return covered.flatMap((e) =>
    e.type === "UserMessageSent" && (!visible || visible(e.data.messageId) !== undefined)
      ? [e.data.messageId]
      : [],
  );
}

/** Every summary a conversation has had written, in the order of its stream. */
export async function writtenSummaries(
  deps: Pick<EngineDependencies, "events">,
  streamId: string,
): Promise<StoredEventOf<"MemorySummarized">[]> {
  const events = await deps.events.readStream(streamId);
  return events.filter((e): e is StoredEventOf<"MemorySummarized"> => e.type === "MemorySummarized");
}
