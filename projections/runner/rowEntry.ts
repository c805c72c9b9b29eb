import type { Row } from "./projection.ts";

/** A row of a table the projection never reads: known to be stored, kept by key only. */
export const STORED: unique symbol = Symbol("stored");

/**
 * All a row store holds of one row, in one place, so a read or a write costs one lookup: what is
 * known to be stored (the row; null when known absent; STORED when kept by key only; undefined
 * when unknown), the change of the batch in flight and the change of the batch being collected
 * (undefined: none; null: deleted), each with whether the table may hold the row when it is written.
 */
export interface RowEntry {
  /** The primary key's first column's value, and the rest of the key (see `RowEntries.parts`). */
  readonly first: unknown;
  readonly rest: unknown;
  key: Row;
  known: Row | null | typeof STORED | undefined;
  flushed: Row | null | undefined;
  flushedStored: boolean;
  pending: Row | null | undefined;
  pendingStored: boolean;
  /** The pending row is the batch's own copy, which `edit` changes in place. */
  pendingOwned: boolean;
  /** Its neighbours in the order entries were last written (see `RowEntries`). */
  older?: RowEntry | undefined;
  newer?: RowEntry | undefined;
}

/** A new entry for a key: nothing known of its row yet, no change in any batch. */
export function newRowEntry(first: unknown, rest: unknown, key: Row): RowEntry {
  return {
    first,
    rest,
    key,
    known: undefined,
    flushed: undefined,
    flushedStored: false,
    pending: undefined,
    pendingStored: false,
    pendingOwned: false,
    older: undefined,
    newer: undefined,
  };
}
