import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BatchRowStore } from "../../../projections/runner/batchRowStore.ts";
import { runStatement, writeCopying } from "../../../projections/runner/copyRows.ts";
import { finishTable } from "../../../projections/runner/finishTables.ts";
import { createGeneration, schemaFor } from "../../../projections/runner/generations.ts";
import { tablesWithoutKey } from "../../../projections/runner/primaryKeys.ts";
import { loadTablePlans } from "../../../projections/runner/tablePlans.ts";
import { type CoreHarness, startCoreHarness } from "../../support/coreHarness.ts";
import { countersProjection } from "./counterProjections.ts";

describe("a build whose row cache no longer knows every row", () => {
  let harness: CoreHarness;
  beforeAll(async () => {
    harness = await startCoreHarness();
  });
  afterAll(async () => {
    await harness.close();
  });

  async function buildStore(generation: number, options: { cacheSize: number; startsEmpty: boolean }) {
    await createGeneration(harness.raw, countersProjection, generation, { deferIndexes: true });
    const schema = schemaFor(countersProjection.name, generation);
    const plans = await loadTablePlans(harness.pool, schema, countersProjection.tables);
    const unkeyed = await tablesWithoutKey(harness.pool, schema);
    const rows = new BatchRowStore(schema, plans, { ...options, unkeyed });
    const write = async () => {
      rows.seal();
      const client = await harness.raw.connect();
      try {
        await client.query("begin");
        for (const statement of rows.keysForWrites()) await runStatement(client, statement);
        await writeCopying(client, rows.sealedWrites());
        await client.query("commit");
      } finally {
        client.release();
      }
      rows.commit();
    };
    return { schema, plans, rows, write };
  }

  it("adds the primary keys with its next write, and reads dropped rows back by key", async () => {
    const { schema, rows, write } = await buildStore(1, { cacheSize: 2, startsEmpty: true });

    rows.begin(harness.pool);
    for (const id of ["a", "b", "c"]) rows.put("counters", { id, total: 1, increments: 1 });
    expect(rows.keysForWrites()).toEqual([]);
    await write();
    expect(await tablesWithoutKey(harness.pool, schema)).toEqual(new Set(["counters"]));

    // Three rows in a cache of two: some were dropped, so rows may be stored that it does not hold.
    rows.begin(harness.pool);
    rows.put("counters", { id: "a", total: 5, increments: 5 });
    rows.put("counters", { id: "d", total: 1, increments: 1 });
    rows.seal();
    expect(rows.keysForWrites()).toHaveLength(1);
    rows.discard();
    rows.begin(harness.pool);
    rows.put("counters", { id: "a", total: 5, increments: 5 });
    rows.put("counters", { id: "d", total: 1, increments: 1 });
    await write();
    expect(await tablesWithoutKey(harness.pool, schema)).toEqual(new Set());

    rows.begin(harness.pool);
    for (const id of ["b", "c"]) {
      const row = await rows.get("counters", { id });
      rows.put("counters", { id, total: (row!.total as number) + 1, increments: 2 });
    }
    await write();
    const stored = await harness.raw.query(`select * from ${schema}.counters order by id`);
    expect(stored.rows).toEqual([
      { id: "a", total: 5, increments: 5 },
      { id: "b", total: 2, increments: 2 },
      { id: "c", total: 2, increments: 2 },
      { id: "d", total: 1, increments: 1 },
    ]);
  });

  it("writes on after its tables were finished with their keys", async () => {
    const { schema, plans, rows, write } = await buildStore(2, { cacheSize: 2, startsEmpty: false });
    for (const plan of plans) await finishTable(harness.raw, { schema, plan, bytes: 0 });
    rows.keysAdded();
    rows.begin(harness.pool);
    rows.put("counters", { id: "a", total: 1, increments: 1 });
    await write();
    const stored = await harness.raw.query(`select * from ${schema}.counters`);
    expect(stored.rows).toEqual([{ id: "a", total: 1, increments: 1 }]);
  });
});
