import type { PostgresDatabase } from "../adapters/postgres/postgresDatabase.ts";
import { PostgresSnapshotStore } from "../adapters/postgres/postgresSnapshotStore.ts";
import { SealedSnapshots, type StateSnapshots } from "../application/snapshots/sealedSnapshots.ts";
import { type ConversationState, conversationDecider } from "../domain/conversation/decider.ts";
import { conversationStateCodec } from "../domain/conversation/stateSnapshot.ts";
import { conversationPerson } from "../domain/personalData.ts";
import type { Logger } from "../observability/logger.ts";
import type { DataKeyStore } from "../ports/dataKeys.ts";
import type { SnapshotStore } from "../ports/snapshotStore.ts";

/** Conversation events between two stored snapshots of a conversation's state, at the least. */
export const CONVERSATION_SNAPSHOT_EVERY = 1_000;

/**
 * A conversation's state holds every message, so writing it out costs the conversation's length:
 * the next snapshot waits for at least half as many events as the state holds messages. Each
 * event's share of the writing then stays the same in a conversation of any length (instead of
 * growing with it, every thousand events), and a cold load, which opens the whole snapshot anyway,
 * folds at most that many events more: its cost still grows with the length, as it did.
 */
export function conversationSnapshotSize(state: ConversationState): number {
  return Math.floor(state.tree.nodes.size / 2);
}

/** The snapshots the command handler loads long streams from: conversations, the only streams that grow without end. */
export function stateSnapshots(
  database: PostgresDatabase,
  keys: DataKeyStore,
  logger: Logger,
): { store: SnapshotStore; snapshotsFor: (decider: object) => StateSnapshots<unknown> | undefined } {
  const store = new PostgresSnapshotStore(database.pool);
  const conversations = new SealedSnapshots({
    store,
    keys,
    codec: conversationStateCodec,
    subjectOf: conversationPerson,
    every: CONVERSATION_SNAPSHOT_EVERY,
    sizeOf: conversationSnapshotSize,
    onError: (error, streamId) =>
      logger.warn({ err: error, streamId }, "conversation snapshot skipped; the stream is folded instead"),
  });
  return {
    store,
    snapshotsFor: (decider) =>
      decider === conversationDecider ? (conversations as StateSnapshots<unknown>) : undefined,
  };
}
