import { describe, expect, it } from "vitest";
import { InMemoryDataKeyStore } from "../../../src/adapters/local/inMemoryDataKeyStore.ts";
import { InMemorySnapshotStore } from "../../../src/adapters/memory/inMemorySnapshotStore.ts";
import { SealedSnapshots, type StateCodec } from "../../../src/application/snapshots/sealedSnapshots.ts";
import type { ConversationStateJson } from "../../../src/domain/conversation/conversationStateJson.ts";
import type { ConversationState } from "../../../src/domain/conversation/decider.ts";
import { conversationStateCodec } from "../../../src/domain/conversation/stateSnapshot.ts";
import { conversationPerson } from "../../../src/domain/personalData.ts";
import { conversationStreamId } from "../../../src/domain/streamIds.ts";
import { comparable } from "../../domain/conversation/conversationStory.ts";
import { Story } from "../../domain/conversation/story.ts";

const streamId = conversationStreamId("u1", "a1");

/** Other work: a turn of the event loop counted, again and again, until stopped. */
function turnCounter() {
  let turns = 0;
  let counting = true;
  const turn = () => {
    turns++;
    if (counting) setImmediate(turn);
  };
  setImmediate(turn);
  return {
    turns: () => turns,
    stop: () => {
      counting = false;
    },
  };
}

describe("a long conversation's snapshot loaded", () => {
  it("is opened and rebuilt in slices, other work going on in between", async () => {
    const story = new Story();
    for (let i = 0; i < 15_000; i++) story.send(`m${i}`).reply(`r${i}`, `m${i}`);
    const store = new InMemorySnapshotStore();
    const counter = turnCounter();
    const at: Record<string, number> = {};
    const codec: StateCodec<ConversationState, ConversationStateJson> = {
      ...conversationStateCodec,
      fromJson: (json) => {
        at.opened = counter.turns();
        const state = conversationStateCodec.fromJson(json);
        at.rebuilt = counter.turns();
        return state;
      },
      *fromJsonInSteps(json) {
        at.opened = counter.turns();
        const state = yield* conversationStateCodec.fromJsonInSteps(json);
        at.rebuilt = counter.turns();
        return state;
      },
    };
    const errors: unknown[] = [];
    const snapshots = new SealedSnapshots({
      store: {
        load: async (id) => {
          at.read = counter.turns();
          return store.load(id);
        },
        save: (snapshot) => store.save(snapshot),
        deleteSubject: (subject) => store.deleteSubject(subject),
      },
      keys: new InMemoryDataKeyStore(),
      codec,
      subjectOf: conversationPerson,
      every: 10,
      onError: (error) => errors.push(error),
    });
    await snapshots.save(streamId, story.state, 29_999);
    expect(store.snapshots.get(streamId)!.payload.length).toBeGreaterThan(1_000_000);

    const loaded = await snapshots.load(streamId);
    counter.stop();

    expect(errors).toEqual([]);
    expect(loaded!.revision).toBe(29_999);
    expect(comparable(loaded!.state)).toEqual(comparable(story.state));
    // Other work ran while the snapshot was decrypted and parsed, and while the state was rebuilt.
    expect(at.opened).toBeGreaterThan(at.read!);
    expect(at.rebuilt).toBeGreaterThan(at.opened!);
  }, 60_000);
});
