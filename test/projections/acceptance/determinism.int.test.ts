import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allProjections } from "../../../projections/index.ts";
import { tableChecksum } from "../../../projections/runner/checksums.ts";
import { readState, schemaFor } from "../../../projections/runner/generations.ts";
import { Projector, type ProjectorDependencies } from "../../../projections/runner/projector.ts";
import { rebuildProjections } from "../../../projections/runner/rebuild.ts";
import { catalogue } from "../../../src/domain/catalogue.ts";
import { type CoreHarness, startCoreHarness } from "../../support/coreHarness.ts";
import { writeWorkload } from "../../support/workload.ts";
import { waitUntilCaughtUp } from "./caughtUp.ts";

describe("determinism of the read models", () => {
  let harness: CoreHarness;
  let deps: ProjectorDependencies;
  beforeAll(async () => {
    harness = await startCoreHarness();
    deps = { ...harness, catalogue };
  });
  afterAll(() => harness.close());

  // Sized to finish on a loaded two-core machine; the timeout only bounds a hang.
  it("projects 15,000 workload events live, then rebuilds them to the same checksums", {
    timeout: 240_000,
  }, async () => {
    const controller = new AbortController();
    const projector = new Projector(deps, allProjections).run(controller.signal);
    const written = await writeWorkload(harness.store, { seed: 20_250_501, events: 15_000, trees: true });
    expect(written.events).toBeGreaterThanOrEqual(15_000);
    await waitUntilCaughtUp(harness, allProjections, 180_000);
    controller.abort();
    await projector;

    const dry = await rebuildProjections(deps, allProjections, { dryRun: true });
    const comparisons = dry.flatMap((report) => report.comparison ?? []);
    expect(comparisons.length).toBe(allProjections.flatMap((p) => p.tables).length);
    expect(comparisons.filter((c) => !c.equal)).toEqual([]);
    const rows = Object.fromEntries(comparisons.map((c) => [c.table, c.liveRows]));
    for (const table of ["users", "agents", "conversations", "messages", "affinity_deltas", "mood_history"])
      expect(rows[table]).toBeGreaterThan(0);
    expect(rows.messages).toBeGreaterThan(5_000);
    expect(rows.image_jobs).toBeGreaterThan(100);
    expect(rows.memory_summaries).toBeGreaterThan(200);

    const rebuilt = await rebuildProjections(deps, allProjections);
    expect(rebuilt.every((report) => report.switched)).toBe(true);
    for (const definition of allProjections) {
      const state = await readState(harness.pool, definition.name);
      expect(state?.live_generation).toBe(2);
      for (const table of definition.tables) {
        const now = await tableChecksum(harness.pool, schemaFor(definition.name, 2), table.name);
        const before = comparisons.find((c) => c.table === table.name);
        expect({ table: table.name, ...now }).toEqual({
          table: table.name,
          rows: before?.liveRows,
          checksum: before?.liveChecksum,
        });
      }
    }
  });
});
