import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BatchRowStore } from "../../../projections/runner/batchRowStore.ts";
import { finishTable } from "../../../projections/runner/finishTables.ts";
import { createGeneration, schemaFor } from "../../../projections/runner/generations.ts";
import { tablesWithoutKey } from "../../../projections/runner/primaryKeys.ts";
import { loadTablePlans } from "../../../projections/runner/tablePlans.ts";
import { type CoreHarness, startCoreHarness } from "../../support/coreHarness.ts";
import { counterLogProjection, countersProjection } from "./counterProjections.ts";

describe("a generation's tables", () => {
  let harness: CoreHarness;
  beforeAll(async () => {
    harness = await startCoreHarness();
  });
  afterAll(async () => {
    await harness.close();
  });

  const options = async (schema: string) =>
    (
      await harness.raw.query<{ table: string; options: string[] | null }>(
        `select c.relname as table, c.reloptions as options from pg_class c
         join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relkind = 'r' order by 1`,
        [schema],
      )
    ).rows;

  it("are left alone by autovacuum while being built, and as any other table once finished", async () => {
    await createGeneration(harness.raw, countersProjection, 1, { deferIndexes: true });
    const schema = schemaFor(countersProjection.name, 1);
    const building = await options(schema);
    expect(building.length).toBeGreaterThan(0);
    for (const table of building) expect(table.options).toEqual(["autovacuum_enabled=false"]);

    for (const plan of await loadTablePlans(harness.pool, schema, countersProjection.tables))
      await finishTable(harness.raw, { schema, plan, bytes: 0 });
    for (const table of await options(schema)) expect(table.options).toBeNull();
  });

  it("get their primary keys once built, and keep them when finished again", async () => {
    await createGeneration(harness.raw, countersProjection, 2, { deferIndexes: true });
    const schema = schemaFor(countersProjection.name, 2);
    expect(await tablesWithoutKey(harness.pool, schema)).toEqual(new Set(["counters"]));

    await harness.raw.query(`insert into ${schema}.counters values ('a', 1, 1), ('b', 2, 1)`);
    const plans = await loadTablePlans(harness.pool, schema, countersProjection.tables);
    for (let finish = 0; finish < 2; finish++)
      for (const plan of plans) await finishTable(harness.raw, { schema, plan, bytes: 0 });
    expect(await tablesWithoutKey(harness.pool, schema)).toEqual(new Set());
    await expect(harness.raw.query(`insert into ${schema}.counters values ('a', 3, 1)`)).rejects.toThrow(
      /duplicate key/,
    );
  });

  it("being built get a primary key before a row is read from them or replaced by key", async () => {
    await createGeneration(harness.raw, countersProjection, 3, { deferIndexes: true });
    const schema = schemaFor(countersProjection.name, 3);
    await harness.raw.query(`insert into ${schema}.counters values ('a', 1, 1)`);
    const plans = await loadTablePlans(harness.pool, schema, countersProjection.tables);
    const unkeyed = await tablesWithoutKey(harness.pool, schema);

    // A cache that does not know every row (a resumed build) reads the row from the table.
    const loading = new BatchRowStore(schema, plans, { startsEmpty: false, unkeyed });
    loading.begin(harness.pool);
    expect(await loading.get("counters", { id: "a" })).toEqual({ id: "a", total: 1, increments: 1 });
    expect(await tablesWithoutKey(harness.pool, schema)).toEqual(new Set());

    await createGeneration(harness.raw, countersProjection, 4, { deferIndexes: true });
    const fresh = schemaFor(countersProjection.name, 4);
    const upserting = new BatchRowStore(fresh, plans, {
      startsEmpty: false,
      unkeyed: await tablesWithoutKey(harness.pool, fresh),
    });
    upserting.begin(harness.pool);
    upserting.put("counters", { id: "a", total: 2, increments: 2 });
    upserting.seal();
    // Rows copied into a table without its key go in as they come: no index to spare.
    expect(upserting.sealedWrites().tables[0]!.keyed).toBe(false);
    await harness.pool.transaction((tx) => upserting.sendSealed(tx));
    upserting.commit();
    expect(await tablesWithoutKey(harness.pool, fresh)).toEqual(new Set());
  });

  it("made live without a build have autovacuum from the start", async () => {
    await createGeneration(harness.raw, counterLogProjection, 1);
    for (const table of await options(schemaFor(counterLogProjection.name, 1)))
      expect(table.options).toBeNull();
  });
});
