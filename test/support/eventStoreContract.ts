import { randomUUID } from "node:crypto";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ConcurrencyError,
  DuplicateEventIdError,
  type EventStore,
  type EventToAppend,
  type RecordedEvent,
  START,
} from "../../src/ports/eventStore.ts";
import { describePersonalDataEncryption } from "./encryptedEventStoreContract.ts";

export interface ContractSubject {
  store: EventStore;
  /** Starts an append whose transaction stays open until `commit` (stores that have such a thing). */
  holdAppendOpen?: (streamId: string, events: EventToAppend[]) => Promise<{ commit(): Promise<void> }>;
  /** Whether an event id is unique across all streams (EventStoreDB only checks within a stream). */
  globallyUniqueEventIds: boolean;
  /**
   * A stream's events exactly as the store keeps them (the table's rows, the fake node's log):
   * `data` parsed, `raw` the stored text of data and metadata. Without it, the adapter's own reads
   * stand in for the storage.
   */
  storedEvents?: (streamId: string) => Promise<StoredEvent[]>;
  cleanup(): Promise<void>;
}

export interface StoredEvent {
  id: string;
  data: unknown;
  raw: string;
}

export function newEvent(type = "SomethingHappened", data: unknown = { n: 1 }): EventToAppend {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: {
      occurredAt: new Date().toISOString(),
      correlationId: randomUUID(),
      causationId: null,
      actor: "test",
      requestId: null,
      schemaVersion: 1,
    },
  };
}

const stream = (prefix = "test") => `${prefix}-${randomUUID()}`;

export async function collect(
  store: EventStore,
  options: { after?: string; until: (seen: RecordedEvent[]) => boolean; timeoutMs?: number },
): Promise<RecordedEvent[]> {
  const controller = new AbortController();
  const seen: RecordedEvent[] = [];
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 20_000);
  try {
    for await (const batch of store.subscribeToAll({ after: options.after, signal: controller.signal })) {
      seen.push(...batch);
      if (options.until(seen)) break;
    }
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return seen;
}

