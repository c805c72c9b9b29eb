import type { Row } from "./projection.ts";
import { RowEntries } from "./rowEntries.ts";
import { newRowEntry, type RowEntry } from "./rowEntry.ts";
import type { TablePlan } from "./tablePlans.ts";

/** One table's entries by primary key (about in the order they were last written), and its batches' changed entries. */
export class TableRows {
  readonly plan: TablePlan;
  readonly entries: RowEntries;
  pending: RowEntry[] = [];
  inFlight: RowEntry[] = [];
  /** The projection reads this table: committed rows are cached from now on, not just their keys. */
  read = false;
  /** Rows were written without being cached: absence of a row cannot be vouched for. */
  uncached = false;
  /** Entries holding a row or an absence. */
  cached = 0;
  /** Entries holding a key only. */
  keys = 0;

  constructor(plan: TablePlan) {
    this.plan = plan;
    this.entries = new RowEntries(plan.definition.name, plan.definition.primaryKey);
  }

  /** The row's entry, made when there is none yet. */
  entry(key: Row): RowEntry {
    return this.entries.findOrAdd(key, newRowEntry);
  }
}
