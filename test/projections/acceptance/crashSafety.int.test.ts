import { sql } from "slonik";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { allProjections } from "../../../projections/index.ts";
import type { ProjectorDependencies } from "../../../projections/runner/projector.ts";
import { rebuildProjections } from "../../../projections/runner/rebuild.ts";
import { catalogue } from "../../../src/domain/catalogue.ts";
import { type CoreHarness, eventually, startCoreHarness } from "../../support/coreHarness.ts";
import { spawnProjector } from "../../support/projectorProcess.ts";
import { Rng, writeWorkload } from "../../support/workload.ts";
import { waitUntilCaughtUp } from "./caughtUp.ts";

/** SIGKILLs that must land while the projector still had events to apply. */
const MID_PROJECTION_KILLS = 5;
const applied = z.object({ applied: z.number() });
const position = z.object({ position: z.string() });

describe("crash safety of the projector", () => {
  let harness: CoreHarness;
  let deps: ProjectorDependencies;
  beforeAll(async () => {
    harness = await startCoreHarness();
    deps = { ...harness, catalogue };
  });
  afterAll(() => harness.close());

  /** Events the live generations have applied, summed over the projections (0 before they exist). */
  const progress = () =>
    harness.pool.oneFirst(sql.type(applied)`
      select coalesce(sum(c.events_applied), 0)::int as applied from projection_state s
      join projection_checkpoints c on c.name = s.name and c.generation = s.live_generation`);

  /** Events the slowest live projection still has to apply. */
  async function lag(): Promise<number> {
    const positions = await harness.pool.anyFirst(sql.type(position)`
      select c.position from projection_state s
      join projection_checkpoints c on c.name = s.name and c.generation = s.live_generation`);
    const head = await harness.store.headPosition();
    const behind = await Promise.all(positions.map((p) => harness.store.distance(p, head)));
    return Math.max(0, ...behind);
  }

  // Sized to finish on a loaded two-core machine; the timeout only bounds a hang.
  it("ends with the same read models as a clean build after being killed mid-batch again and again", {
    timeout: 240_000,
  }, async () => {
    const rng = new Rng(99);
    await writeWorkload(harness.store, { seed: 7, events: 6_000 });
    const more = writeWorkload(harness.store, { seed: 8, events: 6_000 });
    let kills = 0;
    let midProjection = 0;
    while (midProjection < MID_PROJECTION_KILLS) {
      if (kills >= 3 * MID_PROJECTION_KILLS)
        throw new Error(`only ${midProjection} of ${kills} kills hit a backlog`);
      if ((await lag()) < 1_000) await writeWorkload(harness.store, { seed: 100 + kills, events: 2_000 });
      const child = spawnProjector(harness.database.url);
      const exited = new Promise((resolve) => child.once("exit", resolve));
      const before = await progress();
      await eventually(async () => (await progress()) > before, 30_000).catch((error) => {
        throw new Error(`the projector made no progress: ${child.stderrText()}`, { cause: error });
      });
      await new Promise((resolve) => setTimeout(resolve, rng.int(300)));
      const behind = await lag();
      child.kill("SIGKILL");
      await exited;
      kills++;
      if (behind > 0) midProjection++;
    }
    await more;
    const last = spawnProjector(harness.database.url);
    const finished = new Promise((resolve) => last.once("exit", resolve));
    await waitUntilCaughtUp(harness, allProjections, 180_000);
    last.kill("SIGTERM");
    await finished;
    expect(last.stderrText()).toBe("");

    const reports = await rebuildProjections(deps, allProjections, { dryRun: true });
    const comparisons = reports.flatMap((r) => r.comparison ?? []);
    expect(comparisons).toHaveLength(allProjections.flatMap((p) => p.tables).length);
    expect(comparisons.filter((c) => !c.equal)).toEqual([]);
    expect(comparisons.find((c) => c.table === "messages")?.liveRows).toBeGreaterThan(4_000);
  });
});
