import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DeferredKeys, KEYLESS_ROWS } from "../../../projections/runner/deferredKeys.ts";
import { createGeneration, schemaFor } from "../../../projections/runner/generations.ts";
import type { Row } from "../../../projections/runner/projection.ts";
import { loadTablePlans, type TablePlan } from "../../../projections/runner/tablePlans.ts";
import { type CoreHarness, startCoreHarness } from "../../support/coreHarness.ts";
import { countersProjection } from "./counterProjections.ts";

describe("a fresh build's deferred primary keys", () => {
  let harness: CoreHarness;
  beforeAll(async () => {
    harness = await startCoreHarness();
  });
  afterAll(async () => {
    await harness.close();
  });

  const keyed = async (schema: string) =>
    (
      await harness.raw.query<{ table: string }>(
        `select c.relname as table from pg_index i join pg_class c on c.oid = i.indrelid
         join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and i.indisprimary`,
        [schema],
      )
    ).rows.map((r) => r.table);

  async function building(
    generation: number,
  ): Promise<{ schema: string; plan: TablePlan; keys: DeferredKeys }> {
    await createGeneration(harness.raw, countersProjection, generation, { deferIndexes: true });
    const schema = schemaFor(countersProjection.name, generation);
    const [plan] = await loadTablePlans(harness.pool, schema, countersProjection.tables);
    return { schema, plan: plan!, keys: new DeferredKeys(harness.raw, schema, countersProjection.tables) };
  }

  const rows = (count: number): Row[] =>
    Array.from({ length: count }, (_, i) => ({ id: `c${i}`, total: i, increments: 1 }));

  it("are added when first needed, once, under the name create table gives them", async () => {
    const { schema, keys } = await building(1);
    expect(await keyed(schema)).toEqual([]);
    expect(keys.deferred).toBe(true);
    await Promise.all([keys.ensure(), keys.ensure()]);
    expect(keys.deferred).toBe(false);
    expect(await keyed(schema)).toEqual(["counters"]);
    await keys.ensure();
    const names = await harness.raw.query("select indexname from pg_indexes where schemaname = $1", [schema]);
    expect(names.rows).toEqual([{ indexname: "counters_pkey" }]);
  });

  it("are added before a write that replaces rows of a table grown past the keyless limit, not before", async () => {
    const { schema, plan, keys } = await building(2);
    const writes = (added: Row[], written: Row[]) => ({
      schema,
      sweeps: [],
      tables: [{ plan, deleted: [], written, added }],
    });
    await keys.beforeWrite(writes(rows(KEYLESS_ROWS), []));
    await keys.beforeWrite(writes([], rows(10)));
    // Appending only never needs the key, however large the table grows.
    await keys.beforeWrite(writes(rows(10), []));
    expect(await keyed(schema)).toEqual([]);
    await keys.beforeWrite(writes([], rows(1)));
    expect(await keyed(schema)).toEqual(["counters"]);
  });
});
