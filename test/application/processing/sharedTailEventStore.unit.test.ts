import { describe, expect, it } from "vitest";
import { InMemoryEventStore } from "../../../src/adapters/memory/inMemoryEventStore.ts";
import { SharedTailEventStore } from "../../../src/application/processing/sharedTailEventStore.ts";
import type { Position, ReadAllOptions, RecordedEvent } from "../../../src/ports/eventStore.ts";
import { START } from "../../../src/ports/eventStore.ts";
import { eventually } from "../../support/coreHarness.ts";
import { describeEventStoreContract, newEvent } from "../../support/eventStoreContract.ts";

describeEventStoreContract("in memory, behind a shared tail", async () => {
  const store = new SharedTailEventStore(new InMemoryEventStore());
  return { store, globallyUniqueEventIds: true, cleanup: () => store.close() };
});

/** Counts the reads of the log: each subscription to all events and each read of it. */
class CountingStore extends InMemoryEventStore {
  subscriptions = 0;
  reads = 0;
  override readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    this.reads++;
    return super.readAll(options);
  }
  override subscribeToAll(options?: Parameters<InMemoryEventStore["subscribeToAll"]>[0]) {
    this.subscriptions++;
    return super.subscribeToAll(options);
  }
}

function follow(store: SharedTailEventStore, after: Position, signal: AbortSignal, batchSize?: number) {
  const seen: RecordedEvent[] = [];
  const done = (async () => {
    for await (const batch of store.subscribeToAll({ after, signal, ...(batchSize ? { batchSize } : {}) }))
      seen.push(...batch);
  })();
  return { seen, done };
}

describe("SharedTailEventStore", () => {
  it("feeds every subscriber at the head from one subscription, each in order and once", async () => {
    const inner = new CountingStore();
    const store = new SharedTailEventStore(inner);
    await inner.append("s-0", [newEvent()], "any");
    const controller = new AbortController();
    const followers = Array.from({ length: 5 }, (_, i) => follow(store, START, controller.signal, i + 1));
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      const events = [newEvent("A", { i }), newEvent("B", { i })];
      ids.push(...events.map((e) => e.id));
      await store.append(`s-${i % 3}`, events, "any");
    }
    const first = (await inner.readAll({ after: START, maxCount: 1 }))[0]!.id;
    await eventually(async () => followers.every((f) => f.seen.length === 81));
    for (const f of followers) expect(f.seen.map((e) => e.id)).toEqual([first, ...ids]);
    expect(inner.subscriptions).toBe(1);
    controller.abort();
    await Promise.all(followers.map((f) => f.done));
    await store.close();
  });

  it("lets a subscriber far behind read on its own until it reaches the others", async () => {
    const inner = new CountingStore();
    const store = new SharedTailEventStore(inner);
    for (let i = 0; i < 60; i++)
      await inner.append(
        "s",
        Array.from({ length: 100 }, () => newEvent()),
        "any",
      );
    const controller = new AbortController();
    const head = await store.headPosition();
    const live = follow(store, head, controller.signal);
    const behind = follow(store, START, controller.signal, 250);
    await eventually(async () => behind.seen.length === 6_000);
    const later = [newEvent("Later")];
    await store.append("s", later, "any");
    await eventually(async () => behind.seen.length === 6_001 && live.seen.length === 1);
    expect(behind.seen.map((e) => e.position)).toEqual(
      (await inner.readAll({ after: START, maxCount: 10_000 })).map((e) => e.position),
    );
    expect(live.seen[0]!.id).toBe(later[0]!.id);
    expect(inner.subscriptions).toBe(1);
    controller.abort();
    await Promise.all([live.done, behind.done]);
    await store.close();
  });

  it("opens the shared subscription again after the last subscriber left", async () => {
    const inner = new CountingStore();
    const store = new SharedTailEventStore(inner);
    const first = new AbortController();
    const one = follow(store, START, first.signal);
    await store.append("s", [newEvent()], "any");
    await eventually(async () => one.seen.length === 1);
    first.abort();
    await one.done;
    const second = new AbortController();
    const two = follow(store, one.seen[0]!.position, second.signal);
    await store.append("s", [newEvent()], "any");
    await eventually(async () => two.seen.length === 1);
    expect(inner.subscriptions).toBe(2);
    second.abort();
    await two.done;
    await store.close();
  });
});
