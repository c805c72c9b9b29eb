import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { eventStoreMigrations } from "../../../src/adapters/postgres/eventStoreMigrations.ts";
import { migrate } from "../../../src/adapters/postgres/migrations.ts";
import { PostgresEventStore } from "../../../src/adapters/postgres/postgresEventStore.ts";
import { ConcurrencyError, START } from "../../../src/ports/eventStore.ts";
import { newEvent } from "../../support/eventStoreContract.ts";
import { createTestDatabase, type TestDatabase } from "../../support/testDatabase.ts";

const stream = () => `conversation-${randomUUID()}`;

async function openDatabase(): Promise<{ database: TestDatabase; pool: pg.Pool }> {
  const database = await createTestDatabase();
  const pool = new pg.Pool({ connectionString: database.url, max: 4 });
  pool.on("error", () => {});
  return { database, pool };
}

describe("PostgreSQL event store: upgrading a database in place", () => {
  it("keeps the events, retries and positions written by the first es_append", async () => {
    const { database, pool } = await openDatabase();
    try {
      await migrate(pool, eventStoreMigrations.slice(0, 1));
      const before = new PostgresEventStore(pool, database.url);
      const id = stream();
      const events = [newEvent(), newEvent()];
      const written = await before.append(id, events, "no_stream");
      const refused = stream();
      await expect(before.append(refused, [newEvent()], 0)).rejects.toBeInstanceOf(ConcurrencyError);
      await before.close();

      expect(await migrate(pool, eventStoreMigrations)).toEqual(
        eventStoreMigrations.slice(1).map((migration) => migration.id),
      );
      const after = new PostgresEventStore(pool, database.url);
      expect(await after.append(id, events, "no_stream")).toEqual({ ...written, idempotent: true });
      await expect(after.append(id, [newEvent()], 0)).rejects.toMatchObject({ actual: 1 });
      const next = await after.append(id, [newEvent()], 1);
      expect(next).toMatchObject({ nextRevision: 2, idempotent: false });
      expect(after.comparePositions(next.position, written.position)).toBe(1);
      await expect(after.append(refused, [newEvent()], "no_stream")).resolves.toMatchObject({
        nextRevision: 0,
      });
      expect(await after.readAll({ after: START })).toHaveLength(4);
      await after.close();
    } finally {
      await pool.end();
      await database.drop();
    }
  });
});
