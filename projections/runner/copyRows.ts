import { once } from "node:events";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { BINARY_HEADER, BINARY_TRAILER, binaryRowWriter } from "./copyBinary.ts";
import { CopyBuffer, lineWriter } from "./copyEncoding.ts";
import { inKeyClusters } from "./keyClusters.ts";
import type { Row } from "./projection.ts";
import { deleteRows, deleteRowsWhere, type SealedWrites } from "./rowWrites.ts";
import { keyOf, type TablePlan } from "./tablePlans.ts";

/** The rows as COPY text: one line each, columns in the plan's order (see `CopyBuffer`). */
export function copyText(plan: TablePlan, rows: readonly Row[]): string {
  return copyChunk(plan, rows, 0, rows.length).toString();
}

/** Where chunks are written before they are copied out at their size. */
const scratch = new CopyBuffer();

/** Rows `start` to `end` (exclusive) as COPY text in UTF-8. */
export function copyChunk(plan: TablePlan, rows: readonly Row[], start: number, end: number): Buffer {
  const writeLine = lineWriter(plan);
  scratch.at = 0;
  for (let r = start; r < end; r++) writeLine(rows[r]!, scratch);
  return Buffer.from(scratch.bytes.subarray(0, scratch.at));
}

/** Rows per COPY message: the rows go out a chunk at a time as the server takes them, so it starts at once. */
const ROWS_PER_CHUNK = 256;

/**
 * Inserts rows the table does not hold yet, grouped by their key's first column: by binary COPY
 * while the table's columns and the rows' values allow it (see `copyBinary.ts`), the rest by text.
 */
export async function copyRows(
  client: pg.ClientBase,
  schema: string,
  plan: TablePlan,
  added: readonly Row[],
): Promise<void> {
  const rows = inKeyClusters(plan, added);
  const table = `${client.escapeIdentifier(schema)}.${client.escapeIdentifier(plan.definition.name)}`;
  const columns = plan.columns.map((c) => client.escapeIdentifier(c)).join(", ");
  const binary = binaryRowWriter(plan);
  let from = 0;
  if (binary !== null && rows.length > 0) {
    await copying(client, `copy ${table} (${columns}) from stdin (format binary)`, async (send) => {
      await send(BINARY_HEADER);
      while (from < rows.length) {
        const end = Math.min(rows.length, from + ROWS_PER_CHUNK);
        scratch.at = 0;
        while (from < end && binary(rows[from]!, scratch)) from++;
        await send(Buffer.from(scratch.bytes.subarray(0, scratch.at)));
        if (from < end) break;
      }
      await send(BINARY_TRAILER);
    });
  }
  if (from === rows.length) return;
  await copying(client, `copy ${table} (${columns}) from stdin`, async (send) => {
    for (let start = from; start < rows.length; start += ROWS_PER_CHUNK)
      await send(copyChunk(plan, rows, start, Math.min(rows.length, start + ROWS_PER_CHUNK)));
  });
}

/** Runs a COPY FROM STDIN, handing `produce` a function that sends a chunk and waits while the server is behind. */
async function copying(
  client: pg.ClientBase,
  statement: string,
  produce: (send: (chunk: Buffer) => Promise<void>) => Promise<void>,
): Promise<void> {
  const stream = client.query(copyFrom(statement));
  const done = new Promise<void>((resolve, reject) => {
    stream.on("error", reject);
    stream.on("finish", resolve);
  });
  // A failure while chunks are still being built is reported through `done`, awaited below.
  done.catch(() => {});
  await produce(async (chunk) => {
    if (!stream.write(chunk)) await Promise.race([once(stream, "drain"), done]);
  });
  stream.end();
  return done;
}

/** A statement built with slonik's `sql`, run on a plain `pg` connection. */
export function runStatement(client: pg.ClientBase, statement: { sql: string; values: readonly unknown[] }) {
  return client.query(statement.sql.replaceAll("$slonik_", "$"), statement.values as unknown[]);
}

/**
 * Writes a sealed batch on a plain connection in a transaction, to the same rows as `sendWrites`:
 * rows that may be stored are deleted by key with the deleted ones and copied in again with the
 * new ones: for rows as wide as messages the server spent a quarter less than on an upsert of
 * the same rows as JSON.
 */
export async function writeCopying(client: pg.ClientBase, writes: SealedWrites): Promise<void> {
  const { schema } = writes;
  for (const { plan, where } of writes.sweeps)
    await runStatement(client, deleteRowsWhere(schema, plan, where));
  for (const { plan, deleted, written, added } of writes.tables) {
    const replaced = written.length === 0 ? deleted : [...deleted, ...written.map((row) => keyOf(plan, row))];
    if (replaced.length > 0) await runStatement(client, deleteRows(schema, plan, replaced));
    const rows = written.length === 0 ? added : [...written, ...added];
    if (rows.length > 0) await copyRows(client, schema, plan, rows);
  }
}
