import { catalogue } from "../../src/domain/catalogue.ts";
import { workloadRounds } from "../support/workload.ts";
import { percentile, perSecond, report } from "./support.ts";

const EVENTS = 50_000;
const ROUNDS = 5;

interface Stored {
  type: string;
  version: number;
  data: unknown;
}

/** Reads every event once; returns the time it took. */
function readAll(events: readonly Stored[], read: (e: Stored) => unknown): number {
  const started = performance.now();
  for (const event of events) read(event);
  return performance.now() - started;
}

/**
 * What reading a stored event costs in JavaScript, for a rebuild and every stream read: the full
 * schema against the shape check for events written at the current version, on workload events
 * as the database hands them back (fresh objects from JSON), in interleaved rounds.
 */
export default async function eventReadingBench(): Promise<void> {
  const events: Stored[] = [...workloadRounds({ seed: 42, events: EVENTS })]
    .flat()
    .flatMap((append) => append.events)
    .map((event) => ({
      type: event.type,
      version: event.metadata.schemaVersion ?? 1,
      data: JSON.parse(JSON.stringify(event.data)),
    }));
  const full: number[] = [];
  const shape: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    full.push(readAll(events, (e) => catalogue.parse(e.type, e.version, e.data)));
    shape.push(readAll(events, (e) => catalogue.parseStored(e.type, e.version, e.data)));
  }
  const fullRate = perSecond(events.length, percentile(full, 50));
  const shapeRate = perSecond(events.length, percentile(shape, 50));
  report(`reading stored events (${events.length} workload events, median of ${ROUNDS} interleaved rounds)`, [
    {
      name: "shape check (events at the current version)",
      value: `${shapeRate} events/s`,
      baseline: `${fullRate} events/s through the full schema`,
      ratio: shapeRate / fullRate,
    },
  ]);
}
