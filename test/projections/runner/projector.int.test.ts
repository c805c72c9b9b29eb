import { sql } from "slonik";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { applyBatch } from "../../../projections/runner/applyBatch.ts";
import { applyWithIsolation } from "../../../projections/runner/applyWithIsolation.ts";
import { ensureLive, schemaFor } from "../../../projections/runner/generations.ts";
import { Projector, type ProjectorDependencies } from "../../../projections/runner/projector.ts";
import { rebuildProjections } from "../../../projections/runner/rebuild.ts";
import { projectionStatuses } from "../../../projections/runner/status.ts";
import { openTarget } from "../../../projections/runner/targets.ts";
import { type CoreHarness, eventually, startCoreHarness } from "../../support/coreHarness.ts";
import {
  counterCatalogue,
  counterEvent,
  counterLogProjection,
  countersProjection,
  countersTopic,
} from "./counterProjections.ts";

const counterRow = z.object({ id: z.string(), total: z.number(), increments: z.number() });
const definitions = [countersProjection, counterLogProjection];

describe("projector", () => {
  let harness: CoreHarness;
  let deps: ProjectorDependencies;
  const running: AbortController[] = [];
  const runs: Promise<unknown>[] = [];

  beforeEach(async () => {
    harness = await startCoreHarness();
    deps = { ...harness, catalogue: counterCatalogue };
  });
  afterEach(async () => {
    for (const controller of running.splice(0)) controller.abort();
    await Promise.allSettled(runs.splice(0));
    await harness.close();
  });

  function startProjector(): Promise<void> {
    const controller = new AbortController();
    running.push(controller);
    const run = new Projector(deps, definitions, { batchSize: 50 }).run(controller.signal);
    runs.push(run);
    return run;
  }

  const counters = () =>
    harness.pool.any(sql.type(counterRow)`select id, total, increments from rm.counters order by id`);
  const logCount = () =>
    harness.pool.oneFirst(
      sql.type(z.object({ n: z.number() }))`select count(*)::int as n from rm.counter_log`,
    );

  async function increment(counter: string, by: number, times: number) {
    for (let i = 0; i < times; i++) {
      await harness.store.append(
        `counter-${counter}`,
        [counterEvent("CounterIncremented", { counter, by })],
        "any",
      );
    }
  }

  it("projects events as they are appended and tells the live bus after commit", async () => {
    const notices: unknown[] = [];
    const listening = (async () => {
      const controller = new AbortController();
      running.push(controller);
      for await (const message of harness.bus.subscribe(countersTopic, controller.signal))
        notices.push(message);
    })();
    void startProjector();
    await increment("a", 2, 3);
    await harness.store.append("other", [counterEvent("Unrelated", {})], "any");
    await increment("b", 5, 1);
    await eventually(async () => (await counters()).length === 2);
    expect(await counters()).toEqual([
      { id: "a", total: 6, increments: 3 },
      { id: "b", total: 5, increments: 1 },
    ]);
    expect(await logCount()).toBe(4);
    await harness.store.append("counter-a", [counterEvent("CounterRemoved", { counter: "a" })], "any");
    await eventually(async () => (await counters()).length === 1);
    await eventually(async () => notices.length === 5);
    void listening;
  });

  it("applies every event exactly once with two projectors competing", async () => {
    void startProjector();
    void startProjector();
    await Promise.all([increment("x", 1, 150), increment("y", 2, 150)]);
    await eventually(async () => (await logCount()) === 300);
    expect(await counters()).toEqual([
      { id: "x", total: 150, increments: 150 },
      { id: "y", total: 300, increments: 150 },
    ]);
  });

  it("stops a projection on a poison event, naming it, while the others go on", async () => {
    void startProjector();
    await increment("p", 1, 2);
    const poison = counterEvent("PoisonPill", { note: "glass" });
    await harness.store.append("counter-p", [poison], "any");
    await increment("p", 1, 3);
    // Each projection goes at its own pace: wait for both to have got as far as they will.
    const [counterStatus, logStatus] = await eventually(async () => {
      const statuses = await projectionStatuses(deps, definitions);
      const settled = statuses[0]?.status === "failed" && statuses[1]?.lagEvents === 0;
      return settled && (await logCount()) === 5 ? statuses : undefined;
    });
    expect(counterStatus).toMatchObject({ name: "counters", status: "failed" });
    expect(counterStatus?.error).toMatchObject({
      eventId: poison.id,
      type: "PoisonPill",
      message: "cannot digest glass",
    });
    expect(logStatus).toMatchObject({ name: "counter_log", status: "running", lagEvents: 0 });
    expect(await counters()).toEqual([{ id: "p", total: 2, increments: 2 }]);
  });

  it("rebuilds beside the live generation, compares in a dry run, then switches", async () => {
    void startProjector();
    await increment("r", 3, 40);
    await eventually(async () => (await logCount()) === 40);
    const dry = await rebuildProjections(deps, definitions, { dryRun: true });
    expect(dry.map((r) => r.switched)).toEqual([false, false]);
    expect(dry.flatMap((r) => r.comparison ?? []).every((c) => c.equal && c.liveRows === c.builtRows)).toBe(
      true,
    );
    const before = await counters();
    const reports = await rebuildProjections(deps, definitions);
    expect(reports.map((r) => [r.name, r.switched])).toEqual([
      ["counters", true],
      ["counter_log", true],
    ]);
    expect(await counters()).toEqual(before);
    const [newest] = await harness.store.readStream("counter-r", { direction: "backwards", maxCount: 1 });
    const rebuilt = await projectionStatuses(deps, definitions);
    // The projector runs on over the switched generations before any new event reaches it.
    expect(rebuilt.map((s) => s.status)).toEqual(["running", "running"]);
    expect(rebuilt.map((s) => s.lastEventAt)).toEqual([
      newest!.recordedAt.toISOString(),
      newest!.recordedAt.toISOString(),
    ]);
    await increment("r", 1, 1);
    await eventually(async () => (await counters())[0]?.total === 121);
    const statuses = await projectionStatuses(deps, definitions);
    expect(statuses.map((s) => s.liveGeneration)).toEqual([2, 2]);
  });

  it("puts a rebuilt generation live with the planner's statistics of its tables gathered", async () => {
    await increment("p", 2, 40);
    const [report] = await rebuildProjections(deps, [counterLogProjection]);
    expect(report?.switched).toBe(true);
    const columns = await harness.pool.oneFirst(
      sql.type(z.object({ columns: z.number() }))`
        select count(*)::int as columns from pg_stats
        where schemaname = ${schemaFor("counter_log", report!.generation)} and tablename = 'counter_log'`,
    );
    // Without column statistics a freshly built table's pages are planned from guesses.
    expect(columns).toBeGreaterThan(0);
    const indexes = await harness.pool.anyFirst(
      sql.type(z.object({ indexname: z.string() }))`
        select indexname from pg_indexes
        where schemaname = ${schemaFor("counter_log", report!.generation)} order by indexname`,
    );
    expect(indexes).toEqual(["counter_log_i0", "counter_log_pkey"]);
  });

  it("resumes an interrupted rebuild where it stopped", async () => {
    await increment("s", 1, 300);
    const controller = new AbortController();
    const first = await rebuildProjections(deps, [countersProjection], {
      signal: controller.signal,
      batchSize: 20,
      onProgress: (p) => {
        if (p.applied >= 100) controller.abort();
      },
    });
    expect(first[0]).toMatchObject({ switched: false, resumed: false });
    const second = await rebuildProjections(deps, [countersProjection], { batchSize: 20 });
    expect(second[0]).toMatchObject({ switched: true, resumed: true, generation: first[0]?.generation });
    expect(await counters()).toEqual([{ id: "s", total: 300, increments: 300 }]);
  });

  it("builds without primary keys until it finishes, and adds them before reading or upserting rows", async () => {
    await increment("k", 2, 60);
    const keyed = async (generation: number) =>
      harness.pool.anyFirst(sql.type(z.object({ table: z.string() }))`
        select c.relname as table from pg_index i join pg_class c on c.oid = i.indrelid
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ${schemaFor("counters", generation)} and i.indisprimary`);
    const controller = new AbortController();
    const [first] = await rebuildProjections(deps, [countersProjection], {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.applied >= 60) controller.abort();
      },
    });
    expect(first).toMatchObject({ switched: false });
    expect(await keyed(first!.generation)).toEqual([]);

    // Resumed, its row cache knows nothing and reads rows by key: the keys come first.
    await increment("k", 2, 1);
    const [resumed] = await rebuildProjections(deps, [countersProjection]);
    expect(resumed).toMatchObject({ switched: true, resumed: true, generation: first!.generation });
    expect(await keyed(first!.generation)).toEqual(["counters"]);
    expect(await counters()).toEqual([{ id: "k", total: 122, increments: 61 }]);

    // A fresh build that meets a poison event goes the careful way, whose upserts need the keys
    // even for rows written without being read (the log's).
    const poison = counterEvent("PoisonPill", { note: "tin" });
    await harness.store.append("counter-k", [poison], "any");
    await increment("k", 2, 1);
    await expect(rebuildProjections(deps, definitions)).rejects.toThrow("cannot digest tin");
    const building = await harness.pool.anyFirst(sql.type(z.object({ building: z.number() }))`
      select building_generation as building from projection_state where name = 'counter_log'`);
    const log = schemaFor("counter_log", building[0]!);
    const keys = await harness.raw.query(
      `select c.relname as table from pg_index i join pg_class c on c.oid = i.indrelid
       join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and i.indisprimary`,
      [log],
    );
    expect(keys.rows).toEqual([{ table: "counter_log" }]);
    const logged = await harness.raw.query(`select count(*)::int as n from ${log}.counter_log`);
    expect(logged.rows).toEqual([{ n: 62 }]);
  });
});

