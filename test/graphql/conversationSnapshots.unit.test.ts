import { describe, expect, it } from "vitest";
import { InMemoryEventStore } from "../../src/adapters/memory/inMemoryEventStore.ts";
import { CommandHandler } from "../../src/application/commandHandler.ts";
import { readUpdates } from "../../src/application/conversations/conversationHistory.ts";
import { runningState } from "../../src/application/conversations/conversationUpdates.ts";
import { EventLog } from "../../src/application/eventLog.ts";
import { catalogue } from "../../src/domain/catalogue.ts";
import { DEFAULT_MOOD } from "../../src/domain/shared/mood.ts";
import { conversationStreamId } from "../../src/domain/streamIds.ts";
import { ConversationSnapshots } from "../../src/graphql/conversationSnapshots.ts";
import { seedConversation } from "../support/conversationSeed.ts";

/** A store that records where each stream read starts. */
class RecordingStore extends InMemoryEventStore {
  readsFrom: number[] = [];
  override async readStream(...args: Parameters<InMemoryEventStore["readStream"]>) {
    this.readsFrom.push(args[1]?.fromRevision ?? 0);
    return super.readStream(...args);
  }
}

async function conversation(events: number) {
  const store = new RecordingStore();
  const log = new EventLog(store, catalogue);
  const last = await seedConversation(new CommandHandler(log), "u1", "a1", events);
  return { store, deps: { events: log }, streamId: conversationStreamId("u1", "a1"), last };
}

/** What a subscriber asking from `after` must get: every update after it, folded from the start. */
async function expected(deps: { events: EventLog }, streamId: string, after: number) {
  return (await readUpdates(deps, streamId, 0, runningState(DEFAULT_MOOD), after)).updates;
}

describe("conversation snapshots", () => {
  it("serves a subscriber a little behind from the snapshot's recent updates, without reading the stream from its start", async () => {
    const { store, deps, streamId, last } = await conversation(2_000);
    const snapshots = new ConversationSnapshots();
    await snapshots.start(deps, streamId, DEFAULT_MOOD, null);
    for (const after of [last - 1, last - 20, last - 200]) {
      store.readsFrom = [];
      const start = await snapshots.start(deps, streamId, DEFAULT_MOOD, after);
      expect(start.updates).toEqual(await expected(deps, streamId, after));
      expect(start.cursor).toBe(last);
      expect(store.readsFrom.slice(0, 2).every((from) => from > last)).toBe(true);
    }
  });

  it("folds the stream from its start for a subscriber further behind than the recent updates reach", async () => {
    const { store, deps, streamId, last } = await conversation(2_000);
    const snapshots = new ConversationSnapshots();
    await snapshots.start(deps, streamId, DEFAULT_MOOD, null);
    store.readsFrom = [];
    const start = await snapshots.start(deps, streamId, DEFAULT_MOOD, 100);
    expect(start.updates).toEqual(await expected(deps, streamId, 100));
    expect(start.cursor).toBe(last);
    expect(store.readsFrom).toContain(0);
  });

  it("keeps serving recent updates correctly as the conversation grows", async () => {
    const { deps, streamId } = await conversation(600);
    const snapshots = new ConversationSnapshots();
    await snapshots.start(deps, streamId, DEFAULT_MOOD, null);
    const last = await seedConversation(new CommandHandler(deps.events), "u1", "a1", 1_200);
    const start = await snapshots.start(deps, streamId, DEFAULT_MOOD, last - 50);
    expect(start.updates).toEqual(await expected(deps, streamId, last - 50));
    expect(start.cursor).toBe(last);
  });

  it("shares one stream read among subscribers woken by the same change, but not with one woken after the read began", async () => {
    const { store, deps, streamId, last } = await conversation(50);
    const snapshots = new ConversationSnapshots();
    const woken = performance.now();
    store.readsFrom = [];
    const [first, second] = await Promise.all([
      snapshots.readStream(deps, streamId, last - 4, woken),
      snapshots.readStream(deps, streamId, last - 4, woken),
    ]);
    expect(store.readsFrom).toEqual([last - 4]);
    expect(second).toBe(first);
    expect(first.map((e) => e.revision)).toEqual([last - 4, last - 3, last - 2, last - 1, last]);

    const reading = snapshots.readStream(deps, streamId, last - 4, woken);
    const later = snapshots.readStream(deps, streamId, last - 4, performance.now());
    await Promise.all([reading, later]);
    expect(store.readsFrom).toEqual([last - 4, last - 4, last - 4]);
  });
});
