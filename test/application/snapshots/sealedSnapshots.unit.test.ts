import { describe, expect, it } from "vitest";
import { InMemoryDataKeyStore } from "../../../src/adapters/local/inMemoryDataKeyStore.ts";
import { InMemoryEventStore } from "../../../src/adapters/memory/inMemoryEventStore.ts";
import { InMemorySnapshotStore } from "../../../src/adapters/memory/inMemorySnapshotStore.ts";
import { CommandHandler } from "../../../src/application/commandHandler.ts";
import { EventLog } from "../../../src/application/eventLog.ts";
import { SealedSnapshots } from "../../../src/application/snapshots/sealedSnapshots.ts";
import { catalogue } from "../../../src/domain/catalogue.ts";
import { type ConversationState, conversationDecider } from "../../../src/domain/conversation/decider.ts";
import type { ConversationEvent } from "../../../src/domain/conversation/events.ts";
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
import { eventually } from "../../support/coreHarness.ts";

const streamId = conversationStreamId("u1", "a1");
const EVERY = 10;

/** A store that remembers where each read of a stream started. */
class CountingStore extends InMemoryEventStore {
  reads: number[] = [];
  override async readStream(...args: Parameters<InMemoryEventStore["readStream"]>) {
    this.reads.push(args[1]?.fromRevision ?? 0);
    return super.readStream(...args);
  }
}

/** A snapshot store that remembers the revision of every snapshot saved. */
class SavingStore extends InMemorySnapshotStore {
  saved: number[] = [];
  override async save(...args: Parameters<InMemorySnapshotStore["save"]>) {
    this.saved.push(args[0].revision);
    return super.save(...args);
  }
}

function world(sizeOf?: (state: ConversationState) => number) {
  const store = new CountingStore();
  const events = new EventLog(store, catalogue);
  const snapshots = new SavingStore();
  const keys = new InMemoryDataKeyStore();
  const errors: unknown[] = [];
  const sealed = new SealedSnapshots({
    store: snapshots,
    keys,
    codec: conversationStateCodec,
    subjectOf: conversationPerson,
    every: EVERY,
    ...(sizeOf ? { sizeOf } : {}),
    onError: (error) => errors.push(error),
  });
  const handler = () =>
    new CommandHandler(events, {
      snapshots: (decider) => (decider === conversationDecider ? sealed : undefined),
    });
  const append = (stored: readonly ConversationEvent[], from: number) =>
    appendStoryEvents(events, streamId, stored, from);
  /** Stores the events, loads the stream once, and gives the snapshot that load stored. */
  const snapshotAfter = async (stored: readonly ConversationEvent[]) => {
    await append(stored, 0);
    await handler().load(conversationDecider, streamId);
    await eventually(async () => snapshots.snapshots.has(streamId));
    return snapshots.snapshots.get(streamId)!;
  };
  return { store, events, snapshots, keys, errors, handler, append, snapshotAfter };
}

describe("conversation snapshots", () => {
  const story = branchingStory();
  const half = 30;

  it("are stored every so many events, and a new process loads one and folds only the events after it", async () => {
    const w = world();
    await w.append(story.events.slice(0, half), 0);
    await w.handler().load(conversationDecider, streamId);
    await eventually(async () => w.snapshots.snapshots.get(streamId)?.revision === half - 1);
    await w.append(story.events.slice(half), half);
    w.store.reads = [];
    const loaded = await w.handler().load(conversationDecider, streamId);
    expect(w.store.reads).toEqual([half]);
    expect(loaded.revision).toBe(story.events.length - 1);
    expect(comparable(loaded.state)).toEqual(comparable(story.state));
    expect(w.errors).toEqual([]);
  });

  it("wait for as many events as the state is worth when that is more than the least between two", async () => {
    const w = world(() => 25);
    await w.append(story.events.slice(0, 20), 0);
    await w.handler().load(conversationDecider, streamId);
    await w.append(story.events.slice(20, half), 20);
    await w.handler().load(conversationDecider, streamId);
    await eventually(async () => w.snapshots.snapshots.get(streamId)?.revision === half - 1);
    // Twenty events are worth a snapshot every ten, not a state worth twenty-five.
    expect(w.snapshots.saved).toEqual([half - 1]);
    expect(w.errors).toEqual([]);
  });

  it("hold nothing the person said in the clear", async () => {
    const w = world();
    const { payload, subjectId } = await w.snapshotAfter(story.events);
    expect(subjectId).toBe("u1");
    for (const said of ["called Rex", "called Max", "Likes tea", "text of m1"])
      expect(payload).not.toContain(said);
  });

  it("of another version are ignored: the stream is folded from its start", async () => {
    const w = world();
    const stored = await w.snapshotAfter(story.events);
    w.snapshots.snapshots.set(streamId, { ...stored, version: CONVERSATION_STATE_VERSION + 1 });
    w.store.reads = [];
    const loaded = await w.handler().load(conversationDecider, streamId);
    expect(w.store.reads).toEqual([0]);
    expect(comparable(loaded.state)).toEqual(comparable(story.state));
  });

  it("moved to another stream or revision do not open", async () => {
    const w = world();
    const stored = await w.snapshotAfter(story.events);
    w.snapshots.snapshots.set(streamId, { ...stored, revision: stored.revision - 5 });
    const other = conversationStreamId("u1", "a2");
    w.snapshots.snapshots.set(other, { ...stored, streamId: other });
    w.store.reads = [];
    const loaded = await w.handler().load(conversationDecider, streamId);
    expect(w.store.reads).toEqual([0]);
    expect(comparable(loaded.state)).toEqual(comparable(story.state));
    await w.handler().load(conversationDecider, other);
    expect(w.errors).toHaveLength(2);
  });

  it("of an erased person do not open, and none of theirs is stored again", async () => {
    const w = world();
    await w.append(story.events.slice(0, half), 0);
    await w.handler().load(conversationDecider, streamId);
    await eventually(async () => w.snapshots.snapshots.has(streamId));
    await w.keys.destroy("u1", new Date());
    await w.snapshots.deleteSubject("u1");
    await w.append(story.events.slice(half), half);
    w.store.reads = [];
    const handler = w.handler();
    await handler.load(conversationDecider, streamId);
    expect(w.store.reads).toEqual([0]);
    expect(w.snapshots.snapshots.has(streamId)).toBe(false);
    expect(w.errors).toEqual([]);
  });
});
