import { type CommonQueryMethods, sql } from "slonik";
import type { Row, RowFilter } from "./projection.ts";
import type { TablePlan } from "./tablePlans.ts";

/** One table's share of a sealed batch: keys of rows to delete, rows to upsert, rows known to be new. */
export interface TableWrites {
  plan: TablePlan;
  deleted: Row[];
  written: Row[];
  added: Row[];
}

/** A sealed batch of one projection generation: filtered deletes, sent first, then rows by table. */
export interface SealedWrites {
  schema: string;
  sweeps: { plan: TablePlan; where: RowFilter }[];
  tables: TableWrites[];
}

/** Sends a sealed batch on `tx`, one statement per kind of write and table; settles once all are answered. */
export function sendWrites(tx: CommonQueryMethods, writes: SealedWrites): Promise<void> {
  const { schema } = writes;
  const sendTables = () =>
    settleAll(
      writes.tables.flatMap(({ plan, deleted, written, added }) => [
        ...(deleted.length > 0 ? [tx.query(deleteRows(schema, plan, deleted))] : []),
        ...(written.length > 0 ? [tx.query(upsertRows(schema, plan, written))] : []),
        ...(added.length > 0 ? [tx.query(insertRows(schema, plan, added))] : []),
      ]),
    );
  if (writes.sweeps.length === 0) return sendTables();
  return settleAll(
    writes.sweeps.map(({ plan, where }) => tx.query(deleteRowsWhere(schema, plan, where))),
  ).then(sendTables);
}

/*
 * Rows travel as one JSON text per statement: `json_populate_recordset` reads it without building
 * a jsonb value first. The rows came from stored events and stored rows, which PostgreSQL already
 * accepted as JSON, so plain JSON.stringify is enough.
 */

export function deleteRows(schema: string, plan: TablePlan, keys: Row[]) {
  const target = sql.identifier([schema, plan.definition.name]);
  const match = sql.join(
    plan.definition.primaryKey.map((c) => sql.fragment`t.${sql.identifier([c])} = k.${sql.identifier([c])}`),
    sql.fragment` and `,
  );
  return sql.unsafe`
    delete from ${target} t using json_populate_recordset(null::${target}, ${JSON.stringify(keys)}::json) k
    where ${match}`;
}

export function upsertRows(schema: string, plan: TablePlan, rows: Row[]) {
  const target = sql.identifier([schema, plan.definition.name]);
  const keyColumns = plan.definition.primaryKey;
  const updatable = plan.columns.filter((c) => !keyColumns.includes(c));
  const conflict = sql.join(
    keyColumns.map((c) => sql.identifier([c])),
    sql.fragment`, `,
  );
  const action =
    updatable.length === 0
      ? sql.fragment`do nothing`
      : sql.fragment`do update set ${sql.join(
          updatable.map((c) => sql.fragment`${sql.identifier([c])} = excluded.${sql.identifier([c])}`),
          sql.fragment`, `,
        )}`;
  return sql.unsafe`
    insert into ${target}
    select * from json_populate_recordset(null::${target}, ${JSON.stringify(rows)}::json)
    on conflict (${conflict}) ${action}`;
}

/** Rows the table is known not to hold yet: a plain insert, spared the conflict check and update. */
export function insertRows(schema: string, plan: TablePlan, rows: Row[]) {
  const target = sql.identifier([schema, plan.definition.name]);
  return sql.unsafe`
    insert into ${target}
    select * from json_populate_recordset(null::${target}, ${JSON.stringify(rows)}::json)`;
}

/** Waits for every statement, then fails with the first error (later ones only repeat that the transaction is aborted). */
export async function settleAll(statements: Promise<unknown>[]): Promise<void> {
  await settledAll(statements);
}

/** As `settleAll`, with the results in order. */
export async function settledAll<T>(work: Promise<T>[]): Promise<T[]> {
  const results = await Promise.allSettled(work);
  const failure = results.find((r) => r.status === "rejected");
  if (failure) throw failure.reason;
  return results.map((r) => (r as PromiseFulfilledResult<T>).value);
}

export function deleteRowsWhere(schema: string, plan: TablePlan, where: RowFilter) {
  const target = sql.identifier([schema, plan.definition.name]);
  const column = sql.identifier([where.column]);
  if (where.equals !== undefined) return sql.unsafe`delete from ${target} where ${column} = ${where.equals}`;
  const prefix = where.startsWith ?? "";
  return sql.unsafe`delete from ${target} where left(${column}, ${prefix.length}) = ${prefix}`;
}
