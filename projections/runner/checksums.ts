import { type CommonQueryMethods, sql } from "slonik";
import { z } from "zod";
import { catchUp } from "./catchUp.ts";
import { readState, schemaFor } from "./generations.ts";
import type { ProjectorDependencies } from "./runnerDependencies.ts";
import type { Target } from "./targets.ts";
import { readCheckpoint } from "./targets.ts";

export interface TableComparison {
  table: string;
  liveRows: number;
  builtRows: number;
  liveChecksum: string;
  builtChecksum: string;
  equal: boolean;
}

const summary = z.object({ rows: z.number(), checksum: z.string() });

/** Row count and an order-independent checksum of every column of every row. */
export async function tableChecksum(
  db: CommonQueryMethods,
  schema: string,
  table: string,
): Promise<z.infer<typeof summary>> {
  return db.one(sql.type(summary)`
    select count(*)::int as rows,
           coalesce(sum(('x' || substr(md5(t::text), 1, 15))::bit(60)::bigint), 0)::text as checksum
    from ${sql.identifier([schema, table])} t`);
}

/**
 * Brings a built generation to exactly the live generation's checkpoint, then compares every
 * table of both within one snapshot, so a live projector moving on cannot skew the result.
 */
export async function compareGenerations(
  deps: ProjectorDependencies,
  target: Target,
  signal: AbortSignal,
): Promise<TableComparison[]> {
  const { pool, store } = deps;
  const name = target.definition.name;
  for (let attempt = 0; attempt < 50 && !signal.aborted; attempt++) {
    const state = await readState(pool, name);
    if (state?.live_generation == null)
      throw new Error(`projection ${name} has no live generation to compare with`);
    const live = state.live_generation;
    const livePosition = await readCheckpoint(pool, name, live);
    const order = store.comparePositions(target.checkpoint, livePosition);
    if (order < 0) await catchUp(deps, [target], { signal }, livePosition);
    if (order > 0) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      continue;
    }
    if (target.checkpoint !== livePosition) continue;
    const result = await pool.transaction(async (tx) => {
      await tx.query(sql.unsafe`set transaction isolation level repeatable read`);
      if ((await readCheckpoint(tx, name, live)) !== livePosition) return null;
      const comparisons: TableComparison[] = [];
      for (const table of target.definition.tables) {
        const liveSummary = await tableChecksum(tx, schemaFor(name, live), table.name);
        const builtSummary = await tableChecksum(tx, schemaFor(name, target.generation), table.name);
        comparisons.push({
          table: table.name,
          liveRows: liveSummary.rows,
          builtRows: builtSummary.rows,
          liveChecksum: liveSummary.checksum,
          builtChecksum: builtSummary.checksum,
          equal: liveSummary.rows === builtSummary.rows && liveSummary.checksum === builtSummary.checksum,
        });
      }
      return comparisons;
    }, 0);
    if (result) return result;
  }
  throw new Error(`projection ${name}: the live generation kept moving; compare again when it is quieter`);
}
