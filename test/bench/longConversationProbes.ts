import { constants } from "node:perf_hooks";
import { CommandHandler } from "../../src/application/commandHandler.ts";
import { stateSnapshots } from "../../src/composition/stateSnapshots.ts";
import { conversationDecider } from "../../src/domain/conversation/decider.ts";
import type { System } from "../../src/main.ts";
import { eventually } from "../support/coreHarness.ts";
import type { Samples } from "./conversationTurns.ts";
import { percentile, timed } from "./support.ts";

/** What the long-conversation bench reads beside its turns: GC pauses, reactors caught up, a cold load. */

/** GC pauses seen while the turns are measured, in the order they ended. */
export const gcPauses: { from: number; to: number; kind: number }[] = [];

/** Each sample with what ran beside it: GC pauses, the longest event-loop stall, the snapshot's revision. */
export function logSamples(label: string, samples: Samples): void {
  samples.spans.forEach((span, i) => {
    const gc = gcPauses.filter((p) => p.to > span.from && p.from < span.to);
    const gcMs = gc.reduce((sum, p) => sum + (p.to - p.from), 0);
    const major = gc.filter((p) => p.kind === constants.NODE_PERFORMANCE_GC_MAJOR).length;
    console.log(
      `  ${label} turn ${String(i).padStart(3)}: send ${samples.send[i]!.toFixed(1)} ms, first delta ${samples.firstDelta[i]!.toFixed(1)} ms, subscribe ${samples.subscribe[i]!.toFixed(1)} ms; GC ${gcMs.toFixed(1)} ms (${gc.length} pauses, ${major} major), longest loop stall ${span.loopMaxMs.toFixed(1)} ms, snapshot ${span.snapshot}`,
    );
  });
}

/** Every reactor's checkpoint has passed the events stored so far. */
export async function reactorsCaughtUp(system: System): Promise<void> {
  const head = await system.eventStore.headPosition();
  await eventually(async () => {
    const { rows } = await system.database.pool.query<{ position: string }>(
      "select position from reactor_checkpoints",
    );
    return rows.every((row) => system.eventStore.comparePositions(row.position, head) >= 0);
  }, 600_000);
}

/**
 * A conversation's state loaded as a process that has not seen it does (median of three): from its
 * stored snapshot and the events after it, and from the whole stream.
 */
export async function coldLoad(system: System, streamId: string, snapshots: boolean): Promise<number> {
  const { snapshotsFor } = stateSnapshots(system.database, system.privacy.keys, system.logger);
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const commands = new CommandHandler(system.events, snapshots ? { snapshots: snapshotsFor } : {});
    times.push((await timed(() => commands.load(conversationDecider, streamId))).ms);
  }
  return percentile(times, 50);
}
