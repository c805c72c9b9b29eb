import { type CommonQueryMethods, sql } from "slonik";
import { z } from "zod";
import type { Row } from "./projection.ts";
import type { TablePlan } from "./tablePlans.ts";

/** The stored row of `plan`'s table in `schema` with the primary key of `key`, as JSON. */
export async function readRowByKey(
  db: CommonQueryMethods,
  schema: string,
  plan: TablePlan,
  key: Row,
): Promise<Row | undefined> {
  const where = sql.join(
    plan.definition.primaryKey.map((c) => sql.fragment`t.${sql.identifier([c])} = ${key[c] as string}`),
    sql.fragment` and `,
  );
  const row = await db.maybeOneFirst(sql.type(z.object({ row: z.record(z.string(), z.unknown()) }))`
    select to_jsonb(t) as row from ${sql.identifier([schema, plan.definition.name])} t where ${where}`);
  return row ?? undefined;
}
