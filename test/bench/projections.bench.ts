import { allProjections } from "../../projections/index.ts";
import { Projector } from "../../projections/runner/projector.ts";
import { type RebuildProgress, rebuildProjections } from "../../projections/runner/rebuild.ts";
import { writeWorkload } from "../support/workload.ts";
import { cpuProfiled } from "./cpuProfile.ts";
import {
  bareBatchedInsert,
  LagRecorder,
  paceWorkload,
  SubscribeWatchingStore,
  settle,
} from "./projectionLag.ts";
import { startProjectorBench } from "./projectorBench.ts";
import { serverCpu } from "./serverCpu.ts";
import { percentile, perSecond, report, timed } from "./support.ts";

const REBUILD_EVENTS = 200_000;
/** Full rebuilds measured one after another; the first runs in a process that has rebuilt nothing yet. */
const REBUILDS = Number(process.env.BENCH_REBUILDS ?? 2);
const LAG_EVENTS_PER_SECOND = 200;
const LAG_SECONDS = 10;

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
    const endServerCpus: (number | undefined)[] = [];
    for (let run = 0; run < REBUILDS; run++) {
      bares.push(await bareBatchedInsert(raw, written.events));
      await settle(raw);
      const cpu = process.cpuUsage();
      const mainCpu = process.threadCpuUsage();
      const serverBefore = serverUsed();
      // The first progress report with every event in ends the load: what follows is the end
      // phase. Each projection's catch-up before its switch reports again, of the few events
      // written meanwhile, so only the first such report counts.
      let loaded: number | undefined;
      let serverLoaded: number | undefined;
      const onProgress = (progress: RebuildProgress) => {
        if (loaded === undefined && progress.total > 0 && progress.applied >= progress.total) {
          loaded = performance.now();
          serverLoaded = serverUsed();
        }
      };
      let finished = Number.NaN;
      const rebuild = await cpuProfiled(`rebuild-${run + 1}`, () =>
        timed(async () => {
          const reports = await rebuildProjections(bench.deps(), allProjections, { onProgress });
          finished = performance.now();
          return reports;
        }),
      );
      const used = process.cpuUsage(cpu);
      const mainUsed = process.threadCpuUsage(mainCpu);
      const serverAfter = serverUsed();
      serverCpus.push(
        serverBefore === undefined || serverAfter === undefined ? undefined : serverAfter - serverBefore,
      );
      ends.push(loaded === undefined ? Number.NaN : finished - loaded);
      endServerCpus.push(
        serverLoaded === undefined || serverAfter === undefined ? undefined : serverAfter - serverLoaded,
      );
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
    const following = new SubscribeWatchingStore(bench.store);
    const projector = new Projector({ ...bench.deps(recorder.bus()), store: following }, allProjections).run(
      controller.signal,
    );
    await following.subscribed;
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
        name: "… of it in the end phase",
        value: endServerCpus.map((ms) => (ms === undefined ? "unknown" : `${ms} ms`)).join(", "),
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
