import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { EventStoreDbEventStore } from "../../../src/adapters/eventstoredb/eventStoreDbEventStore.ts";
import { ConcurrencyError, type RecordedEvent, START } from "../../../src/ports/eventStore.ts";
import { newEvent } from "../../support/eventStoreContract.ts";
import {
  type FakeEventStoreDb,
  startFakeEventStoreDb,
} from "../../support/fakes/eventStoreDb/fakeEventStoreDb.ts";

const stream = () => `test-${randomUUID()}`;

describe("EventStoreDB adapter on the local gRPC fake", () => {
  let fake: FakeEventStoreDb;
  let store: EventStoreDbEventStore;
  beforeAll(async () => {
    fake = await startFakeEventStoreDb();
    store = EventStoreDbEventStore.connect(fake.url);
  });
  afterAll(async () => {
    await store.close();
    await fake.close();
  });

  it("leaves the server's own events out of reads, subscriptions, the head and distances", async () => {
    expect(await store.headPosition()).toBe(START);
    expect(await store.readAll()).toEqual([]);
    const first = [newEvent("A"), newEvent("B")];
    await store.append(stream(), first, "no_stream");
    fake.writeSystemEvent("$stats-127.0.0.1:2113", "$statsCollected");
    fake.writeSystemEvent("$ce-test", "$>");
    const last = newEvent("C");
    const { position } = await store.append(stream(), [last], "no_stream");
    fake.writeSystemEvent("$$test-1", "$metadata");

    const all = await store.readAll({ after: START });
    expect(all.map((e) => e.id)).toEqual([...first, last].map((e) => e.id));
    expect((await store.readAll({ after: all[1]!.position, maxCount: 1 })).map((e) => e.id)).toEqual([
      last.id,
    ]);
    expect(await store.headPosition()).toBe(position);
    expect(await store.distance(START, position)).toBe(3);
    expect(await store.distance(all[0]!.position, position)).toBe(2);
    expect(await store.distance(position, all[0]!.position)).toBe(0);

    const seen: RecordedEvent[] = [];
    const controller = new AbortController();
    for await (const batch of store.subscribeToAll({ signal: controller.signal })) {
      seen.push(...batch);
      if (seen.length >= 3) controller.abort();
    }
    expect(seen.map((e) => e.id)).toEqual(all.map((e) => e.id));
  });

  it("estimates long distances from the byte offsets once it has counted enough", async () => {
    const from = await store.headPosition();
    const id = stream();
    for (let i = 0; i < 10; i++)
      await store.append(
        id,
        Array.from({ length: 1_000 }, () => newEvent()),
        "any",
      );
    const to = await store.headPosition();
    const rough = EventStoreDbEventStore.connect(fake.url, { distanceCountLimit: 4_000 });
    try {
      const estimate = await rough.distance(from, to);
      expect(estimate).toBeGreaterThan(9_000);
      expect(estimate).toBeLessThan(11_000);
      expect(await store.distance(from, to)).toBe(10_000);
    } finally {
      await rough.close();
    }
  });

  it("hands out batches no larger than asked, in order, catching up and then live", async () => {
    const from = await store.headPosition();
    const id = stream();
    const written = Array.from({ length: 10 }, (_, i) => newEvent("Batched", { i }));
    await store.append(id, written, "no_stream");
    const controller = new AbortController();
    const batches: RecordedEvent[][] = [];
    const live = Array.from({ length: 10 }, (_, i) => newEvent("Live", { i }));
    let appendedLive = false;
    for await (const batch of store.subscribeToAll({
      after: from,
      batchSize: 4,
      signal: controller.signal,
    })) {
      batches.push(batch);
      const seen = batches.flat().length;
      if (seen >= 10 && !appendedLive) {
        appendedLive = true;
        await store.append(id, live, 9);
      }
      if (seen >= 20) controller.abort();
    }
    expect(batches.every((batch) => batch.length >= 1 && batch.length <= 4)).toBe(true);
    expect(batches.flat().map((e) => e.id)).toEqual([...written, ...live].map((e) => e.id));
  });

  it("cancels the server's subscription when the signal aborts while waiting for events", async () => {
    const controller = new AbortController();
    const batches: RecordedEvent[][] = [];
    const iterating = (async () => {
      for await (const batch of store.subscribeToAll({
        after: await store.headPosition(),
        signal: controller.signal,
      })) {
        batches.push(batch);
      }
    })();
    await vi.waitFor(() => expect(fake.log.liveSubscriptions).toBe(1));
    controller.abort();
    await iterating;
    expect(batches).toEqual([]);
    await vi.waitFor(() => expect(fake.log.liveSubscriptions).toBe(0));
  });

  it("recognises a retry with any after the stream moved on, and refuses a partial overlap", async () => {
    const id = stream();
    const events = [newEvent(), newEvent()];
    const first = await store.append(id, events, "no_stream");
    await store.append(id, [newEvent()], 1);
    expect(await store.append(id, events, "any")).toEqual({ ...first, idempotent: true });
    expect(await store.append(id, events, "stream_exists")).toEqual({ ...first, idempotent: true });
    await expect(store.append(id, [events[1]!, newEvent()], "any")).rejects.toMatchObject({
      name: "ConcurrencyError",
      expected: "any",
      actual: 2,
    });
    expect(await store.streamRevision(id)).toBe(2);
  });
});

describe("EventStoreDB adapter through BatchAppend (what real nodes since 21.10 offer)", () => {
  let fake: FakeEventStoreDb;
  let store: EventStoreDbEventStore;
  beforeAll(async () => {
    fake = await startFakeEventStoreDb({ batchAppend: true });
    store = EventStoreDbEventStore.connect(fake.url);
  });
  afterAll(async () => {
    await store.close();
    await fake.close();
  });

  it("appends, detects conflicts and retries the same way", async () => {
    const id = stream();
    await expect(store.append(id, [newEvent()], 0)).rejects.toMatchObject({ actual: null });
    const events = [newEvent("A"), newEvent("B")];
    const first = await store.append(id, events, "no_stream");
    expect(first).toMatchObject({ nextRevision: 1, idempotent: false });
    expect(await store.append(id, events, "no_stream")).toEqual({ ...first, idempotent: true });
    const conflict = store.append(id, [newEvent()], "no_stream");
    await expect(conflict).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(conflict).rejects.toMatchObject({ expected: "no_stream", actual: 1 });
    await expect(store.append(id, [newEvent()], "stream_exists")).resolves.toMatchObject({ nextRevision: 2 });
    const read = await store.readStream(id);
    expect(read.map((e) => e.type)).toEqual(["A", "B", "SomethingHappened"]);
    expect(read[1]?.position).toBe(first.position);
  });
});
