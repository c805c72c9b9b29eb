import { z } from "zod";
import type { Row, RowFilter, RowStore } from "./projection.ts";

/**
 * Typed access to one table of a projection. `put` takes the whole row type, so a write can never
 * leave a column out (a missing key would be written as NULL).
 */
export interface RowTable<R extends Row> {
  readonly name: string;
  get(rows: RowStore, key: Partial<R>): Promise<R | undefined>;
  /** `get` without a promise when the store knows the row (see `RowStore.getKnown`); undefined: `get` it. */
  getKnown(rows: RowStore, key: Partial<R>): R | null | undefined;
  /** The row to change in place (see `RowStore.edit`), or undefined when there is none. */
  edit(rows: RowStore, key: Partial<R>): Promise<R | undefined>;
  /** `edit` without a promise when the store knows the row (see `RowStore.editKnown`); undefined: `edit` it. */
  editKnown(rows: RowStore, key: Partial<R>): R | null | undefined;
  put(rows: RowStore, row: R): void;
  /** Merges into the existing row and writes it; returns the new row, or undefined when there is none. */
  patch(rows: RowStore, key: Partial<R>, changes: Partial<R>): Promise<R | undefined>;
  /** `patch` without a promise when the store knows the row: null when there is none, undefined: `patch` it. */
  patchKnown(rows: RowStore, key: Partial<R>, changes: Partial<R>): R | null | undefined;
  delete(rows: RowStore, key: Partial<R>): void;
  deleteWhere(rows: RowStore, where: RowFilter): void;
}

export function rowTable<R extends Row>(name: string): RowTable<R> {
  return {
    name,
    get: (rows, key) => rows.get(name, key) as Promise<R | undefined>,
    getKnown: (rows, key) => rows.getKnown?.(name, key) as R | null | undefined,
    edit: (rows, key) => rows.edit(name, key) as Promise<R | undefined>,
    editKnown: (rows, key) => rows.editKnown?.(name, key) as R | null | undefined,
    put: (rows, row) => rows.put(name, row),
    patch: async (rows, key, changes) => {
      const existing = (await rows.get(name, key)) as R | undefined;
      if (!existing) return undefined;
      const next = { ...existing, ...changes } as R;
      rows.put(name, next);
      return next;
    },
    patchKnown: (rows, key, changes) => {
      const existing = rows.getKnown?.(name, key) as R | null | undefined;
      if (!existing) return existing;
      const next = { ...existing, ...changes } as R;
      rows.put(name, next);
      return next;
    },
    delete: (rows, key) => rows.delete(name, key),
    deleteWhere: (rows, where) => rows.deleteWhere(name, where),
  };
}

/**
 * An instant as the API shows it: ISO 8601 in UTC with milliseconds. Rows read back through
 * `to_jsonb` carry `+00:00` offsets, rows written in the same batch carry what the event said;
 * both normalise to the same string.
 */
export function toInstant(value: string): string {
  return new Date(value).toISOString();
}

export const instant = z.string().transform(toInstant);
export const nullableInstant = instant.nullable();

/**
 * The first `max` characters (code points) of a text, with an ellipsis when it was longer.
 * Counted over UTF-16 code units, as every message of a rebuild passes here: iterating the text
 * made a string for each character, 7% of what a 200,000-event rebuild allocated.
 */
export function preview(text: string, max = 140): string {
  if (text.length <= max) return text;
  let at = 0;
  let cut = 0;
  for (let count = 0; at < text.length; count++) {
    if (count === max - 1) cut = at;
    if (count === max) return `${text.slice(0, cut)}…`;
    at += isPair(text, at) ? 2 : 1;
  }
  return text;
}

/** A high surrogate followed by a low one: one character in two code units. */
function isPair(text: string, at: number): boolean {
  const high = text.charCodeAt(at);
  if (high < 0xd800 || high > 0xdbff) return false;
  const low = text.charCodeAt(at + 1);
  return low >= 0xdc00 && low <= 0xdfff;
}
