import type pg from "pg";
import { allProjections } from "../../projections/index.ts";
import { Projector } from "../../projections/runner/projector.ts";
import { type RebuildProgress, rebuildProjections } from "../../projections/runner/rebuild.ts";
import { InProcessLiveBus } from "../../src/adapters/local/inProcessLiveBus.ts";
import type { EventStore } from "../../src/ports/eventStore.ts";
import type { LiveBus } from "../../src/ports/liveBus.ts";
import { type WorkloadOptions, workloadRounds, writeWorkload } from "../support/workload.ts";
import { cpuProfiled } from "./cpuProfile.ts";
import { startProjectorBench } from "./projectorBench.ts";
import { serverCpu } from "./serverCpu.ts";
import { percentile, perSecond, report, timed } from "./support.ts";

const REBUILD_EVENTS = 200_000;
/** Full rebuilds measured one after another; the first runs in a process that has rebuilt nothing yet. */
const REBUILDS = Number(process.env.BENCH_REBUILDS ?? 2);
const LAG_EVENTS_PER_SECOND = 200;
const LAG_SECONDS = 10;

/** Times each appended event from the start of its append to the first notice the projector publishes about it. */
class LagRecorder {
  readonly #sent = new Map<string, number>();
  readonly #seen = new Map<string, number>();
  #lastNotice = performance.now();

  bus(): LiveBus {
    const local = new InProcessLiveBus();
    return {
      name: "recording",
      publish: async (_topic, message) => {
        if (!("revision" in message.payload)) return;
        const { streamId, revision } = message.payload;
        const key = `${String(streamId)}@${String(revision)}`;
        if (!this.#seen.has(key)) this.#seen.set(key, performance.now());
        this.#lastNotice = performance.now();
      },
      subscribe: (topic, signal) => local.subscribe(topic, signal),
      whenSubscribed: async () => {},
      forgetPerson: async () => {},
      close: async () => {},
    };
  }

  sent(streamId: string, firstRevision: number, count: number, at: number): void {
    for (let i = 0; i < count; i++) this.#sent.set(`${streamId}@${firstRevision + i}`, at);
  }

  /** Only events some read model tells the live API about (user profile events tell nobody). */
  lags(): number[] {
    return [...this.#sent].flatMap(([key, at]) => {
      const seen = this.#seen.get(key);
      return seen === undefined ? [] : [seen - at];
    });
  }

