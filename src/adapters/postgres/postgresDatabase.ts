import pg from "pg";
import { createPool, type DatabasePool } from "slonik";
import { redactUrl } from "../../observability/logger.ts";
import { EmbeddedPostgresError, startEmbeddedPostgres } from "./embeddedPostgres.ts";

/** One PostgreSQL: a `pg` pool for raw work (event store, LISTEN/NOTIFY, COPY) and a slonik pool for typed SQL. */
export interface PostgresDatabase {
  url: string;
  embedded: boolean;
  pool: pg.Pool;
  sql: DatabasePool;
  close(): Promise<void>;
}

export class DatabaseUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatabaseUnavailableError";
  }
}

export interface OpenDatabaseOptions {
  /** An external server; without it an embedded PostgreSQL starts in `dataDir`. */
  url?: string;
  dataDir: string;
  /** Connections in all, shared between the two pools (leases and LISTEN hold their own). */
  poolSize: number;
  onLog?: (line: string) => void;
}

export async function openPostgresDatabase(options: OpenDatabaseOptions): Promise<PostgresDatabase> {
  const embedded = options.url ? null : await startEmbedded(options);
  const url = options.url ?? embedded!.url;
  const rawSize = Math.max(1, Math.ceil(options.poolSize / 2));
  const typedSize = Math.max(1, options.poolSize - rawSize);
  const pool = new pg.Pool({ connectionString: url, max: rawSize, connectionTimeoutMillis: 10_000 });
  pool.on("error", () => {
    // An idle client lost its connection; the pool replaces it on the next checkout.
  });
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => {});
    await embedded?.stop();
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseUnavailableError(
      `${options.url ? "DATABASE_URL" : "embedded PostgreSQL"}: cannot connect to ${redactUrl(url)} (${reason})`,
    );
  }
  const sql = await createPool(url, {
    maximumPoolSize: typedSize,
    statementTimeout: 60_000,
    // The typed pool's sessions keep no state of their own (settings are transaction-local, locks
    // are taken on the raw pool), so a connection goes back without a DISCARD ALL round trip, and
    // keeps its prepared statements.
    resetConnection: async () => {},
  });
  return {
    url,
    embedded: embedded !== null,
    pool,
    sql,
    close: async () => {
      await sql.end();
      await pool.end();
      await embedded?.stop();
    },
  };
}

async function startEmbedded(options: OpenDatabaseOptions) {
  try {
    return await startEmbeddedPostgres({ dataDir: options.dataDir, onLog: options.onLog });
  } catch (error) {
    if (error instanceof EmbeddedPostgresError)
      throw new DatabaseUnavailableError(`embedded PostgreSQL: ${error.message}`);
    if (
      (error as NodeJS.ErrnoException).code === "EACCES" ||
      (error as NodeJS.ErrnoException).code === "EPERM"
    )
      throw new DatabaseUnavailableError(
        `embedded PostgreSQL: cannot use the data folder ${options.dataDir} (${(error as Error).message})`,
      );
    throw error;
  }
}
