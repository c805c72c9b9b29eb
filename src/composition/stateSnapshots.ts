import type { PostgresDatabase } from "../adapters/postgres/postgresDatabase.ts";
import { PostgresSnapshotStore } from "../adapters/postgres/postgresSnapshotStore.ts";
import { SealedSnapshots, type StateSnapshots } from "../application/snapshots/sealedSnapshots.ts";
import { conversationDecider } from "../domain/conversation/decider.ts";
import { conversationStateCodec } from "../domain/conversation/stateSnapshot.ts";
import { conversationPerson } from "../domain/personalData.ts";
import type { Logger } from "../observability/logger.ts";
import type { DataKeyStore } from "../ports/dataKeys.ts";
import type { SnapshotStore } from "../ports/snapshotStore.ts";

/** Conversation events between two stored snapshots of a conversation's state. */
export const CONVERSATION_SNAPSHOT_EVERY = 1_000;

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
    onError: (error, streamId) =>
      logger.warn({ err: error, streamId }, "conversation snapshot skipped; the stream is folded instead"),
  });
  return {
    store,
    snapshotsFor: (decider) =>
      decider === conversationDecider ? (conversations as StateSnapshots<unknown>) : undefined,
  };
}
