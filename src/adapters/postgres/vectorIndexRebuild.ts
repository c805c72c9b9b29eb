import type pg from "pg";
import { inTransaction } from "./pgTransaction.ts";
import { PostgresVectorIndex } from "./postgresVectorIndex.ts";
import { vectorTables } from "./vectorIndexSql.ts";

/**
 * A rebuild of the PostgreSQL vector index beside the live one: new tables that a
 * `PostgresVectorIndex` with their suffix fills, then one transaction that puts them in the live
 * tables' place. Versions come from the shared sequence, so every process's cached namespaces
 * read as changed after the switch.
 */
export interface PostgresVectorRebuild {
  index: PostgresVectorIndex;
  /** Makes the rebuilt tables the live ones and drops the old. */
  switchOver(): Promise<void>;
  /** Drops the rebuilt tables (a rebuild that failed or was stopped). */
  discard(): Promise<void>;
}

export async function startPostgresVectorRebuild(
  pool: pg.Pool,
  options: { dimensions: number; suffix?: string },
): Promise<PostgresVectorRebuild> {
  const suffix = options.suffix ?? `_rebuild_${Date.now().toString(36)}`;
  const shadow = vectorTables(suffix);
  const live = vectorTables();
  await pool.query(`
    create table ${shadow.namespaces} (
      namespace text primary key, version bigint not null, reset_version bigint not null default 0
    );
    create table ${shadow.records} (
      namespace text not null references ${shadow.namespaces} (namespace) on delete cascade,
      id text not null,
      vector bytea not null,
      metadata jsonb not null,
      updated_at timestamptz not null default now(),
      version bigint not null default 0,
      primary key (namespace, id)
    );`);
  const drop = (tables: { records: string; namespaces: string }) =>
    `drop table if exists ${tables.records}; drop table if exists ${tables.namespaces};`;
  return {
    index: new PostgresVectorIndex(pool, { dimensions: options.dimensions, tableSuffix: suffix }),
    async switchOver() {
      const retired = vectorTables(`${suffix}_retired`);
      await inTransaction(pool, async (client) => {
        await client.query(`lock table ${live.records}, ${live.namespaces} in access exclusive mode`);
        // Rebuilt namespaces may carry versions older than a process has cached: each becomes a
        // new version that every cache must load whole.
        await client.query(`
          update ${shadow.namespaces} set version = v.version, reset_version = v.version
          from (select namespace, nextval('vector_namespace_versions') as version from ${shadow.namespaces}) v
          where v.namespace = ${shadow.namespaces}.namespace`);
        await client.query(`
          alter table ${live.records} rename to ${retired.records};
          alter table ${live.namespaces} rename to ${retired.namespaces};
          alter table ${shadow.records} rename to ${live.records};
          alter table ${shadow.namespaces} rename to ${live.namespaces};
          ${drop(retired)}`);
      });
    },
    async discard() {
      await pool.query(drop(shadow));
    },
  };
}
