import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { type RunningPostgres, startEmbeddedPostgres } from "../../src/adapters/postgres/embeddedPostgres.ts";
import { eventually } from "../support/coreHarness.ts";

/** A durable embedded PostgreSQL in a temporary folder, as `npm start` would run it. */
export async function benchPostgres(): Promise<RunningPostgres & { cleanup(): Promise<void> }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "withme-bench-"));
  await chmod(dataDir, 0o755);
  const postgres = await startEmbeddedPostgres({ dataDir });
  return {
    ...postgres,
    cleanup: async () => {
      await postgres.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export interface BenchLine {
  name: string;
  value: string;
  baseline?: string;
  ratio?: number;
  target?: string;
}

export function report(title: string, lines: BenchLine[]): void {
  console.log(`\n${title}`);
  for (const line of lines) {
    const ratio = line.ratio === undefined ? "" : `  ratio ${line.ratio.toFixed(2)}×`;
    const baseline = line.baseline ? `  (baseline ${line.baseline})` : "";
    const target = line.target ? `  target ${line.target}` : "";
    console.log(`  ${line.name.padEnd(42)} ${line.value}${baseline}${ratio}${target}`);
  }
}

/**
 * Waits until the server holds `count` subscriptions open (then its bus listens for them too):
 * a message sent before then may reach only some of them.
 */
export async function untilSubscribed(
  openOnServer: () => number,
  count: number,
  bus?: { whenSubscribed(): Promise<void> },
): Promise<void> {
  await eventually(async () => openOnServer() >= count, 60_000);
  await bus?.whenSubscribed();
}

/** A count of the subscriptions the server holds open for these people, all told. */
export const openSubscriptionsOf =
  (api: { openSubscriptionsOf(userId: string): number }, people: readonly string[]) => () =>
    people.reduce((open, person) => open + api.openSubscriptionsOf(person), 0);

export const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000);

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** The main thread's live heap after full collections. */
export function heapUsed(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}