/** The behaviour every EventStore adapter promises; run against each adapter. */
export function describeEventStoreContract(label: string, makeSubject: () => Promise<ContractSubject>): void {
  describe(`EventStore contract: ${label}`, () => {
    let subject: ContractSubject;
    let store: EventStore;
    beforeAll(async () => {
      subject = await makeSubject();
      store = subject.store;
    });
    afterAll(async () => {
      await subject?.cleanup();
    });

    it("appends and reads a stream back with data, metadata and revisions", async () => {
      const id = stream();
      const events = [newEvent("A", { a: 1 }), newEvent("B", { b: "two" }), newEvent("C", { c: [3] })];
      const result = await store.append(id, events, "no_stream");
      expect(result).toMatchObject({ nextRevision: 2, idempotent: false });
      const read = await store.readStream(id);
      expect(read.map((e) => [e.id, e.type, e.data, e.revision])).toEqual(
        events.map((e, i) => [e.id, e.type, e.data, i]),
      );
      expect(read[0]?.metadata).toEqual(events[0]?.metadata);
      expect(read[2]?.position).toBe(result.position);
      expect(await store.streamRevision(id)).toBe(2);
      expect(await store.streamRevision(stream())).toBeNull();
      expect(await store.readStream(stream())).toEqual([]);
      expect((await store.readStream(id, { fromRevision: 1, maxCount: 1 })).map((e) => e.type)).toEqual([
        "B",
      ]);
      expect(
        (await store.readStream(id, { direction: "backwards", maxCount: 2 })).map((e) => e.type),
      ).toEqual(["C", "B"]);
    });

    it("lists the streams whose id starts with a prefix, and no other", async () => {
      const prefix = `${stream()}-`;
      const [first, second] = [`${prefix}a`, `${prefix}b`];
      await store.append(first, [newEvent()], "no_stream");
      await store.append(second, [newEvent(), newEvent()], "no_stream");
      await store.append(`${prefix.slice(0, -1)}_other`, [newEvent()], "no_stream");
      expect((await store.streamIdsStartingWith(prefix)).sort()).toEqual([first, second]);
      expect(await store.streamIdsStartingWith(`${stream()}-`)).toEqual([]);
    });

    it("rejects appends whose expected revision does not hold with ConcurrencyError", async () => {
      const id = stream();
      await expect(store.append(id, [newEvent()], "stream_exists")).rejects.toBeInstanceOf(ConcurrencyError);
      await expect(store.append(id, [newEvent()], 0)).rejects.toMatchObject({ actual: null });
      await store.append(id, [newEvent(), newEvent()], "no_stream");
      await expect(store.append(id, [newEvent()], "no_stream")).rejects.toMatchObject({
        name: "ConcurrencyError",
        actual: 1,
      });
      await expect(store.append(id, [newEvent()], 0)).rejects.toMatchObject({ expected: 0, actual: 1 });
      await expect(store.append(id, [newEvent()], 1)).resolves.toMatchObject({ nextRevision: 2 });
      await expect(store.append(id, [newEvent()], "stream_exists")).resolves.toMatchObject({
        nextRevision: 3,
      });
      await expect(store.append(id, [newEvent()], "any")).resolves.toMatchObject({ nextRevision: 4 });
      expect(await store.readStream(id)).toHaveLength(5);
    });

    it("treats a retried append of the same ids at the same place as done, writing nothing twice", async () => {
      const id = stream();
      await store.append(id, [newEvent()], "no_stream");
      const events = [newEvent(), newEvent()];
      const first = await store.append(id, events, 0);
      const retry = await store.append(id, events, 0);
      expect(retry).toEqual({ ...first, idempotent: true });
      const retryAny = await store.append(id, events, "any");
      expect(retryAny.nextRevision).toBe(2);
      expect(retryAny.idempotent).toBe(true);
      expect(await store.readStream(id)).toHaveLength(3);
      await expect(store.append(id, [newEvent()], 0)).rejects.toBeInstanceOf(ConcurrencyError);
      const elsewhere = store.append(stream(), [events[0]!], "no_stream");
      if (subject.globallyUniqueEventIds) {
        await expect(elsewhere).rejects.toBeInstanceOf(DuplicateEventIdError);
      } else {
        // Ids are unique per stream only: the same id in another stream is another event.
        await expect(elsewhere).resolves.toMatchObject({ nextRevision: 0, idempotent: false });
      }
    });

    it("loses nothing when 2 writers race 500 appends each on one stream", async () => {
      const id = stream("race");
      const writer = async (name: string) => {
        const written: string[] = [];
        for (let i = 0; i < 500; i++) {
          const event = newEvent("Raced", { writer: name, i });
          for (;;) {
            const revision = await store.streamRevision(id);
            try {
              await store.append(id, [event], revision ?? "no_stream");
              written.push(event.id);
              break;
            } catch (error) {
              if (!(error instanceof ConcurrencyError)) throw error;
            }
          }
        }
        return written;
      };
      const [a, b] = await Promise.all([writer("a"), writer("b")]);
      const read = await store.readStream(id);
      expect(read.map((e) => e.revision)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
      expect(new Set(read.map((e) => e.id))).toEqual(new Set([...a, ...b]));
    });

    it("delivers every event once, in order, from any checkpoint, then live", async () => {
      const start = await store.headPosition();
      const streams = [stream(), stream(), stream()];
      const appended: string[] = [];
      for (let i = 0; i < 30; i++) {
        const events = [newEvent("Tick", { i }), newEvent("Tock", { i })];
        await store.append(streams[i % 3]!, events, "any");
        appended.push(...events.map((e) => e.id));
      }
      const all = await collect(store, { after: start, until: (seen) => seen.length >= 60 });
      expect(all.map((e) => e.id)).toEqual(appended);
      for (const cut of [0, 1, 17, 58]) {
        const from = all[cut]!.position;
        const rest = await collect(store, {
          after: from,
          until: (seen) => seen.length >= 59 - cut,
          timeoutMs: 5_000,
        });
        expect(rest.map((e) => e.id)).toEqual(appended.slice(cut + 1));
      }
      const head = all.at(-1)!.position;
      const live: string[] = [];
      // Catch-up then live: what is appended before the subscription has started is delivered too.
      const listening = collect(store, { after: head, until: (seen) => seen.length >= 20 });
      for (let i = 0; i < 20; i++) {
        const event = newEvent("Live", { i });
        live.push(event.id);
        await store.append(streams[0]!, [event], "any");
      }
      expect((await listening).map((e) => e.id)).toEqual(live);
      expect(await store.readAll({ after: START, maxCount: 1 })).toHaveLength(1);
    });

    it("reads for projections the same events as readAll, with the metadata projections read", async () => {
      const start = await store.headPosition();
      const id = stream();
      const events = [newEvent("A", { a: 1 }), newEvent("B", { b: "two" })];
      await store.append(id, events, "no_stream");
      const all = await store.readAll({ after: start, maxCount: 10 });
      const projected = await (store.readAllForProjections?.({ after: start, maxCount: 10 }) ??
        store.readAll({ after: start, maxCount: 10 }));
      const withoutMetadata = ({
        metadata: _,
        recordedAt: __,
        ...rest
      }: {
        metadata: unknown;
        recordedAt?: Date;
      }) => rest;
      expect(projected.map(withoutMetadata)).toEqual(all.map(withoutMetadata));
      expect(projected.at(-1)!.recordedAt).toEqual(all.at(-1)!.recordedAt);
      for (const [i, event] of projected.entries()) {
        const { occurredAt, schemaVersion } = events[i]!.metadata;
        expect(event.metadata).toMatchObject({ occurredAt, schemaVersion });
      }
      const after = projected[0]!.position;
      expect(
        (
          await (store.readAllForProjections?.({ after, maxCount: 10 }) ??
            store.readAll({ after, maxCount: 10 }))
        ).map((e) => e.id),
      ).toEqual([events[1]!.id]);
    });

    it("never skips a slow concurrent write that commits after later ones", async (context) => {
      if (!subject.holdAppendOpen) {
        context.skip();
        return;
      }
      const start = await store.headPosition();
      const slow = newEvent("Slow");
      const held = await subject.holdAppendOpen(stream("slow"), [slow]);
      const listening = collect(store, { after: start, until: (seen) => seen.length >= 11 });
      const fast: string[] = [];
      for (let i = 0; i < 10; i++) {
        const event = newEvent("Fast", { i });
        fast.push(event.id);
        await store.append(stream("fast"), [event], "no_stream");
      }
      // While the slow write is open, a reader sees none of the later ones: none can be read past it.
      expect(await store.readAll({ after: start, maxCount: 100 })).toEqual([]);
      await held.commit();
      const seen = await listening;
      expect(seen).toHaveLength(11);
      expect(new Set(seen.map((e) => e.id))).toEqual(new Set([slow.id, ...fast]));
      const ordered = [...seen].sort((a, b) => store.comparePositions(a.position, b.position));
      expect(ordered.map((e) => e.id)).toEqual(seen.map((e) => e.id));
    });

    it("reads a 100,000-event stream back whole", async () => {
      const id = stream("large");
      for (let batch = 0; batch < 100; batch++) {
        const events = Array.from({ length: 1000 }, (_, i) => newEvent("Bulk", { i: batch * 1000 + i }));
        await store.append(id, events, batch === 0 ? "no_stream" : batch * 1000 - 1);
      }
      const read = await store.readStream(id);
      expect(read).toHaveLength(100_000);
      expect(read.every((e, i) => e.revision === i && (e.data as { i: number }).i === i)).toBe(true);
      expect(await store.streamRevision(id)).toBe(99_999);
    }, 120_000);

    describePersonalDataEncryption(() => ({ subject, store }));
  });
}

/** `holdAppendOpen` for the PostgreSQL adapter: `es_append` inside a transaction left open. */
export function holdPostgresAppendOpen(pool: pg.Pool): NonNullable<ContractSubject["holdAppendOpen"]> {
  return async (streamId, events) => {
    const client = await pool.connect();
    await client.query("begin");
    await client.query("select es_append($1, 'any', $2::jsonb)", [streamId, JSON.stringify(events)]);
    return {
      commit: async () => {
        await client.query("commit");
        client.release();
      },
    };
  };
}
