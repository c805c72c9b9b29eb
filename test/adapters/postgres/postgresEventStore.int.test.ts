import pg from "pg";
import { eventStoreMigrations } from "../../../src/adapters/postgres/eventStoreMigrations.ts";
import { migrate } from "../../../src/adapters/postgres/migrations.ts";
import { PostgresEventStore } from "../../../src/adapters/postgres/postgresEventStore.ts";
import { describeEventStoreContract, holdPostgresAppendOpen } from "../../support/eventStoreContract.ts";
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
      holdAppendOpen: holdPostgresAppendOpen(pool),
      cleanup: async () => {
        await store.close();
        await pool.end();
        await database.drop();
      },
    };
  });
}
