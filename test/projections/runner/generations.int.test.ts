import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { finishTable } from "../../../projections/runner/finishTables.ts";
import { createGeneration, schemaFor } from "../../../projections/runner/generations.ts";
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

  it("are finished all at once or not at all: primary key, indexes, autovacuum and statistics", async () => {
    await createGeneration(harness.raw, counterLogProjection, 7, { deferIndexes: true });
    const schema = schemaFor(counterLogProjection.name, 7);
    const [plan] = await loadTablePlans(harness.pool, schema, counterLogProjection.tables);
    const broken = { ...plan!, definition: { ...plan!.definition, statistics: ["no_such_column"] } };
    await expect(finishTable(harness.raw, { schema, plan: broken, bytes: 0 })).rejects.toThrow();
    // The table stays as built, so the next finish starts from the beginning.
    for (const table of await options(schema)) expect(table.options).toEqual(["autovacuum_enabled=false"]);
    const indexes = await harness.raw.query("select indexname from pg_indexes where schemaname = $1", [
      schema,
    ]);
    expect(indexes.rows).toEqual([]);

    await finishTable(harness.raw, { schema, plan: plan!, bytes: 0 });
    for (const table of await options(schema)) expect(table.options).toBeNull();
    const finished = await harness.raw.query("select indexname from pg_indexes where schemaname = $1", [
      schema,
    ]);
    expect(finished.rows.map((r) => r.indexname).sort()).toEqual(["counter_log_i0", "counter_log_pkey"]);
    const key = await harness.raw.query(
      `select pg_get_constraintdef(oid) as definition from pg_constraint where conname = 'counter_log_pkey'
       and connamespace = $1::regnamespace`,
      [schema],
    );
    expect(key.rows).toEqual([{ definition: "PRIMARY KEY (event_id)" }]);
  });

  it("made live without a build have autovacuum from the start", async () => {
    await createGeneration(harness.raw, counterLogProjection, 1);
    for (const table of await options(schemaFor(counterLogProjection.name, 1)))
      expect(table.options).toBeNull();
  });
});
