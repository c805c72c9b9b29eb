import type { ConversationEvent } from "../../domain/conversation/events.ts";
import type { EventLog } from "../eventLog.ts";
import { type ConversationUpdate, conversationUpdate, type RunningState } from "./conversationUpdates.ts";

export interface HistoryDeps {
  events: EventLog;
}

/**
 * Updates after `afterRevision`, oldest first, with mood and affinity folded from the start of
 * the stream so each state change carries the values it led to.
 */
export async function readUpdates(
  deps: HistoryDeps,
  streamId: string,
  fromRevision: number,
  running: RunningState,
  afterRevision: number,
): Promise<{ updates: ConversationUpdate[]; lastRevision: number | null }> {
  const events = await deps.events.readStream(streamId, { fromRevision });
  const updates: ConversationUpdate[] = [];
  for (const event of events) {
    // A conversation stream holds only conversation events.
    const update = conversationUpdate(event as ConversationEvent, event.revision, running);
    if (update && event.revision > afterRevision) updates.push(update);
  }
  return { updates, lastRevision: events.at(-1)?.revision ?? null };
}
