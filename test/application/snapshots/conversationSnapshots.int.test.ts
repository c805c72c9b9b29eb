import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InMemoryDataKeyStore } from "../../../src/adapters/local/inMemoryDataKeyStore.ts";
import {
  PostgresSnapshotStore,
  snapshotMigrations,
} from "../../../src/adapters/postgres/postgresSnapshotStore.ts";
import { CommandHandler } from "../../../src/application/commandHandler.ts";
import { EventLog } from "../../../src/application/eventLog.ts";
import { EncryptingEventStore } from "../../../src/application/privacy/encryptingEventStore.ts";
import { withmePersonalData } from "../../../src/application/privacy/personalDataPolicy.ts";
import { SealedSnapshots } from "../../../src/application/snapshots/sealedSnapshots.ts";
import { catalogue } from "../../../src/domain/catalogue.ts";
import { conversationDecider } from "../../../src/domain/conversation/decider.ts";
import {
  CONVERSATION_STATE_VERSION,
  conversationStateCodec,
} from "../../../src/domain/conversation/stateSnapshot.ts";
import { conversationPerson } from "../../../src/domain/personalData.ts";
import { conversationStreamId } from "../../../src/domain/streamIds.ts";
import {
  appendStoryEvents,
  branchingStory,
  comparable,
} from "../../domain/conversation/conversationStory.ts";
import { type CoreHarness, eventually, startCoreHarness } from "../../support/coreHarness.ts";

let core: CoreHarness;

beforeAll(async () => {
  core = await startCoreHarness(snapshotMigrations);
});
afterAll(async () => core?.close());

const streamId = conversationStreamId("u1", "a1");

describe("a conversation loaded from its stored snapshot in PostgreSQL", () => {
  it("equals the fold of the whole stream, after branches, edits, retries and hidden messages", async () => {
    const keys = new InMemoryDataKeyStore();
    const events = new EventLog(
      new EncryptingEventStore(core.store, { keys, policy: withmePersonalData }),
      catalogue,
    );
    const store = new PostgresSnapshotStore(core.raw);
    const errors: unknown[] = [];
    const snapshots = new SealedSnapshots({
      store,
      keys,
      codec: conversationStateCodec,
      subjectOf: conversationPerson,
      every: 7,
      onError: (error) => errors.push(error),
    });
    const withSnapshots = () =>
      new CommandHandler(events, { snapshots: (d) => (d === conversationDecider ? snapshots : undefined) });
    const story = branchingStory();
    // Appended a few events at a time, each time loaded by a process of its own, which stores
    // snapshots as it goes: every load after the first starts from one.
    for (let from = 0; from < story.events.length; from += 5) {
      const chunk = story.events.slice(from, from + 5);
      await appendStoryEvents(events, streamId, chunk, from);
      const loaded = await withSnapshots().load(conversationDecider, streamId);
      const folded = await new CommandHandler(events).load(conversationDecider, streamId);
      expect(loaded.revision).toBe(folded.revision);
      expect(comparable(loaded.state)).toEqual(comparable(folded.state));
      if (from >= 10)
        await eventually(async () => ((await store.load(streamId))?.revision ?? -1) >= from - 1);
    }
    const stored = await store.load(streamId);
    expect(stored).toMatchObject({ subjectId: "u1", version: CONVERSATION_STATE_VERSION });
    expect(stored!.revision).toBeGreaterThan(story.events.length - 10);
    expect(comparable((await withSnapshots().load(conversationDecider, streamId)).state)).toEqual(
      comparable(story.state),
    );
    await store.deleteSubject("u1");
    expect(await store.load(streamId)).toBeNull();
    expect(errors).toEqual([]);
  });
});
