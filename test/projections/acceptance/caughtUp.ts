import { sql } from "slonik";
import { z } from "zod";
import type { ProjectionDefinition } from "../../../projections/runner/projection.ts";
import { committedHead } from "../../support/committedHead.ts";
import { type CoreHarness, eventually } from "../../support/coreHarness.ts";

const checkpoint = z.object({ name: z.string(), position: z.string() });

/** Waits until every projection's live checkpoint has reached the newest event in the store. */
export async function waitUntilCaughtUp(
  harness: Pick<CoreHarness, "pool" | "raw" | "store">,
  definitions: ProjectionDefinition[],
  timeoutMs = 30_000,
): Promise<void> {
  const head = await committedHead(harness.raw);
  const names = definitions.map((d) => d.name);
  await eventually(async () => {
    const rows = await harness.pool.any(sql.type(checkpoint)`
      select s.name, c.position from projection_state s
      join projection_checkpoints c on c.name = s.name and c.generation = s.live_generation
      where s.name = any(${sql.array(names, "text")})`);
    return (
      rows.length === names.length && rows.every((r) => harness.store.comparePositions(r.position, head) >= 0)
    );
  }, timeoutMs);
}
