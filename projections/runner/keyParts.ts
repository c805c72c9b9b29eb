import type { Row } from "./projection.ts";

/** Reads a table's primary key from a key or a whole row: its first column's value, and the rest. */
export interface KeyParts {
  first(key: Row): unknown;
  /** The second column's value; for a longer key, the values after the first joined with their lengths; undefined for one column. */
  rest(key: Row): unknown;
}

const made = new Map<string, KeyParts>();

/**
 * The key readers of a table, made once per table and key: functions that read each column by its
 * own name, so every place a value is read sees the few shapes of that table's keys and rows. Read
 * by a column name held in a variable, a row store's lookups were served by the engine's generic
 * property lookup over every table's shapes, which made lookups the rebuild's costliest function
 * after the collector. Column names come from the catalogue and go in as string literals.
 */
export function keyParts(table: string, columns: readonly string[]): KeyParts {
  const id = JSON.stringify([table, columns]);
  let parts = made.get(id);
  if (parts === undefined) {
    const read = (column: string) => `part(key[${JSON.stringify(column)}], ${JSON.stringify(column)})`;
    const rest =
      columns.length === 1
        ? "undefined"
        : columns.length === 2
          ? read(columns[1]!)
          : columns
              .slice(1)
              .map((c) => `sized(String(${read(c)}))`)
              .join(" + ");
    const part = (value: unknown, column: string) => {
      if (value === undefined || value === null)
        throw new Error(`${table}: primary key column ${column} is missing`);
      return value;
    };
    const sized = (text: string) => `${text.length}:${text}`;
    parts = new Function(
      "part",
      "sized",
      `return { first: (key) => ${read(columns[0]!)}, rest: (key) => ${rest} };`,
    )(part, sized) as KeyParts;
    made.set(id, parts);
  }
  return parts;
}
