import { type Row, type RowFilter, rowMatches } from "./projection.ts";
import type { RowCache } from "./rowCache.ts";
import { STORED } from "./rowEntry.ts";
import type { SealedWrites, TableWrites } from "./rowWrites.ts";
import { keyOf } from "./tablePlans.ts";
import type { TableRows } from "./tableRows.ts";

/*
 * How a batch's changes move through each row's entry: a filtered delete marks the rows it knows
 * of, sealing turns the batch being collected into the one in flight, and the batch in flight
 * becomes the writes sent for it.
 */

/**
 * Marks deleted the rows of `rows` that match `where`: those this batch wrote so far, and those
 * known from earlier batches and not changed in this one.
 */
export function deleteMatching(rows: TableRows, where: RowFilter): void {
  for (const entry of rows.entries.values()) {
    if (entry.pending !== undefined) {
      if (entry.pending && rowMatches(entry.pending, where)) entry.pending = null;
      continue;
    }
    const current = entry.flushed !== undefined ? entry.flushed : entry.known;
    if (current && current !== STORED && rowMatches(current, where)) {
      entry.pendingStored = true;
      entry.pending = null;
      rows.pending.push(entry);
    }
  }
}

/** The batch being collected becomes the one in flight; refused while another is still in flight. */
export function sealPending(cache: RowCache): void {
  for (const rows of cache.tables())
    if (rows.inFlight.length > 0) throw new Error("the previous batch is still in flight");
  for (const rows of cache.tables()) {
    for (const entry of rows.pending) {
      entry.flushed = entry.pending;
      entry.flushedStored = entry.pendingStored;
      entry.pending = undefined;
      entry.pendingOwned = false;
    }
    rows.inFlight = rows.pending;
    rows.pending = [];
  }
}

/** A filtered delete of a batch, sent before its other writes. */
export type Sweep = { table: string; where: RowFilter };

/** The batch in flight as statements need it: its filtered deletes, then rows by table. */
export function inFlightWrites(schema: string, cache: RowCache, sweeps: Sweep[]): SealedWrites {
  return {
    schema,
    sweeps: sweeps.map((sweep) => ({ plan: cache.table(sweep.table).plan, where: sweep.where })),
    tables: tableWrites(cache),
  };
}

/** Each table's keys to delete, rows to upsert and rows known to be new in the batch in flight. */
function tableWrites(cache: RowCache): TableWrites[] {
  const writes: TableWrites[] = [];
  for (const { plan, inFlight } of cache.tables()) {
    if (inFlight.length === 0) continue;
    const table = { plan, deleted: [] as Row[], written: [] as Row[], added: [] as Row[] };
    for (const { flushed, flushedStored, key } of inFlight) {
      if (flushed) (flushedStored ? table.written : table.added).push(flushed);
      else if (flushedStored) table.deleted.push(keyOf(plan, key));
    }
    writes.push(table);
  }
  return writes;
}
