import pg from "pg";
import { createPool, type DatabasePool } from "slonik";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeCopying } from "../../../projections/runner/copyRows.ts";
import type { Row } from "../../../projections/runner/projection.ts";
import { type SealedWrites, sendWrites } from "../../../projections/runner/rowWrites.ts";
import { loadTablePlans, type TablePlan } from "../../../projections/runner/tablePlans.ts";
import { transactionOn } from "../../../src/adapters/postgres/pgTransaction.ts";
import { createTestDatabase, type TestDatabase } from "../../support/testDatabase.ts";

const COLUMNS = `stream_id text not null, seq int not null, text text, meta jsonb not null,
  at timestamptz not null, done boolean, big bigint, score float8, doc json, primary key (stream_id, seq)`;

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

  /** Writes both ways; returns the COPY statements the rebuild's way ran. */
  async function writeBoth(writes: Omit<SealedWrites["tables"][number], "plan">): Promise<string[]> {
    await pool.transaction((tx) => sendWrites(tx, batch("upserted", writes)));
    const client = await raw.connect();
    const copies: string[] = [];
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((...args: unknown[]) => {
      const text = (args[0] as { text?: unknown }).text;
      if (typeof text === "string" && text.startsWith("copy")) copies.push(text);
      return query(...args);
    }) as typeof client.query;
    try {
      await transactionOn(client, (copying) => writeCopying(copying, batch("copied", writes)));
    } finally {
      client.query = query as typeof client.query;
      client.release();
    }
    return copies;
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

  it("stores what upserts store from every kind of value binary COPY takes, and from those it leaves to text", async () => {
    const values: Row[] = [
      {
        text: 42,
        score: -0,
        big: 2 ** 53 - 1,
        doc: { a: [1, "ü"] },
        at: new Date(Date.UTC(1969, 6, 20, 20, 17)),
      },
      { text: "añb", done: true },
      { text: true, score: 0.1 + 0.2, big: -5, doc: "plain", at: "1000-01-01T00:00:00.000Z" },
      {
        text: { note: "an object" },
        score: 1e300,
        meta: { deep: { "🙂": null } },
        at: "2024-02-29T12:00:00.500Z",
      },
      { text: "tab\t, backslash \\ and 中文 🙂", score: Number.NaN, done: null },
      // From here on the rows go as text: a time with an offset, one hour 24, a count as a string.
      { at: "2025-01-07T09:30:00+02:00" },
      { at: "2025-01-06T24:00:00Z", seq: 7 },
      { text: "after", big: "12", at: "0999-12-31T23:59:59.999Z" },
    ];
    const added = values.map((extra, i) => row("s-t", 10 + i, "text", extra));
    const copies = await writeBoth({ deleted: [], written: [], added });
    expect(copies.map((c) => c.endsWith("(format binary)"))).toEqual([true, false]);
    const copied = await contents("copied");
    expect(copied).toEqual(await contents("upserted"));
    expect(copied.filter((r) => r.row.stream_id === "s-t")).toHaveLength(values.length);
  });
});