describe("applying a batch", () => {
  let harness: CoreHarness;
  beforeEach(async () => {
    harness = await startCoreHarness();
  });
  afterEach(async () => {
    await harness.close();
  });

  it("applies an event stored with a NUL or broken Unicode with that text cleaned, instead of stopping", async () => {
    const targets = [];
    for (const definition of definitions) {
      const state = await ensureLive(harness.pool, harness.raw, definition);
      targets.push(await openTarget(harness.pool, definition, state.live_generation!, "live"));
    }
    await harness.store.append(
      "counter-x",
      [counterEvent("CounterIncremented", { counter: "x", by: 2 })],
      "any",
    );
    // Such an event can no longer be appended here; it comes from an older store or another writer.
    const [stored] = await harness.store.readAll();
    const unstorable = { ...stored!, data: { counter: "a\u0000b\ud800", by: 2 } };
    const result = await applyWithIsolation(harness.pool, counterCatalogue, targets, [unstorable], (a, b) =>
      harness.store.comparePositions(a, b),
    );
    expect(result.failed).toEqual([]);
    expect(await counters(harness)).toEqual([{ id: "ab\ufffd", total: 2, increments: 1 }]);
    expect(await harness.pool.oneFirst(sql.unsafe`select counter from rm.counter_log`)).toBe("ab\ufffd");
  });

  it("moves every checkpoint in one statement, and writes nothing when one moved on elsewhere", async () => {
    const targets = [];
    for (const definition of definitions) {
      const state = await ensureLive(harness.pool, harness.raw, definition);
      targets.push(await openTarget(harness.pool, definition, state.live_generation!, "live"));
    }
    const compare = (a: string, b: string) => harness.store.comparePositions(a, b);
    await harness.store.append(
      "counter-a",
      [counterEvent("CounterIncremented", { counter: "a", by: 1 })],
      "any",
    );
    const first = await harness.store.readAll();
    await applyBatch(harness.pool, counterCatalogue, targets, first, compare);
    const checkpoints = () =>
      harness.pool.anyFirst(
        sql.type(
          z.object({ position: z.string() }),
        )`select position from projection_checkpoints order by name`,
      );
    expect(await checkpoints()).toEqual([first[0]!.position, first[0]!.position]);
    // Another runner moved the log's checkpoint on: this one's batch must not land at all.
    await harness.pool.query(
      sql.unsafe`update projection_checkpoints set position = 'elsewhere' where name = ${counterLogProjection.name}`,
    );
    await harness.store.append(
      "counter-a",
      [counterEvent("CounterIncremented", { counter: "a", by: 1 })],
      "any",
    );
    const second = await harness.store.readAll({ after: first[0]!.position });
    await expect(applyBatch(harness.pool, counterCatalogue, targets, second, compare)).rejects.toMatchObject({
      name: "CheckpointMovedError",
      message: expect.stringContaining(counterLogProjection.name),
    });
    expect(await checkpoints()).toContain(first[0]!.position);
    expect(await counters(harness)).toEqual([{ id: "a", total: 1, increments: 1 }]);
  });
});

const counters = (harness: CoreHarness) =>
  harness.pool.any(sql.type(counterRow)`select id, total, increments from rm.counters order by id`);
