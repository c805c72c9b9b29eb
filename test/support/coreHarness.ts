import pg from "pg";
import { createPool, type DatabasePool } from "slonik";
import { runnerMigrations } from "../../projections/runner/runnerMigrations.ts";
import { InProcessLiveBus } from "../../src/adapters/local/inProcessLiveBus.ts";
import { eventStoreMigrations } from "../../src/adapters/postgres/eventStoreMigrations.ts";
import { type Migration, migrate } from "../../src/adapters/postgres/migrations.ts";
import { PostgresEventStore } from "../../src/adapters/postgres/postgresEventStore.ts";
import { PostgresLeases } from "../../src/adapters/postgres/postgresLeases.ts";
import { systemClock } from "../../src/adapters/system/systemClock.ts";
import { EventLog } from "../../src/application/eventLog.ts";
import { catalogue } from "../../src/domain/catalogue.ts";
import { createLogger, type Logger } from "../../src/observability/logger.ts";
import type { Clock } from "../../src/ports/clock.ts";
import { createTestDatabase, type TestDatabase } from "./testDatabase.ts";

export interface CoreHarness {
  database: TestDatabase;
  raw: pg.Pool;
  pool: DatabasePool;
  store: PostgresEventStore;
  /** The same store read and written through the catalogue. */
  events: EventLog;
  leases: PostgresLeases;
  bus: InProcessLiveBus;
  clock: Clock;
  logger: Logger;
  close(): Promise<void>;
}

/** A fresh database with the event store, the projection bookkeeping and any extra migrations. */
export async function startCoreHarness(extraMigrations: Migration[] = []): Promise<CoreHarness> {
  const database = await createTestDatabase();
  const raw = new pg.Pool({ connectionString: database.url, max: 8 });
  // Dropping the database at the end ends idle connections the pool has not closed yet.
  raw.on("error", () => {});
  await migrate(raw, [...eventStoreMigrations, ...runnerMigrations, ...extraMigrations]);
  const pool = await createPool(database.url, { maximumPoolSize: 8 });
  const store = new PostgresEventStore(raw, database.url, { pollIntervalMs: 200 });
  const leases = new PostgresLeases(database.url, raw, { retryMs: 100 });
  const bus = new InProcessLiveBus();
  const logger = createLogger({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
  return {
    database,
    raw,
    pool,
    store,
    events: new EventLog(store, catalogue),
    leases,
    bus,
    clock: systemClock,
    logger,
    close: async () => {
      await store.close();
      await pool.end();
      await raw.end();
      await database.drop();
    },
  };
}

export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ""}`);
}
