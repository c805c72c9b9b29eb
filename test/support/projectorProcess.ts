import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { createPool } from "slonik";
import { allProjections } from "../../projections/index.ts";
import { Projector } from "../../projections/runner/projector.ts";
import { InProcessLiveBus } from "../../src/adapters/local/inProcessLiveBus.ts";
import { PostgresEventStore } from "../../src/adapters/postgres/postgresEventStore.ts";
import { PostgresLeases } from "../../src/adapters/postgres/postgresLeases.ts";
import { systemClock } from "../../src/adapters/system/systemClock.ts";
import { catalogue } from "../../src/domain/catalogue.ts";
import { createLogger } from "../../src/observability/logger.ts";

/**
 * A projector in a process of its own, running every projection against the database at the URL
 * given as the first argument, until SIGTERM (or until it is killed, which is the point).
 */
async function runProjector(url: string, batchSize: number): Promise<void> {
  const raw = new pg.Pool({ connectionString: url, max: 4 });
  raw.on("error", () => {});
  const pool = await createPool(url, { maximumPoolSize: 4 });
  const store = new PostgresEventStore(raw, url, { pollIntervalMs: 100 });
  const leases = new PostgresLeases(url, raw, { retryMs: 100 });
  const logger = createLogger({ level: process.env.TEST_LOG_LEVEL ?? "warn" });
  const bus = new InProcessLiveBus();
  const controller = new AbortController();
  process.once("SIGTERM", () => controller.abort());
  await new Projector(
    { pool, raw, store, catalogue, bus, leases, clock: systemClock, logger },
    allProjections,
    {
      batchSize,
    },
  ).run(controller.signal);
  await store.close();
  await pool.end();
  await raw.end();
}

/** Starts the projector process; its stderr is kept for the test to show when something goes wrong. */
export function spawnProjector(url: string, batchSize = 200): ChildProcess & { stderrText: () => string } {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), url, String(batchSize)], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return Object.assign(child, { stderrText: () => stderr });
}

if (import.meta.main) {
  const [url, batchSize] = process.argv.slice(2);
  if (!url) throw new Error("usage: projectorProcess.ts <database url> [batch size]");
  await runProjector(url, Number(batchSize ?? 200));
}
