import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Row } from "./projection.ts";
import { deleteRows, deleteRowsWhere, type SealedWrites, upsertRows } from "./rowWrites.ts";
import type { TablePlan } from "./tablePlans.ts";

/*
 * Rows a batch knows to be new go to the server as COPY text, which it reads far more cheaply than
 * a JSON document turned into records. Values mean what they would in JSON: a missing column is
 * null (not its default), json columns get JSON text, numbers that JSON cannot hold are null.
 */

const SPECIAL = /[\\\n\r\t]/;
const SPECIALS = /[\\\n\r\t]/g;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

function escaped(text: string): string {
  return SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ESCAPES[c]!) : text;
}

function field(value: unknown, json: boolean): string {
  if (value === null || value === undefined) return "\\N";
  if (json) return escaped(JSON.stringify(value));
  switch (typeof value) {
    case "string":
      return escaped(value);
    case "number":
      return Number.isFinite(value) ? String(value) : "\\N";
    case "boolean":
      return value ? "true" : "false";
    default:
      return escaped(value instanceof Date ? value.toISOString() : JSON.stringify(value));
  }
}

/** The rows as COPY text: one line each, columns in the plan's order. */
export function copyText(plan: TablePlan, rows: readonly Row[]): string {
  const columns = plan.columns;
  const json = columns.map((c) => plan.jsonColumns.has(c));
  let text = "";
  for (const row of rows) {
    let line = field(row[columns[0]!], json[0]!);
    for (let i = 1; i < columns.length; i++) line += `\t${field(row[columns[i]!], json[i]!)}`;
    text += `${line}\n`;
  }
  return text;
}

/** Inserts rows the table does not hold yet with one COPY. */
export function copyRows(client: pg.ClientBase, schema: string, plan: TablePlan, rows: readonly Row[]) {
  const table = `${client.escapeIdentifier(schema)}.${client.escapeIdentifier(plan.definition.name)}`;
  const columns = plan.columns.map((c) => client.escapeIdentifier(c)).join(", ");
  const stream = client.query(copyFrom(`copy ${table} (${columns}) from stdin`));
  return new Promise<void>((resolve, reject) => {
    stream.on("error", reject);
    stream.on("finish", resolve);
    stream.end(copyText(plan, rows));
  });
}

/** A statement built with slonik's `sql`, run on a plain `pg` connection. */
export function runStatement(client: pg.ClientBase, statement: { sql: string; values: readonly unknown[] }) {
  return client.query(statement.sql.replaceAll("$slonik_", "$"), statement.values as unknown[]);
}

/** Writes a sealed batch on a plain connection in a transaction: as `sendWrites`, with new rows copied. */
export async function writeCopying(client: pg.ClientBase, writes: SealedWrites): Promise<void> {
  const { schema } = writes;
  for (const { plan, where } of writes.sweeps)
    await runStatement(client, deleteRowsWhere(schema, plan, where));
  for (const { plan, deleted, written, added } of writes.tables) {
    if (deleted.length > 0) await runStatement(client, deleteRows(schema, plan, deleted));
    if (written.length > 0) await runStatement(client, upsertRows(schema, plan, written));
    if (added.length > 0) await copyRows(client, schema, plan, added);
  }
}
