import type pg from "pg";
import { inTransaction } from "../../src/adapters/postgres/pgTransaction.ts";
import { addMissingPrimaryKeys } from "./deferredKeys.ts";
import { indexStatements, quote, schemaFor } from "./generations.ts";
import type { TablePlan } from "./tablePlans.ts";
import type { Target } from "./targets.ts";

/** One table of a built generation, with its size on disk. */
export interface BuiltTable {
  schema: string;
  plan: TablePlan;
  bytes: number;
}

/** A built generation and its tables, largest first. */
export interface BuiltGeneration {
  target: Target;
  tables: BuiltTable[];
  bytes: number;
}

/**
 * The built generations in the order they are best finished: the one with the most bytes first,
 * and within each the largest table first, so the longest index builds start at once and the
 * last one to end is short. One statement for all: the end phase waits on it.
 */
export async function largestFirst(raw: pg.Pool, targets: Target[]): Promise<BuiltGeneration[]> {
  const schemas = targets.map((t) => schemaFor(t.definition.name, t.generation));
  const { rows } = await raw.query<{ schema: string; table: string; bytes: number }>(
    `select n.nspname as schema, c.relname as table, pg_relation_size(c.oid)::float8 as bytes
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = any($1::text[]) and c.relkind = 'r'`,
    [schemas],
  );
  const bytesOf = (schema: string, table: string) =>
    rows.find((r) => r.schema === schema && r.table === table)?.bytes ?? 0;
  const generations: BuiltGeneration[] = [];
  for (const [i, target] of targets.entries()) {
    const schema = schemas[i]!;
    const tables = target.plans.map((plan) => ({
      schema,
      plan,
      bytes: bytesOf(schema, plan.definition.name),
    }));
    tables.sort((a, b) => b.bytes - a.bytes);
    generations.push({ target, tables, bytes: tables.reduce((sum, t) => sum + t.bytes, 0) });
  }
  return generations.sort((a, b) => b.bytes - a.bytes);
}

/**
 * Lets autovacuum at a built table again, builds its deferred primary key and indexes, then gathers the
 * planner's statistics on it, on a connection of its own: without statistics a page of a freshly
 * rebuilt table is planned as if it were empty (a 10,000-message conversation's page took 50 ms
 * instead of 2 ms until autovacuum came by). Different tables are finished side by side; indexes
 * already there are kept.
 */
export async function finishTable(raw: pg.Pool, table: BuiltTable): Promise<void> {
  await inTransaction(raw, async (client) => {
    await client.query(FINISH_SETTINGS);
    await client.query(
      `alter table ${quote(table.schema)}.${quote(table.plan.definition.name)} reset (autovacuum_enabled)`,
    );
    await addMissingPrimaryKeys(client, table.schema, [table.plan.definition]);
    for (const statement of indexStatements(table.schema, table.plan.definition))
      await client.query(statement);
    await client.query(analyzeStatement(table.schema, table.plan));
  });
}

/**
 * Each index is sorted by its own connection alone: tables are already finished side by side on a
 * machine's few cores, where a parallel build's worker only adds its start-up and the merge of
 * sorted runs through temporary files. Building the two largest tables' indexes and statistics
 * took the server a quarter less CPU (550 ms against 720 ms after a 200,000-event rebuild).
 */
const FINISH_SETTINGS = "set local max_parallel_maintenance_workers = 0";

/**
 * ANALYZE of the columns queries filter and sort on: those the table names, or else all but the
 * json and jsonb ones, as no query plans on them and sampling their documents cost most of the
 * time. A column left out is a sort of the sample saved: naming its five planned columns of 25
 * took 200 ms off the 400 ms the server spent on the ANALYZE of 80,000 messages.
 */
export function analyzeStatement(schema: string, plan: TablePlan): string {
  const target = `${quote(schema)}.${quote(plan.definition.name)}`;
  const named = plan.definition.statistics;
  const columns = named ?? plan.columns.filter((c) => !plan.jsonColumns.has(c));
  return columns.length === 0 ? `analyze ${target}` : `analyze ${target} (${columns.map(quote).join(", ")})`;
}