  async waitForQuiet(ms = 1_000): Promise<void> {
    while (performance.now() - this.#lastNotice < ms) await sleep(100);
  }
}

/** Statistics gathered and dirty pages written, as a server between bursts would have them. */
async function settle(pool: pg.Pool): Promise<void> {
  await pool.query("vacuum analyze");
  await pool.query("checkpoint");
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Appends a fresh workload at a steady rate of events per second; returns how many were appended. */
async function paceWorkload(
  store: EventStore,
  recorder: LagRecorder,
  options: Pick<WorkloadOptions, "seed"> & { eventsPerSecond: number; seconds: number },
): Promise<number> {
  const appends = [
    ...workloadRounds({ seed: options.seed, events: options.eventsPerSecond * options.seconds }),
  ].flat();
  const started = performance.now();
  let sent = 0;
  for (const append of appends) {
    const wait = started + (sent / options.eventsPerSecond) * 1000 - performance.now();
    if (wait > 0) await sleep(wait);
    const at = performance.now();
    const result = await store.append(append.streamId, append.events, "any");
    recorder.sent(append.streamId, result.nextRevision - append.events.length + 1, append.events.length, at);
    sent += append.events.length;
  }
  return sent;
}

/** A plain table as wide as a message row, filled in batches the size the rebuild reads. */
async function bareBatchedInsert(pool: pg.Pool, rows: number): Promise<number> {
  await pool.query("drop table if exists bare_rows");
  await pool.query(`create table bare_rows (stream_id text, seq int, message_id text, kind text, role text,
    text text, status text, created_at timestamptz, updated_at timestamptz, primary key (stream_id, seq))`);
  const batch = 2_000;
  const { ms } = await timed(async () => {
    for (let start = 0; start < rows; start += batch) {
      const chunk = Array.from({ length: Math.min(batch, rows - start) }, (_, i) => ({
        stream_id: `conversation-${(start + i) % 500}`,
        seq: start + i,
        message_id: `m-${start + i}`,
        kind: "reply",
        role: "agent",
        text: `reply number ${start + i} with a little text in it`,
        status: "completed",
        created_at: "2025-01-06T08:00:00.000Z",
        updated_at: "2025-01-06T08:00:01.000Z",
      }));
      await pool.query(
        "insert into bare_rows select * from jsonb_populate_recordset(null::bare_rows, $1::jsonb)",
        [JSON.stringify(chunk)],
      );
    }
  });
  return perSecond(rows, ms);
}

/** Full rebuild of every projection from 200k workload events, and live lag at a steady rate. */
export default async function projectionsBench(): Promise<void> {
  const bench = await startProjectorBench();
  const { raw, store } = bench;
  try {
    const written = await writeWorkload(store, { seed: 42, events: REBUILD_EVENTS });
    // Every measurement starts from a settled server, not in the wake of the one before.
    await settle(raw);

    // Full rebuilds (each into a fresh generation), each beside a bare insert of as many rows.
    // Every run is reported, the first (a process that has rebuilt nothing yet) on its own.
    const runs: number[] = [];
    const cpus: number[] = [];
    const mainCpus: number[] = [];
    const serverCpus: (number | undefined)[] = [];
    const serverUsed = await serverCpu(raw);
    const bares: number[] = [];
    const ends: number[] = [];
    for (let run = 0; run < REBUILDS; run++) {
      bares.push(await bareBatchedInsert(raw, written.events));
      await settle(raw);
      const cpu = process.cpuUsage();
      const mainCpu = process.threadCpuUsage();
      const serverBefore = serverUsed();
      const started = performance.now();
      // The last progress report comes once every event is in: what follows is the end phase.
      let loaded = started;
      const onProgress = (progress: RebuildProgress) => {
        if (progress.applied >= progress.total) loaded = performance.now();
      };
      const rebuild = await cpuProfiled(`rebuild-${run + 1}`, () =>
        timed(() => rebuildProjections(bench.deps(), allProjections, { onProgress })),
      );
      const used = process.cpuUsage(cpu);
      const mainUsed = process.threadCpuUsage(mainCpu);
      const serverAfter = serverUsed();
      serverCpus.push(
        serverBefore === undefined || serverAfter === undefined ? undefined : serverAfter - serverBefore,
      );
      ends.push(started + rebuild.ms - loaded);
      if (!rebuild.result.every((r) => r.switched))
        throw new Error("the rebuild did not switch every projection");
      runs.push(rebuild.ms);
      cpus.push((used.user + used.system) / 1000);
      mainCpus.push((mainUsed.user + mainUsed.system) / 1000);
      await settle(raw);
    }
    const bare = Math.max(...bares);
    const rates = runs.map((ms) => perSecond(written.events, ms));
    const rate = Math.max(...rates);

    const recorder = new LagRecorder();
    const controller = new AbortController();
    const projector = new Projector(bench.deps(recorder.bus()), allProjections).run(controller.signal);
    await sleep(1_000);
    const paced = await paceWorkload(store, recorder, {
      seed: 7,
      eventsPerSecond: LAG_EVENTS_PER_SECOND,
      seconds: LAG_SECONDS,
    });
    await recorder.waitForQuiet();
    controller.abort();
    await projector;
    const lags = recorder.lags();

    const ms = (value: number) => `${value.toFixed(1)} ms`;
    report(`projections (${allProjections.length} read models, durable embedded server)`, [
      {
        name: `full rebuild of ${written.events} events, best`,
        value: `${rate} events/s`,
        baseline: `${bare} rows/s in bare batched inserts`,
        ratio: rate / bare,
        target: "≥ 50,000 events/s",
      },
      {
        name: "full rebuild, first run",
        value: `${rates[0]} events/s`,
        target: "≥ 50,000 events/s",
      },
      {
        name: "each run",
        value: runs.map((ms, i) => `${(ms / 1000).toFixed(2)} s (${rates[i]}/s)`).join(", "),
      },
      {
        name: "end phase (indexes, statistics, switch)",
        value: `${ends.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(", ")}`,
      },
      {
        name: "this process's CPU per full rebuild",
        value: `${cpus.map((ms) => `${Math.round(ms)} ms`).join(", ")}`,
      },
      {
        name: "… of it on the main thread",
        value: `${mainCpus.map((ms) => `${Math.round(ms)} ms`).join(", ")} (the rest: compilers, collector helpers)`,
      },
      {
        name: "the server's CPU per full rebuild",
        value: serverCpus.map((ms) => (ms === undefined ? "unknown" : `${ms} ms`)).join(", "),
      },
      {
        name: `live lag p50 (${lags.length} of ${paced} events at ${LAG_EVENTS_PER_SECOND}/s)`,
        value: ms(percentile(lags, 50)),
      },
      { name: "live lag p99", value: ms(percentile(lags, 99)), target: "≤ 100 ms" },
      { name: "live lag max", value: ms(Math.max(...lags)) },
    ]);
  } finally {
    await bench.close();
  }
}
