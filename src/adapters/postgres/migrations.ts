import { createHash } from "node:crypto";
import type pg from "pg";
import { transactionOn } from "./pgTransaction.ts";

/** One versioned schema change. Ids sort in the order they apply; an applied one never changes. */
export interface Migration {
  id: string;
  sql: string;
}

export class MigrationChangedError extends Error {
  constructor(id: string) {
    super(`migration ${id} was changed after it was applied; add a new migration instead`);
    this.name = "MigrationChangedError";
  }
}

const LOCK_KEY = 7_220_514_001;

/** Applies what is missing, each migration in its own transaction; safe to run twice or at once. */
export async function migrate(pool: pg.Pool, migrations: readonly Migration[]): Promise<string[]> {
  const client = await pool.connect();
  const applied: string[] = [];
  let broken: Error | undefined;
  try {
    await client.query("select pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query(`create table if not exists withme_migrations (
      id text primary key,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`);
    const { rows } = await client.query<{ id: string; checksum: string }>(
      "select id, checksum from withme_migrations",
    );
    const done = new Map(rows.map((row) => [row.id, row.checksum]));
    for (const migration of migrations) {
      const checksum = createHash("sha256").update(migration.sql).digest("hex");
      const previous = done.get(migration.id);
      if (previous !== undefined) {
        if (previous !== checksum) throw new MigrationChangedError(migration.id);
        continue;
      }
      try {
        await transactionOn(
          client,
          async () => {
            await client.query(migration.sql);
            await client.query("insert into withme_migrations (id, checksum) values ($1, $2)", [
              migration.id,
              checksum,
            ]);
          },
          (failure) => {
            broken = failure;
          },
        );
      } catch (error) {
        throw new Error(
          `migration ${migration.id} failed: ${error instanceof Error ? error.message : error}`,
        );
      }
      applied.push(migration.id);
    }
  } finally {
    await client.query("select pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => {});
    client.release(broken);
  }
  return applied;
}
