import { type CommonQueryMethods, sql } from "slonik";
import { z } from "zod";
import type { Row, TableDefinition } from "./projection.ts";

/** A projection table as stored: its definition and its columns in order. */
export interface TablePlan {
  definition: TableDefinition;
  columns: string[];
  /** Columns of type json or jsonb, whose values are written as JSON text. */
  jsonColumns: ReadonlySet<string>;
  /** Each column's type as `information_schema` names it, when known (rows then go by binary COPY). */
  types?: readonly string[];
}

export async function loadTablePlans(
  db: CommonQueryMethods,
  schema: string,
  tables: TableDefinition[],
): Promise<TablePlan[]> {
  const columns = await db.any(sql.type(
    z.object({ table_name: z.string(), column_name: z.string(), data_type: z.string() }),
  )`
    select table_name, column_name, data_type from information_schema.columns
    where table_schema = ${schema} order by table_name, ordinal_position`);
  return tables.map((definition) => {
    const own = columns.filter((c) => c.table_name === definition.name);
    return {
      definition,
      columns: own.map((c) => c.column_name),
      types: own.map((c) => c.data_type),
      jsonColumns: new Set(
        own.filter((c) => c.data_type === "jsonb" || c.data_type === "json").map((c) => c.column_name),
      ),
    };
  });
}

export function keyOf(plan: TablePlan, row: Row): Row {
  return Object.fromEntries(plan.definition.primaryKey.map((c) => [c, row[c]]));
}
