import type { ConversationEvent } from "../../domain/conversation/events.ts";
import type { EventStore, RecordedEvent } from "../../ports/eventStore.ts";
import type { CommandHandler } from "../commandHandler.ts";
import { type ConversationUpdate, conversationUpdate, type RunningState } from "./conversationUpdates.ts";

export interface HistoryDeps {
  commands: CommandHandler;
  store: EventStore;
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
  const events = await deps.store.readStream(streamId, { fromRevision });
  const updates: ConversationUpdate[] = [];
  for (const event of events) {
    const update = toUpdate(deps, event, running);
    if (update && event.revision > afterRevision) updates.push(update);
  }
  return { updates, lastRevision: events.at(-1)?.revision ?? null };
}

function toUpdate(deps: HistoryDeps, event: RecordedEvent, running: RunningState): ConversationUpdate | null {
  const parsed = deps.commands.toDomainEvent(event) as ConversationEvent;
  return conversationUpdate(parsed, event.revision, running);
}
