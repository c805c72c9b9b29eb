import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { eventStoreMigrations } from "../../../src/adapters/postgres/eventStoreMigrations.ts";
import { migrate } from "../../../src/adapters/postgres/migrations.ts";
import { PostgresEventStore } from "../../../src/adapters/postgres/postgresEventStore.ts";
import {
  EXISTS_AFTER,
  READ_ALL,
  READ_ALL_PROJECTED,
} from "../../../src/adapters/postgres/postgresGlobalReads.ts";
import { newEvent } from "../../support/eventStoreContract.ts";
import { createTestDatabase } from "../../support/testDatabase.ts";

describe("PostgreSQL event store: reads in the global order", () => {
  it("keep to the global-order index on a generic plan, which a live subscriber's prepared statements end up on", async () => {
    const database = await createTestDatabase();
    const pool = new pg.Pool({ connectionString: database.url, max: 2 });
    pool.on("error", () => {});
    const store = new PostgresEventStore(pool, database.url);
    try {
      await migrate(pool, eventStoreMigrations);
      for (let stream = 0; stream < 10; stream++)
        await store.append(
          `conversation-${randomUUID()}`,
          Array.from({ length: 500 }, () => newEvent()),
          "no_stream",
        );
      await pool.query("analyze es_events");
      const client = await pool.connect();
      try {
        await client.query("set plan_cache_mode = force_generic_plan");
        const plan = async (statement: { name: string; text: string }, types: string) => {
          await client.query(`prepare ${statement.name} (${types}) as ${statement.text}`);
          const args = types === "xid8, bigint" ? "'1', 1" : "'1', 1, 100";
          const { rows } = await client.query<{ "QUERY PLAN": string }>(
            `explain execute ${statement.name} (${args})`,
          );
          return rows.map((row) => row["QUERY PLAN"]).join("\n");
        };
        for (const found of [
          await plan(EXISTS_AFTER, "xid8, bigint"),
          await plan(READ_ALL, "xid8, bigint, int"),
          await plan(READ_ALL_PROJECTED, "xid8, bigint, int"),
        ]) {
          expect(found).toContain("es_events_global_order");
          expect(found).not.toContain("Seq Scan");
        }
      } finally {
        client.release();
      }
    } finally {
      await store.close();
      await pool.end();
      await database.drop();
    }
  });
});
