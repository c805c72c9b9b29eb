import { type DatabasePool, sql } from "slonik";
import { semaphore } from "../../src/application/processing/semaphore.ts";
import { type EventStore, START } from "../../src/ports/eventStore.ts";
import { catchUp, RebuildFailedError } from "./catchUp.ts";
import { compareGenerations, type TableComparison } from "./checksums.ts";
import { DeferredKeys } from "./deferredKeys.ts";
import { finishTable, largestFirst } from "./finishTables.ts";
import {
  createGeneration,
  dropGeneration,
  readState,
  schemaFor,
  staleGenerations,
  switchLive,
} from "./generations.ts";
import type { ProjectionDefinition } from "./projection.ts";
import type { RebuildProgress } from "./rebuildProgress.ts";
import { settleAll, settledAll } from "./rowWrites.ts";
import { BUILD_LEASE, type ProjectorDependencies } from "./runnerDependencies.ts";
import type { Target } from "./targets.ts";
import { openTarget, readCheckpoint } from "./targets.ts";

export type { RebuildProgress } from "./rebuildProgress.ts";

export interface RebuildOptions {
  dryRun?: boolean;
  /** Throw away a half-built generation instead of resuming it. */
  restart?: boolean;
  signal?: AbortSignal;
  batchSize?: number;
  onProgress?: (progress: RebuildProgress) => void;
}

export interface RebuildReport {
  name: string;
  generation: number;
  switched: boolean;
  resumed: boolean;
  comparison?: TableComparison[];
}

/**
 * Builds new generations of the given projections from the first event, beside the live ones,
 * in one pass over all events; then switches each over atomically (or, for a dry run, compares
 * it with the live one at the same position and drops it). Interrupted, it leaves the live
 * generations untouched and resumes where it stopped.
 */
export async function rebuildProjections(
  deps: ProjectorDependencies,
  definitions: ProjectionDefinition[],
  options: RebuildOptions = {},
): Promise<RebuildReport[]> {
  const { pool, leases, store } = deps;
  if (options.dryRun) {
    for (const definition of definitions) {
      if ((await readState(pool, definition.name))?.live_generation == null)
        throw new RebuildFailedError(
          `projection ${definition.name} has no live generation to compare with yet; start the projector or rebuild without a dry run`,
        );
    }
  }
  const lease = await leases.acquire(BUILD_LEASE, options.signal);
  if (!lease) return [];
  const signal = AbortSignal.any([options.signal ?? new AbortController().signal, lease.lost]);
  try {
    // Each projection's generation is prepared on connections of its own: they share nothing.
    const prepared = await settledAll(
      definitions.map(async (definition) => {
        const { generation, resumed } = await prepareGeneration(deps, definition, options.restart ?? false);
        const target = await openTarget(pool, definition, generation, "building");
        await deferKeys(deps, target);
        return { target, report: { name: definition.name, generation, switched: false, resumed } };
      }),
    );
    const targets: Target[] = prepared.map((p) => p.target);
    const reports: RebuildReport[] = prepared.map((p) => p.report);
    const limit = options.dryRun ? await liveLimit(pool, store, definitions) : undefined;
    await catchUp(deps, targets, { ...options, signal }, limit);
    if (signal.aborted) return reports;
    if (options.dryRun) {
      for (const [i, target] of targets.entries()) {
        reports[i]!.comparison = await compareGenerations(deps, target, signal);
        await dropGeneration(pool, target.definition.name, target.generation);
        await pool.query(sql.unsafe`
          update projection_state set building_generation = null, building_version = null
          where name = ${target.definition.name}`);
      }
      return reports;
    }
    // Each projection owns its tables and checkpoint, so they are finished side by side: every
    // table on a connection of its own, the largest projection's first.
    const statements = semaphore(FINISHING_CONNECTIONS);
    const generations = await largestFirst(deps.raw, targets);
    await settleAll(
      generations.map(async ({ target, tables }) => {
        await settleAll(tables.map((table) => statements(() => finishTable(deps.raw, table))));
        await catchUp(deps, [target], { signal }, undefined);
        await pool.transaction((tx) => switchLive(tx, target.definition, target.generation), 0);
        reports[targets.indexOf(target)]!.switched = true;
        for (const stale of await staleGenerations(pool, target.definition.name)) {
          await dropGeneration(pool, target.definition.name, stale);
        }
      }),
    );
    return reports;
  } finally {
    await lease.release();
  }
}

/**
 * A build from the first event adds its primary keys when finished (or first needed); one resumed
 * from elsewhere gets them now, as its row cache starts knowing nothing and reads rows by key.
 */
async function deferKeys(deps: ProjectorDependencies, target: Target): Promise<void> {
  const schema = schemaFor(target.definition.name, target.generation);
  const keys = new DeferredKeys(deps.raw, schema, target.definition.tables);
  if (target.checkpoint !== START) return keys.ensure();
  target.keys = keys;
  target.rows.beforeLoad = () => keys.ensure();
}

/** Tables whose indexes and statistics are built at the same time, each on its own connection. */
const FINISHING_CONNECTIONS = 3;

async function prepareGeneration(
  deps: ProjectorDependencies,
  definition: ProjectionDefinition,
  restart: boolean,
): Promise<{ generation: number; resumed: boolean }> {
  const { pool, raw } = deps;
  const state = await readState(pool, definition.name);
  if (state?.building_generation && state.building_version === definition.version && !restart) {
    return { generation: state.building_generation, resumed: true };
  }
  if (state?.building_generation) await dropGeneration(pool, definition.name, state.building_generation);
  const stale = await staleGenerations(pool, definition.name);
  const generation = Math.max(state?.live_generation ?? 0, state?.building_generation ?? 0, ...stale) + 1;
  await createGeneration(raw, definition, generation, { deferIndexes: true });
  await pool.query(sql.unsafe`
    insert into projection_state (name, building_generation, building_version)
    values (${definition.name}, ${generation}, ${definition.version})
    on conflict (name) do update set building_generation = excluded.building_generation,
      building_version = excluded.building_version, updated_at = now()`);
  return { generation, resumed: false };
}

/** For a dry run: never build past where the live generations are, so they can be compared. */
async function liveLimit(pool: DatabasePool, store: EventStore, definitions: ProjectionDefinition[]) {
  let limit: string | undefined;
  for (const definition of definitions) {
    const state = await readState(pool, definition.name);
    if (state?.live_generation == null) continue;
    const position = await readCheckpoint(pool, definition.name, state.live_generation);
    if (limit === undefined || store.comparePositions(position, limit) < 0) limit = position;
  }
  return limit;
}
