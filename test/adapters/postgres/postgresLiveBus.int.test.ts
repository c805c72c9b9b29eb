import { randomUUID } from "node:crypto";
import pg from "pg";
import { expect, it } from "vitest";
import { liveBusMigrations } from "../../../src/adapters/postgres/liveBusMigrations.ts";
import { migrate } from "../../../src/adapters/postgres/migrations.ts";
import { PostgresLiveBus } from "../../../src/adapters/postgres/postgresLiveBus.ts";
import { describeLiveBusContract } from "../../support/liveBusContract.ts";
import { createTestDatabase, type TestDatabase } from "../../support/testDatabase.ts";

let database: TestDatabase;
let pool: pg.Pool;
const names = new Map<PostgresLiveBus, string>();

function open(): PostgresLiveBus {
  const applicationName = `livebus-${randomUUID().slice(0, 8)}`;
  const bus = new PostgresLiveBus(
    pool,
    { connectionString: database.url, application_name: applicationName },
    { retryMs: 100 },
  );
  names.set(bus, applicationName);
  return bus;
}

describeLiveBusContract("PostgreSQL NOTIFY", async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 4 });
  // pool.end() resolves before its connections close, so dropping the database can end one first.
  pool.on("error", () => {});
  await migrate(pool, liveBusMigrations);
  const [first, second] = [open(), open()];
  return {
    first,
    second,
    settle: (bus) => (bus as PostgresLiveBus).whenSubscribed(),
    open: async () => open(),
    cut: async (bus) => {
      const { rows } = await pool.query<{ pid: number }>(
        "select pid from pg_stat_activity where application_name = $1 and datname = current_database()",
        [names.get(bus as PostgresLiveBus)],
      );
      for (const { pid } of rows) {
        await pool.query("select pg_terminate_backend($1)", [pid]);
        // Until the old backend is gone, a NOTIFY could still reach it rather than the new listener.
        while ((await pool.query("select 1 from pg_stat_activity where pid = $1", [pid])).rowCount) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
    },
    cleanup: async () => {
      await Promise.all([first.close(), second.close()]);
      const { rows } = await pool.query<{ count: string }>("select count(*) from live_bus_messages");
      // Every large message of the suite went through the table.
      expect(Number(rows[0]?.count)).toBeGreaterThan(0);
      await pool.end();
      await database.drop();
    },
  };
});

it("refuses a channel name that is not a plain identifier", () => {
  expect(() => new PostgresLiveBus(new pg.Pool(), "postgres://x", { channel: "live; drop table x" })).toThrow(
    /lower-case identifier/,
  );
});
