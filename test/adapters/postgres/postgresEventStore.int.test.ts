import pg from "pg";
import { eventStoreMigrations } from "../../../src/adapters/postgres/eventStoreMigrations.ts";
import { migrate } from "../../../src/adapters/postgres/migrations.ts";
import { PostgresEventStore } from "../../../src/adapters/postgres/postgresEventStore.ts";
import { describeEventStoreContract } from "../../support/eventStoreContract.ts";
import { createTestDatabase, testServers } from "../../support/testDatabase.ts";

for (const server of testServers()) {
  describeEventStoreContract(`PostgreSQL (${server.label})`, async () => {
    const database = await createTestDatabase(server.url);
    const pool = new pg.Pool({ connectionString: database.url, max: 8 });
    pool.on("error", () => {});
    await migrate(pool, eventStoreMigrations);
    const store = new PostgresEventStore(pool, database.url);
    return {
      store,
      globallyUniqueEventIds: true,
      storedEvents: async (streamId) => {
        const { rows } = await pool.query<{ id: string; data: unknown; raw: string }>(
          "select event_id::text as id, data, data::text || metadata::text as raw from es_events where stream_id = $1 order by revision",
          [streamId],
        );
        return rows;
      },
      holdAppendOpen: async (streamId, events) => {
        const client = await pool.connect();
        await client.query("begin");
        await client.query("select es_append($1, 'any', $2::jsonb)", [streamId, JSON.stringify(events)]);
        return {
          commit: async () => {
            await client.query("commit");
            client.release();
          },
        };
      },
      cleanup: async () => {
        await store.close();
        await pool.end();
        await database.drop();
      },
    };
  });
}
