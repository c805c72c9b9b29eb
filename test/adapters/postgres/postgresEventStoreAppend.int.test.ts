import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventStoreMigrations } from "../../../src/adapters/postgres/eventStoreMigrations.ts";
import { migrate } from "../../../src/adapters/postgres/migrations.ts";
import { PostgresEventStore } from "../../../src/adapters/postgres/postgresEventStore.ts";
import {
  ConcurrencyError,
  DuplicateEventIdError,
  type ExpectedRevision,
} from "../../../src/ports/eventStore.ts";
import { eventually } from "../../support/coreHarness.ts";
import { newEvent } from "../../support/eventStoreContract.ts";
import { createTestDatabase, type TestDatabase } from "../../support/testDatabase.ts";

const stream = () => `conversation-${randomUUID()}`;

const until = (condition: () => Promise<boolean> | boolean) =>
  eventually(async () => (await condition()) || undefined);

async function openDatabase(): Promise<{ database: TestDatabase; pool: pg.Pool }> {
  const database = await createTestDatabase();
  const pool = new pg.Pool({ connectionString: database.url, max: 6 });
  pool.on("error", () => {});
  return { database, pool };
}

describe("PostgreSQL event store: appends", () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let store: PostgresEventStore;
  beforeAll(async () => {
    ({ database, pool } = await openDatabase());
    await migrate(pool, eventStoreMigrations);
    store = new PostgresEventStore(pool, database.url);
  });
  afterAll(async () => {
    await store.close();
    await pool.end();
    await database.drop();
  });

  it.each<[ExpectedRevision, number]>([
    ["no_stream", 0],
    [0, 1],
    ["any", 1],
  ])(
    "recognises an identical append racing the first one (expected %s) as its retry",
    async (expected, before) => {
      const id = stream();
      if (before > 0) await store.append(id, [newEvent()], "no_stream");
      const events = [newEvent(), newEvent()];
      const first = await pool.connect();
      await first.query("begin");
      await first.query("select * from es_append($1, $2, $3::jsonb)", [
        id,
        String(expected),
        JSON.stringify(events),
      ]);
      const retry = store.append(id, events, expected);
      // The retry waits for the first append's lock on the stream.
      await until(async () => {
        const { rows } = await pool.query<{ waiting: number }>(
          "select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
        );
        return rows[0]!.waiting > 0;
      });
      await first.query("commit");
      first.release();
      await expect(retry).resolves.toMatchObject({ nextRevision: before + 1, idempotent: true });
      expect((await store.readStream(id)).map((e) => e.id)).toEqual([
        ...(before > 0 ? [expect.any(String)] : []),
        ...events.map((e) => e.id),
      ]);
    },
  );

  it("answers each of many appends made at once on its own: written, a conflict, a duplicate event id", async () => {
    const ids = Array.from({ length: 12 }, stream);
    const taken = newEvent();
    await store.append(ids[0]!, [taken], "no_stream");
    const twoEach = (list: string[]) =>
      list.map((id, i) => store.append(id, [newEvent(), newEvent()], i % 2 === 0 ? "no_stream" : "any"));
    // Appends that come while others are under way go together, each with its own outcome…
    const grouped = await Promise.allSettled([
      ...twoEach(ids.slice(1)),
      store.append(ids[0]!, [newEvent()], 5),
    ]);
    expect(grouped.slice(0, 11).map((o) => o.status === "fulfilled" && o.value.nextRevision)).toEqual(
      Array(11).fill(1),
    );
    expect(grouped[11]).toMatchObject({ status: "rejected", reason: expect.any(ConcurrencyError) });
    for (const id of ids.slice(1)) expect(await store.readStream(id)).toHaveLength(2);
    // …and a group one of them fails as a whole is written again one at a time.
    const more = Array.from({ length: 8 }, stream);
    const failing = await Promise.allSettled([
      ...twoEach(more),
      store.append(stream(), [taken], "no_stream"),
    ]);
    expect(failing.slice(0, 8).every((o) => o.status === "fulfilled")).toBe(true);
    expect(failing[8]).toMatchObject({ status: "rejected", reason: expect.any(DuplicateEventIdError) });
    for (const id of more) expect(await store.readStream(id)).toHaveLength(2);
  });

  it("treats a stream row left at revision -1 (by the first es_append) as no stream", async () => {
    for (const expected of ["no_stream", "any"] as const) {
      const id = stream();
      await pool.query("insert into es_streams (stream_id, revision) values ($1, -1)", [id]);
      expect(await store.streamRevision(id)).toBeNull();
      await expect(store.append(id, [newEvent()], 0)).rejects.toMatchObject({ actual: null });
      await expect(store.append(id, [newEvent()], "stream_exists")).rejects.toBeInstanceOf(ConcurrencyError);
      await expect(store.append(id, [newEvent()], expected)).resolves.toMatchObject({ nextRevision: 0 });
      await expect(store.append(id, [newEvent()], 0)).resolves.toMatchObject({ nextRevision: 1 });
    }
  });

  it("refuses an expected revision that names no place, writing nothing", async () => {
    const id = stream();
    await store.append(id, [newEvent()], "no_stream");
    for (const expected of [-2, 0.5]) {
      await expect(store.append(id, [newEvent()], expected)).rejects.toThrow(/is not an expected revision/);
    }
    expect(await store.readStream(id)).toHaveLength(1);
  });

  it("leaves no stream row behind for an append that was refused", async () => {
    const id = stream();
    await expect(store.append(id, [newEvent()], 3)).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(store.append(id, [newEvent()], "stream_exists")).rejects.toBeInstanceOf(ConcurrencyError);
    const { rowCount } = await pool.query("select 1 from es_streams where stream_id = $1", [id]);
    expect(rowCount).toBe(0);
  });

  it("sends no NOTIFY from the writing transaction; the adapter announces the commit after it", async () => {
    const listener = new pg.Client(database.url);
    await listener.connect();
    const received: string[] = [];
    listener.on("notification", (notice) => received.push(notice.payload ?? ""));
    await listener.query("listen withme_events");
    try {
      await pool.query("select * from es_append($1, 'no_stream', $2::jsonb)", [
        stream(),
        JSON.stringify([newEvent()]),
      ]);
      // Notifications arrive in commit order: one from the append would come before this marker.
      // The adapter's announcements name their store (a UUID); one due for an earlier test's
      // append may still arrive. What es_append itself used to send had an empty payload.
      const storeNamed = /^[0-9a-f-]{36}$/;
      await pool.query("select pg_notify('withme_events', 'marker')");
      await until(() => received.includes("marker"));
      expect(received.filter((payload) => !storeNamed.test(payload))).toEqual(["marker"]);
      const beforeAppend = received.length;
      await store.append(stream(), [newEvent()], "no_stream");
      await until(() => received.length > beforeAppend);
      expect(received.slice(beforeAppend).every((payload) => storeNamed.test(payload))).toBe(true);
    } finally {
      await listener.end();
    }
  });

  it("wakes a subscriber in another process that would otherwise poll only once an hour", async () => {
    const otherPool = new pg.Pool({ connectionString: database.url, max: 2 });
    otherPool.on("error", () => {});
    // The subscriber reads once when it starts and again when its LISTEN is in place (its only
    // wake-up before the append, as it polls once an hour); a look for held-back events after that
    // second read means it now waits, and only a notification can wake it.
    let reads = 0;
    let looksAfterSecondRead = 0;
    const query = otherPool.query.bind(otherPool) as (...args: unknown[]) => Promise<unknown>;
    (otherPool as { query: unknown }).query = async (...args: unknown[]) => {
      const text = typeof args[0] === "string" ? args[0] : (args[0] as { text: string }).text;
      const result = await query(...args);
      if (text.startsWith("select 1 from es_events")) {
        if (reads >= 2) looksAfterSecondRead++;
      } else if (text.includes("from es_events e")) reads++;
      return result;
    };
    const other = new PostgresEventStore(otherPool, database.url, { pollIntervalMs: 3_600_000 });
    const controller = new AbortController();
    try {
      const head = await store.headPosition();
      const seen = (async () => {
        for await (const batch of other.subscribeToAll({ after: head, signal: controller.signal }))
          return batch;
        return [];
      })();
      await until(() => looksAfterSecondRead >= 1);
      const event = newEvent();
      await store.append(stream(), [event], "no_stream");
      expect((await seen).map((e) => e.id)).toEqual([event.id]);
      expect(reads).toBe(3);
    } finally {
      controller.abort();
      await other.close();
      await otherPool.end();
    }
  });
});
