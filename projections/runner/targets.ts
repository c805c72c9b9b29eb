import { type CommonQueryMethods, type DatabasePool, sql } from "slonik";
import { z } from "zod";
import { START } from "../../src/ports/eventStore.ts";
import { BatchRowStore } from "./batchRowStore.ts";
import type { DeferredKeys } from "./deferredKeys.ts";
import { schemaFor } from "./generations.ts";
import type { ProjectionDefinition } from "./projection.ts";
import { loadTablePlans, type TablePlan } from "./tablePlans.ts";

/** One generation of one projection that a runner is writing: live, or being built beside it. */
export interface Target {
  definition: ProjectionDefinition;
  generation: number;
  mode: "live" | "building";
  checkpoint: string;
  rows: BatchRowStore;
  handles: ReadonlySet<string>;
  /** The generation's tables as stored. */
  plans: TablePlan[];
  /** A fresh build's primary keys, added when it is finished or when first needed. */
  keys?: DeferredKeys;
}

export async function readCheckpoint(
  pool: CommonQueryMethods,
  name: string,
  generation: number,
): Promise<string> {
  const position = await pool.maybeOneFirst(sql.type(z.object({ position: z.string() }))`
    select position from projection_checkpoints where name = ${name} and generation = ${generation}`);
  return position ?? START;
}

/** A target for writing one generation, with a row cache that trusts an empty start. */
export async function openTarget(
  pool: DatabasePool,
  definition: ProjectionDefinition,
  generation: number,
  mode: Target["mode"],
): Promise<Target> {
  const schema = schemaFor(definition.name, generation);
  const checkpoint = await readCheckpoint(pool, definition.name, generation);
  const plans = await loadTablePlans(pool, schema, definition.tables);
  return {
    definition,
    generation,
    mode,
    checkpoint,
    rows: new BatchRowStore(schema, plans, { startsEmpty: checkpoint === START }),
    handles: new Set(definition.canHandle),
    plans,
  };
}

export async function markFailed(
  pool: DatabasePool,
  name: string,
  error: Record<string, unknown>,
): Promise<void> {
  await pool.query(sql.unsafe`
    update projection_state set status = 'failed', error = ${sql.jsonb(error as never)}, updated_at = now()
    where name = ${name}`);
}

export async function markStatus(pool: DatabasePool, names: string[], status: string): Promise<void> {
  if (names.length === 0) return;
  await pool.query(sql.unsafe`
    update projection_state set status = ${status}, updated_at = now()
    where name = any(${sql.array(names, "text")}) and status <> 'failed'`);
}
