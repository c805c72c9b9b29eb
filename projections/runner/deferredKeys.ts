import type pg from "pg";
import { primaryKeyClause, quote } from "./generations.ts";
import type { TableDefinition } from "./projection.ts";
import type { SealedWrites } from "./rowWrites.ts";

/** `alter table … add primary key`, under the name `create table` would have given it. */
export function primaryKeyStatement(schema: string, table: TableDefinition): string {
  return `alter table ${quote(schema)}.${quote(table.name)} add constraint ${quote(`${table.name}_pkey`)}
    ${primaryKeyClause(table)}`;
}

/** Adds the primary key of each of the schema's tables that has none yet, on `db` (in its transaction, if any). */
export async function addMissingPrimaryKeys(
  db: pg.Pool | pg.ClientBase,
  schema: string,
  tables: readonly TableDefinition[],
): Promise<void> {
  const { rows } = await db.query<{ table: string }>(
    `select c.relname as table from pg_index i join pg_class c on c.oid = i.indrelid
     join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = $1 and c.relname = any($2) and i.indisprimary`,
    [schema, tables.map((t) => t.name)],
  );
  const keyed = new Set(rows.map((r) => r.table));
  for (const table of tables) if (!keyed.has(table.name)) await db.query(primaryKeyStatement(schema, table));
}

/**
 * Rows of a table without its primary key that the build may still have to replace by key: past
 * this, each replacement's delete would scan more of the table than keeping the key costs.
 */
export const KEYLESS_ROWS = 100_000;

/**
 * The primary keys of a generation built from the first event, which are added when it is
 * finished: COPY then maintains no index at all, and each key is built once by a sort, which cost
 * the server far less than inserting 200,000 rows one by one into their keys. A fresh build reads
 * no stored row (its row cache knows every one) and replaces few by key, so it needs no key until
 * the cache drops rows (loads by key then follow), a table it replaces rows of grows past
 * `KEYLESS_ROWS`, or events go the careful way (upserts need the key to find conflicts): then
 * `ensure` adds them all at once, for good.
 */
export class DeferredKeys {
  readonly #raw: pg.Pool;
  readonly #schema: string;
  readonly #tables: readonly TableDefinition[];
  readonly #rows = new Map<string, number>();
  #added: Promise<void> | undefined;

  constructor(raw: pg.Pool, schema: string, tables: readonly TableDefinition[]) {
    this.#raw = raw;
    this.#schema = schema;
    this.#tables = tables;
  }

  /** Whether the keys are still to be added. */
  get deferred(): boolean {
    return this.#added === undefined;
  }

  /** Adds the keys (once; again after a failure). */
  ensure(): Promise<void> {
    if (this.#added === undefined) {
      this.#added = addMissingPrimaryKeys(this.#raw, this.#schema, this.#tables);
      this.#added.catch(() => {
        this.#added = undefined;
      });
    }
    return this.#added;
  }

  /** Before a batch is written: adds the keys when it replaces rows of a table grown too large to go without. */
  async beforeWrite(writes: SealedWrites): Promise<void> {
    if (!this.deferred) return;
    let needed = false;
    for (const { plan, deleted, written, added } of writes.tables) {
      const name = plan.definition.name;
      const rows = (this.#rows.get(name) ?? 0) + added.length;
      this.#rows.set(name, rows);
      if ((deleted.length > 0 || written.length > 0) && rows > KEYLESS_ROWS) needed = true;
    }
    if (needed) await this.ensure();
  }
}
