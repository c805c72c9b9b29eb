import { allProjections } from "../../projections/index.ts";
import { rebuildProjections } from "../../projections/runner/rebuild.ts";
import { ReadModelLifeDirectory } from "../../src/adapters/postgres/readModelLifeDirectory.ts";
import type { AgentDirectory, ConversationDirectory } from "../../src/application/life/lifeDirectories.ts";
import { catalogue } from "../../src/domain/catalogue.ts";
import { EventStoreLifeDirectory } from "../support/life/eventStoreLifeDirectory.ts";
import { writeWorkload } from "../support/workload.ts";
import { startProjectorBench } from "./projectorBench.ts";
import { report, timed } from "./support.ts";

const EVENTS = 100_000;

/** What one scheduler tick reads: every active agent, its conversations, and each person in them. */
async function readLikeATick(directory: AgentDirectory & ConversationDirectory): Promise<number> {
  let reads = 0;
  for (const agent of await directory.activeAgents()) {
    for (const conversation of await directory.conversationsWith(agent.agentId)) {
      await directory.person(conversation.userId);
      reads++;
    }
  }
  return reads;
}

/** The life scheduler's reads from the read models, against folding the event store into memory. */
export default async function lifeDirectoryBench(): Promise<void> {
  const bench = await startProjectorBench();
  const { raw, pool, store } = bench;
  try {
    const written = await writeWorkload(store, { seed: 5, events: EVENTS });
    await rebuildProjections(bench.deps(), allProjections);
    // The workload's own clock: the read models look back a month from it for life events.
    const { rows } = await raw.query<{ at: Date }>(
      "select max((metadata->>'occurredAt')::timestamptz) as at from es_events",
    );
    const clock = { now: () => rows[0]!.at, sleep: async () => {} };

    const readModels = new ReadModelLifeDirectory(pool, clock);
    await readLikeATick(readModels);
    const projected = await timed(() => readLikeATick(readModels));

    const heapBefore = process.memoryUsage().heapUsed;
    const folded = new EventStoreLifeDirectory(store, catalogue);
    const cold = await timed(() => readLikeATick(folded));
    const heapHeld = process.memoryUsage().heapUsed - heapBefore;
    const warm = await timed(() => readLikeATick(folded));

    const ms = (value: number) => `${value.toFixed(0)} ms`;
    report(`life scheduler's reads (${written.events} events, ${projected.result} conversations)`, [
      {
        name: "one tick's reads from the read models",
        value: ms(projected.ms),
        baseline: `${ms(cold.ms)} folding the event store at start`,
        ratio: cold.ms / projected.ms,
      },
      {
        name: "folded in memory, after the start",
        value: `${ms(warm.ms)}, holding ~${Math.max(0, Math.round(heapHeld / 1_048_576))} MiB`,
      },
    ]);
  } finally {
    await bench.close();
  }
}
