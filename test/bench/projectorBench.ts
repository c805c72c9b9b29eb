import pg from "pg";
import { createPool, type DatabasePool } from "slonik";
import type { ProjectorDependencies } from "../../projections/runner/projector.ts";
import { runnerMigrations } from "../../projections/runner/runnerMigrations.ts";
import { InProcessLiveBus } from "../../src/adapters/local/inProcessLiveBus.ts";
import { eventStoreMigrations } from "../../src/adapters/postgres/eventStoreMigrations.ts";
import { migrate } from "../../src/adapters/postgres/migrations.ts";
import { PostgresEventStore } from "../../src/adapters/postgres/postgresEventStore.ts";
import { PostgresLeases } from "../../src/adapters/postgres/postgresLeases.ts";
import { systemClock } from "../../src/adapters/system/systemClock.ts";
import { catalogue } from "../../src/domain/catalogue.ts";
import { createLogger } from "../../src/observability/logger.ts";
import type { LiveBus } from "../../src/ports/liveBus.ts";
import { benchPostgres } from "./support.ts";

export interface ProjectorBench {
  raw: pg.Pool;
  pool: DatabasePool;
  store: PostgresEventStore;
  /** What a projector or a rebuild runs with, publishing on the given bus. */
  deps(bus?: LiveBus): ProjectorDependencies;
  close(): Promise<void>;
}

/** A durable embedded PostgreSQL with the event store and the projection runner's tables. */
export async function startProjectorBench(): Promise<ProjectorBench> {
  const postgres = await benchPostgres();
  const raw = new pg.Pool({ connectionString: postgres.url, max: 8 });
  raw.on("error", () => {});
  const pool = await createPool(postgres.url, { maximumPoolSize: 8 });
  const store = new PostgresEventStore(raw, postgres.url, { pollIntervalMs: 200 });
  const leases = new PostgresLeases(postgres.url, raw, { retryMs: 100 });
  const logger = createLogger({ level: "warn" });
  await migrate(raw, [...eventStoreMigrations, ...runnerMigrations]);
  return {
    raw,
    pool,
    store,
    deps: (bus = new InProcessLiveBus()) => ({
      pool,
      raw,
      store,
      catalogue,
      bus,
      leases,
      clock: systemClock,
      logger,
    }),
    close: async () => {
      await store.close();
      await pool.end();
      await raw.end();
      await postgres.cleanup();
    },
  };
}
