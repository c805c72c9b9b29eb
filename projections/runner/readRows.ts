import { type CommonQueryMethods, type FragmentSqlToken, sql } from "slonik";
import { z } from "zod";

const jsonRow = z.object({ row: z.unknown() });

/**
 * Reads whole rows as JSON (`to_jsonb(t)`) and parses each with the table's row schema, so the
 * API sees the same shape the projection wrote. `from` starts at `from` and names the row `t`.
 */
export async function readRows<S extends z.ZodType>(
  db: CommonQueryMethods,
  schema: S,
  from: FragmentSqlToken,
): Promise<z.output<S>[]> {
  const rows = await db.anyFirst(sql.type(jsonRow)`select to_jsonb(t) as row ${from}`);
  return rows.map((row) => schema.parse(row));
}

export async function readRow<S extends z.ZodType>(
  db: CommonQueryMethods,
  schema: S,
  from: FragmentSqlToken,
): Promise<z.output<S> | null> {
  const [row] = await readRows(db, schema, sql.fragment`${from} limit 1`);
  return row ?? null;
}

/** A view of the live generation of a read-model table. */
export function readModel(table: string) {
  return sql.identifier(["rm", table]);
}

/** Clamps a page size asked for by a client. */
export function pageSize(requested: number | undefined, fallback: number, max: number): number {
  if (requested === undefined || !Number.isFinite(requested)) return fallback;
  return Math.min(max, Math.max(1, Math.floor(requested)));
}
