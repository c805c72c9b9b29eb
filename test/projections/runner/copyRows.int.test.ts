import pg from "pg";
import { createPool, type DatabasePool } from "slonik";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeCopying } from "../../../projections/runner/copyRows.ts";
import type { Row } from "../../../projections/runner/projection.ts";
import { type SealedWrites, sendWrites } from "../../../projections/runner/rowWrites.ts";
import { loadTablePlans, type TablePlan } from "../../../projections/runner/tablePlans.ts";
import { createTestDatabase, type TestDatabase } from "../../support/testDatabase.ts";

const COLUMNS = `stream_id text not null, seq int not null, text text, meta jsonb not null,
  at timestamptz not null, done boolean, primary key (stream_id, seq)`;

const row = (stream: string, seq: number, text: string | null, extra: Row = {}): Row => ({
  stream_id: stream,
  seq,
  text,
  meta: { seq, tags: [text] },
  at: "2025-01-06T08:00:00.000Z",
  done: seq % 2 === 0,
  ...extra,
});

/** The same batch written as the live projector writes it and as a rebuild does, into two schemas. */
describe("a rebuild's copying write", () => {
  let database: TestDatabase;
  let raw: pg.Pool;
  let pool: DatabasePool;
  const plans: Record<string, TablePlan> = {};

  beforeAll(async () => {
    database = await createTestDatabase();
    raw = new pg.Pool({ connectionString: database.url, max: 2 });
    pool = await createPool(database.url, { maximumPoolSize: 2 });
    for (const schema of ["upserted", "copied"]) {
      await raw.query(`create schema ${schema}; create table ${schema}.steps (${COLUMNS})`);
      const definition = { name: "steps", columns: COLUMNS, primaryKey: ["stream_id", "seq"] };
      plans[schema] = (await loadTablePlans(pool, schema, [definition]))[0]!;
    }
  });
  afterAll(async () => {
    await pool.end();
    await raw.end();
    await database.drop();
  });

  const batch = (schema: string, writes: Omit<SealedWrites["tables"][number], "plan">) => ({
    schema,
    sweeps: [],
    tables: [{ plan: plans[schema]!, ...writes }],
  });

  async function writeBoth(writes: Omit<SealedWrites["tables"][number], "plan">): Promise<void> {
    await pool.transaction((tx) => sendWrites(tx, batch("upserted", writes)));
    const client = await raw.connect();
    try {
      await client.query("begin");
      await writeCopying(client, batch("copied", writes));
      await client.query("commit");
    } finally {
      client.release();
    }
  }

  const contents = async (schema: string) =>
    (await raw.query(`select to_jsonb(t) as row from ${schema}.steps t order by stream_id, seq`)).rows;

  it("leaves the same rows as upserts when rows written before are changed, deleted and added to", async () => {
    await writeBoth({
      deleted: [],
      written: [],
      added: [row("s-b", 1, "one"), row("s-a", 1, "first"), row("s-a", 2, "tab\there"), row("s-b", 2, "two")],
    });
    await writeBoth({
      deleted: [{ stream_id: "s-b", seq: 2 }],
      written: [
        row("s-a", 1, "first, edited", { done: null, meta: { edited: true } }),
        row("s-b", 1, null, { at: "2025-01-07T09:30:00+02:00" }),
        row("s-c", 5, "written but never stored"),
      ],
      added: [row("s-a", 3, "three")],
    });

    const copied = await contents("copied");
    expect(copied).toEqual(await contents("upserted"));
    expect(copied.map((r) => [r.row.stream_id, r.row.seq, r.row.text])).toEqual([
      ["s-a", 1, "first, edited"],
      ["s-a", 2, "tab\there"],
      ["s-a", 3, "three"],
      ["s-b", 1, null],
      ["s-c", 5, "written but never stored"],
    ]);
  });
});
