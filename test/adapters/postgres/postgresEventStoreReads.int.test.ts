import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { eventStoreMigrations } from "../../../src/adapters/postgres/eventStoreMigrations.ts";
import { migrate } from "../../../src/adapters/postgres/migrations.ts";
import { PostgresEventStore } from "../../../src/adapters/postgres/postgresEventStore.ts";
import { newEvent } from "../../support/eventStoreContract.ts";
import { createTestDatabase, type TestDatabase } from "../../support/testDatabase.ts";

const stream = () => `conversation-${randomUUID()}`;

async function openDatabase(): Promise<{ database: TestDatabase; pool: pg.Pool }> {
  const database = await createTestDatabase();
  const pool = new pg.Pool({ connectionString: database.url, max: 4 });
  pool.on("error", () => {});
  return { database, pool };
}

describe("PostgreSQL event store: reading a stream in pages", () => {
  it("reads every range in both directions across page boundaries", async () => {
    const { database, pool } = await openDatabase();
    const store = new PostgresEventStore(pool, database.url, { streamPageSize: 4 });
    try {
      await migrate(pool, eventStoreMigrations);
      const id = stream();
      await store.append(
        id,
        Array.from({ length: 10 }, () => newEvent()),
        "no_stream",
      );
      await store.append(stream(), [newEvent()], "no_stream");
      const revisions = async (options: Parameters<PostgresEventStore["readStream"]>[1]) =>
        (await store.readStream(id, options)).map((e) => e.revision);
      const all = Array.from({ length: 10 }, (_, i) => i);
      expect(await revisions({})).toEqual(all);
      expect(await revisions({ fromRevision: 3 })).toEqual(all.slice(3));
      expect(await revisions({ fromRevision: 3, maxCount: 5 })).toEqual([3, 4, 5, 6, 7]);
      expect(await revisions({ fromRevision: 12 })).toEqual([]);
      expect(await revisions({ fromRevision: -3, maxCount: 2 })).toEqual([0, 1]);
      expect(await revisions({ direction: "backwards", fromRevision: -1 })).toEqual([]);
      expect(await revisions({ direction: "backwards" })).toEqual(all.toReversed());
      expect(await revisions({ direction: "backwards", maxCount: 5 })).toEqual([9, 8, 7, 6, 5]);
      expect(await revisions({ direction: "backwards", fromRevision: 6 })).toEqual([6, 5, 4, 3, 2, 1, 0]);
      expect(await revisions({ direction: "backwards", fromRevision: 50, maxCount: 2 })).toEqual([9, 8]);
      expect(await store.readStream(stream(), { direction: "backwards" })).toEqual([]);
      const [last] = await store.readStream(id, { direction: "backwards", maxCount: 1 });
      expect(last).toMatchObject({ streamId: id, revision: 9 });
      const { rows } = await pool.query<{ recorded_at: Date }>(
        "select recorded_at from es_events where stream_id = $1 and revision = 9",
        [id],
      );
      expect(last?.recordedAt).toEqual(rows[0]?.recorded_at);
    } finally {
      await store.close();
      await pool.end();
      await database.drop();
    }
  });
});
