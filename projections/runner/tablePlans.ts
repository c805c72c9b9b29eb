import { type CommonQueryMethods, sql } from "slonik";
import { z } from "zod";
import type { Row, TableDefinition } from "./projection.ts";

/** A projection table as stored: its definition and its columns in order. */
export interface TablePlan {
  definition: TableDefinition;
  columns: string[];
  /** Columns of type json or jsonb, whose values are written as JSON text. */
  jsonColumns: ReadonlySet<string>;
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
      jsonColumns: new Set(
        own.filter((c) => c.data_type === "jsonb" || c.data_type === "json").map((c) => c.column_name),
      ),
    };
  });
}

/** The primary key as one string; parts carry their length so no two keys can run together. */
export function rowKey(plan: TablePlan, row: Row): string {
  const columns = plan.definition.primaryKey;
  if (columns.length === 1) return String(keyPart(plan, row, columns[0]!));
  let key = "";
  for (const column of columns) {
    const text = String(keyPart(plan, row, column));
    key += `${text.length}:${text}`;
  }
  return key;
}

function keyPart(plan: TablePlan, row: Row, column: string): unknown {
  const value = row[column];
  if (value === undefined || value === null)
    throw new Error(`${plan.definition.name}: primary key column ${column} is missing`);
  return value;
}

export function keyOf(plan: TablePlan, row: Row): Row {
  return Object.fromEntries(plan.definition.primaryKey.map((c) => [c, row[c]]));
}
