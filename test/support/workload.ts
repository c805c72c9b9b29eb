import type { EventStore, EventToAppend } from "../../src/ports/eventStore.ts";
import { Simulation } from "../projections/workload/simulation.ts";

export { Rng } from "../projections/workload/random.ts";

export interface WorkloadOptions {
  seed: number;
  /** Stops once at least this many events are written. */
  events: number;
  /** People; one per 2,500 events (at least 4) unless given. */
  users?: number;
  /** Agents; one per 15,000 events (at least 3) unless given. */
  agents?: number;
  /**
   * People also regenerate replies, edit messages, flip between alternatives, go back to earlier
   * messages and hide them (off unless asked, which keeps older seeds' histories as they were).
   */
  trees?: boolean;
}

/** One append: a stream and the events written to it at once. */
export interface WorkloadAppend {
  streamId: string;
  events: EventToAppend[];
}

/**
 * A deterministic, realistic history of withme from a seed: people register and chat with agents
 * (replies that stream, fail and are retried, mood shifts, affinity changes, selfies granted and
 * declined, memory summaries, messages the agents start), agents live their lives, change and get
 * portraits, and image jobs go through their states. Every event comes from the real deciders, so
 * the history makes sense in order. Each round holds at most one append per stream.
 */
export function* workloadRounds(options: WorkloadOptions): Generator<WorkloadAppend[]> {
  const simulation = new Simulation(options);
  yield simulation.setup();
  while (simulation.count < options.events) yield simulation.round();
}

/** Writes the workload; a round's appends go `concurrency` at a time (1 keeps the global order fixed). */
export async function writeWorkload(
  store: EventStore,
  options: WorkloadOptions,
  settings: { concurrency?: number; onRound?: (events: number) => void } = {},
): Promise<{ events: number; appends: number }> {
  let events = 0;
  let appends = 0;
  const concurrency = settings.concurrency ?? 4;
  for (const round of workloadRounds(options)) {
    for (let i = 0; i < round.length; i += concurrency) {
      await Promise.all(
        round.slice(i, i + concurrency).map((a) => store.append(a.streamId, a.events, "any")),
      );
    }
    appends += round.length;
    events += round.reduce((n, a) => n + a.events.length, 0);
    settings.onRound?.(events);
  }
  return { events, appends };
}
