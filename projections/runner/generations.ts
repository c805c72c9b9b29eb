import type pg from "pg";
import { type CommonQueryMethods, type DatabasePool, sql } from "slonik";
import { z } from "zod";
import { inTransaction } from "../../src/adapters/postgres/pgTransaction.ts";
import { START } from "../../src/ports/eventStore.ts";
import type { ProjectionDefinition, TableDefinition } from "./projection.ts";

export const schemaFor = (name: string, generation: number) => `proj_${name}_g${generation}`;

const stateRow = z.object({
  name: z.string(),
  live_generation: z.number().nullable(),
  live_version: z.number().nullable(),
  building_generation: z.number().nullable(),
  building_version: z.number().nullable(),
  status: z.string(),
  error: z.unknown().nullable(),
});
export type ProjectionStateRow = z.infer<typeof stateRow>;

export async function readState(db: CommonQueryMethods, name: string): Promise<ProjectionStateRow | null> {
  return db.maybeOne(sql.type(stateRow)`
    select name, live_generation, live_version, building_generation, building_version, status, error
    from projection_state where name = ${name}`);
}

export const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

function tableStatement(schema: string, table: TableDefinition, building: boolean): string {
  const target = `${quote(schema)}.${quote(table.name)}`;
  if (building) return `create table ${target} (${table.columns}) with (autovacuum_enabled = false)`;
  return `create table ${target} (${table.columns}, ${primaryKeyClause(table)})`;
}

/** `primary key (…)` of a table's key columns. */
export const primaryKeyClause = (table: TableDefinition) =>
  `primary key (${table.primaryKey.map(quote).join(", ")})`;

export function indexStatements(schema: string, table: TableDefinition): string[] {
  const target = `${quote(schema)}.${quote(table.name)}`;
  return (table.indexes ?? []).map(
    (index, i) => `create index if not exists ${quote(`${table.name}_i${i}`)} on ${target} ${index}`,
  );
}

/**
 * Creates a generation's schema, tables and checkpoint at the start of the event store. Table
 * definitions are SQL text from the projections' own code, so this runs on a raw `pg` connection.
 * A generation being rebuilt gets its indexes only when it is complete (`finishTables`), its
 * primary keys included unless it needs them sooner (`DeferredKeys`): building them once costs far
 * less than keeping them up to date row by row, and the build reads rows by primary key only,
 * and seldom. Nor does autovacuum visit its tables until then:
 * it would vacuum and analyze each table again and again as it grows (a dozen tables in a
 * 200,000-event rebuild that took a minute), and the finish analyzes each once.
 */
export async function createGeneration(
  pool: pg.Pool,
  definition: ProjectionDefinition,
  generation: number,
  options: { deferIndexes?: boolean } = {},
): Promise<void> {
  const schema = schemaFor(definition.name, generation);
  await inTransaction(pool, async (client) => {
    await client.query(`drop schema if exists ${quote(schema)} cascade`);
    await client.query(`create schema ${quote(schema)}`);
    for (const table of definition.tables) {
      await client.query(tableStatement(schema, table, options.deferIndexes ?? false));
      if (!options.deferIndexes)
        for (const statement of indexStatements(schema, table)) await client.query(statement);
    }
    await client.query(
      `insert into projection_checkpoints (name, generation, position) values ($1, $2, $3)
       on conflict (name, generation) do update set position = excluded.position, events_applied = 0, last_event_at = null`,
      [definition.name, generation, START],
    );
  });
}

/** Points the `rm` views at a generation and records it as live, in the caller's transaction. */
export async function switchLive(
  tx: CommonQueryMethods,
  definition: ProjectionDefinition,
  generation: number,
): Promise<void> {
  const schema = schemaFor(definition.name, generation);
  for (const table of definition.tables) {
    const view = sql.identifier(["rm", table.name]);
    await tx.query(sql.unsafe`drop view if exists ${view}`);
    await tx.query(sql.unsafe`create view ${view} as select * from ${sql.identifier([schema, table.name])}`);
  }
  await tx.query(sql.unsafe`
    insert into projection_state (name, live_generation, live_version, status, updated_at)
    values (${definition.name}, ${generation}, ${definition.version}, 'idle', now())
    on conflict (name) do update set live_generation = excluded.live_generation,
      live_version = excluded.live_version, error = null, status = 'idle', updated_at = now(),
      building_generation = case when projection_state.building_generation = excluded.live_generation
        then null else projection_state.building_generation end,
      building_version = case when projection_state.building_generation = excluded.live_generation
        then null else projection_state.building_version end`);
}

/** Drops a generation that is not live; a lock held by a slow reader postpones it to the next rebuild. */
export async function dropGeneration(pool: DatabasePool, name: string, generation: number): Promise<boolean> {
  try {
    await pool.transaction(async (tx) => {
      await tx.query(sql.unsafe`set local lock_timeout = '5s'`);
      await tx.query(
        sql.unsafe`drop schema if exists ${sql.identifier([schemaFor(name, generation)])} cascade`,
      );
      await tx.query(
        sql.unsafe`delete from projection_checkpoints where name = ${name} and generation = ${generation}`,
      );
    }, 0);
    return true;
  } catch {
    return false;
  }
}

/** Generations on disk that are neither live nor being built. */
export async function staleGenerations(pool: DatabasePool, name: string): Promise<number[]> {
  const state = await readState(pool, name);
  const rows = await pool.anyFirst(sql.type(z.object({ nspname: z.string() }))`
    select nspname from pg_namespace where nspname like ${`proj\\_${name.replaceAll("_", "\\_")}\\_g%`}`);
  return rows
    .map((schema) => Number(schema.slice(`proj_${name}_g`.length)))
    .filter(
      (generation) =>
        Number.isInteger(generation) &&
        generation !== state?.live_generation &&
        generation !== state?.building_generation,
    );
}

/** Makes sure a projection has a live generation; returns the state row afterwards. */
export async function ensureLive(
  pool: DatabasePool,
  raw: pg.Pool,
  definition: ProjectionDefinition,
): Promise<ProjectionStateRow> {
  const state = await readState(pool, definition.name);
  if (state?.live_generation != null) return state;
  const generation = Math.max(state?.building_generation ?? 0, 0) + 1;
  await createGeneration(raw, definition, generation);
  await pool.transaction((tx) => switchLive(tx, definition, generation), 0);
  return (await readState(pool, definition.name))!;
}
