import { type CommonQueryMethods, sql } from "slonik";
import { z } from "zod";
import { quote } from "./generations.ts";
import type { TableDefinition } from "./projection.ts";

/** Adds a table's primary key unless it has one (a generation being rebuilt gets its keys once its rows are in). */
export function primaryKeyStatement(schema: string, table: TableDefinition): string {
  const target = `${quote(schema)}.${quote(table.name)}`;
  const columns = table.primaryKey.map(quote).join(", ");
  const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
  return `do $$ begin
    if not exists (select 1 from pg_constraint where conrelid = ${literal(target)}::regclass and contype = 'p') then
      alter table ${target} add primary key (${columns});
    end if;
  end $$`;
}

type AddKey = ReturnType<typeof sql.unsafe>;

/** The tables of a schema that have no primary key yet. */
export async function tablesWithoutKey(db: CommonQueryMethods, schema: string): Promise<Set<string>> {
  const names = await db.anyFirst(sql.type(z.object({ relname: z.string() }))`
    select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = ${schema} and c.relkind = 'r'
      and not exists (select 1 from pg_constraint k where k.conrelid = c.oid and k.contype = 'p')`);
  return new Set(names);
}

/**
 * The primary keys a generation being rebuilt does without while its row cache knows every row:
 * its rows are then only ever read from memory and written by COPY, and a key built once at the
 * end cost the server far less than one kept up to date row by row. Whatever reads a row by key
 * from the table (a load the cache cannot answer, an upsert) adds the keys it needs first.
 */
export class DeferredKeys {
  readonly #schema: string;
  readonly #tables: Map<string, TableDefinition>;
  /** Added in the batch transaction under way: kept once it commits. */
  #adding: string[] = [];

  constructor(schema: string, tables: TableDefinition[], missing: ReadonlySet<string>) {
    this.#schema = schema;
    this.#tables = new Map(tables.filter((t) => missing.has(t.name)).map((t) => [t.name, t]));
  }

  /** Whether the table is written without its key (none is being added in the batch under way). */
  defers(table: string): boolean {
    return this.#tables.has(table) && !this.#adding.includes(table);
  }

  /**
   * Adds the table's key at once, outside any batch transaction; unless the batch being written
   * adds it, whose lock a read of the table then waits for.
   */
  async add(db: CommonQueryMethods, table: string): Promise<void> {
    const definition = this.#tables.get(table);
    if (definition === undefined || this.#adding.includes(table)) return;
    this.#tables.delete(table);
    try {
      await db.query(this.#addKey(definition));
    } catch (error) {
      this.#tables.set(table, definition);
      throw error;
    }
  }

  /**
   * Statements adding the missing keys of the tables named (all by default) in a batch's
   * transaction: the keys count as added once it commits.
   */
  adding(tables?: readonly string[]): AddKey[] {
    const statements = [];
    for (const [name, definition] of this.#tables) {
      if (this.#adding.includes(name) || (tables !== undefined && !tables.includes(name))) continue;
      statements.push(this.#addKey(definition));
      this.#adding.push(name);
    }
    return statements;
  }

  /** Every key was added elsewhere (the finished tables have them). */
  allAdded(): void {
    this.#tables.clear();
    this.#adding = [];
  }

  committed(): void {
    for (const name of this.#adding) this.#tables.delete(name);
    this.#adding = [];
  }

  discarded(): void {
    this.#adding = [];
  }

  #addKey(table: TableDefinition): AddKey {
    const columns = sql.join(
      table.primaryKey.map((c) => sql.identifier([c])),
      sql.fragment`, `,
    );
    return sql.unsafe`alter table ${sql.identifier([this.#schema, table.name])} add primary key (${columns})`;
  }
}
