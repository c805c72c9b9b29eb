import pg from "pg";
import { eventStoreMigrations } from "../../../src/adapters/postgres/eventStoreMigrations.ts";
import { migrate } from "../../../src/adapters/postgres/migrations.ts";
import { PostgresEventStore } from "../../../src/adapters/postgres/postgresEventStore.ts";
import { SharedTailEventStore } from "../../../src/application/processing/sharedTailEventStore.ts";
import { describeEventStoreContract, holdPostgresAppendOpen } from "../../support/eventStoreContract.ts";
import { createTestDatabase } from "../../support/testDatabase.ts";

describeEventStoreContract("PostgreSQL, behind a shared tail", async () => {
  const database = await createTestDatabase();
  const pool = new pg.Pool({ connectionString: database.url, max: 8 });
  pool.on("error", () => {});
  await migrate(pool, eventStoreMigrations);
  const store = new SharedTailEventStore(new PostgresEventStore(pool, database.url));
  return {
    store,
    globallyUniqueEventIds: true,
    holdAppendOpen: holdPostgresAppendOpen(pool),
    cleanup: async () => {
      await store.close();
      await pool.end();
      await database.drop();
    },
  };
});
