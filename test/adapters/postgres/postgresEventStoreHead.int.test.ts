import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { eventStoreMigrations } from "../../../src/adapters/postgres/eventStoreMigrations.ts";
import { migrate } from "../../../src/adapters/postgres/migrations.ts";
import { PostgresEventStore } from "../../../src/adapters/postgres/postgresEventStore.ts";
import type { RecordedEvent } from "../../../src/ports/eventStore.ts";
import { eventually } from "../../support/coreHarness.ts";
import { newEvent } from "../../support/eventStoreContract.ts";
import { createTestDatabase } from "../../support/testDatabase.ts";

/** The names of the prepared statements a pool was asked to run, in order. */
function statementsOf(pool: pg.Pool): string[] {
  const names: string[] = [];
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  pool.query = ((...args: unknown[]) => {
    const config = args[0] as { name?: string } | string;
    names.push(typeof config === "string" ? config : (config.name ?? ""));
    return query(...args);
  }) as typeof pool.query;
  return names;
}

describe("PostgreSQL event store: a reader at the head while this process appends", () => {
  it("waits for the process's own append instead of asking the database for held-back events, and then reads them all", async () => {
    const database = await createTestDatabase();
    const pool = new pg.Pool({ connectionString: database.url, max: 4 });
    const otherPool = new pg.Pool({ connectionString: database.url, max: 2 });
    const locker = new pg.Client({ connectionString: database.url });
    const store = new PostgresEventStore(pool, database.url);
    const other = new PostgresEventStore(otherPool, database.url);
    const reading = new AbortController();
    try {
      await migrate(pool, eventStoreMigrations);
      const statements = statementsOf(pool);
      const blocked = `conversation-${randomUUID()}`;
      await store.append(blocked, [newEvent()], "no_stream");
      const seen: RecordedEvent[] = [];
      const reader = (async () => {
        for await (const batch of store.subscribeToAll({ signal: reading.signal })) seen.push(...batch);
      })();
      await eventually(async () => seen.length === 1);

      // This process's next append waits on a row lock, its transaction open: it holds back
      // what another process commits meanwhile.
      await locker.connect();
      await locker.query("begin");
      await locker.query("select 1 from es_streams where stream_id = $1 for update", [blocked]);
      const ownAppend = store.append(blocked, [newEvent("Own")], 0);
      await eventually(async () => statements.includes("withme_es_append_at_revision"));
      const mark = statements.length;
      await other.append(`conversation-${randomUUID()}`, [newEvent("Elsewhere")], "no_stream");
      const since = () => statements.slice(mark);
      await eventually(async () => since().filter((name) => name === "withme_es_read_all").length >= 3);
      expect(since().filter((name) => name === "withme_es_exists_after")).toEqual([]);
      expect(seen.map((e) => e.type)).toEqual(["SomethingHappened"]);

      await locker.query("commit");
      await ownAppend;
      await eventually(async () => seen.length === 3);
      expect(seen.map((e) => e.type)).toEqual(["SomethingHappened", "Own", "Elsewhere"]);
      reading.abort();
      await reader;
    } finally {
      reading.abort();
      await locker.end().catch(() => {});
      await store.close();
      await other.close();
      await Promise.all([pool.end(), otherPool.end()]);
      await database.drop();
    }
  });
});
