import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { migrate } from "../../../src/adapters/postgres/migrations.ts";
import { PostgresVectorIndex } from "../../../src/adapters/postgres/postgresVectorIndex.ts";
import { vectorIndexMigrations } from "../../../src/adapters/postgres/vectorIndexMigrations.ts";
import { eventually } from "../../support/coreHarness.ts";
import { createTestDatabase, type TestDatabase, testServers } from "../../support/testDatabase.ts";
import {
  CONTRACT_DIMENSIONS,
  describeVectorIndexContract,
  seededVector,
} from "../../support/vectorIndexContract.ts";

/** `pool.end()` resolves before its connections have closed; wait for them before dropping the database. */
async function endPool(pool: pg.Pool): Promise<void> {
  let open = pool.totalCount;
  const closed = new Promise<void>((resolve) => {
    if (open === 0) resolve();
    pool.on("remove", () => {
      if (--open === 0) resolve();
    });
  });
  await pool.end();
  await closed;
}

for (const server of testServers()) {
  describeVectorIndexContract(`PostgreSQL (${server.label})`, async () => {
    const database = await createTestDatabase(server.url);
    const pool = new pg.Pool({ connectionString: database.url, max: 4 });
    await migrate(pool, vectorIndexMigrations);
    return {
      index: new PostgresVectorIndex(pool, { dimensions: CONTRACT_DIMENSIONS }),
      cleanup: async () => {
        await endPool(pool);
        await database.drop();
      },
    };
  });
}

describe("PostgresVectorIndex", () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new pg.Pool({ connectionString: database.url, max: 4 });
    expect(await migrate(pool, vectorIndexMigrations)).toEqual([
      "vectors/0001-records",
      "vectors/0002-row-versions",
    ]);
  });
  afterAll(async () => {
    await endPool(pool);
    await database.drop();
  });

  const record = (id: string, seed: number, metadata = {}) => ({ id, values: seededVector(seed), metadata });

  it("applies its migrations once", async () => {
    expect(await migrate(pool, vectorIndexMigrations)).toEqual([]);
  });

  it("writes more records than one statement takes all together, or none of them", async () => {
    const index = new PostgresVectorIndex(pool, { dimensions: CONTRACT_DIMENSIONS });
    const ns = `many-${randomUUID()}`;
    const many = Array.from({ length: 1_200 }, (_, i) => record(`r${i}`, i));
    await index.upsert(ns, many);
    const count = async () =>
      (
        await pool.query<{ n: number }>(
          "select count(*)::int as n from vector_records where namespace = $1",
          [ns],
        )
      ).rows[0]!.n;
    expect(await count()).toBe(1_200);
    const broken = [
      ...many.slice(0, 600).map((r) => ({ ...r, id: `again-${r.id}` })),
      record("bad", 1, { nul: "\u0000" }),
    ];
    broken.push(...many.slice(600, 1_000).map((r) => ({ ...r, id: `again-${r.id}` })));
    await expect(index.upsert(ns, broken)).rejects.toThrow();
    expect(await count()).toBe(1_200);
  });

  it("sees writes made by another process after it cached the namespace", async () => {
    const reader = new PostgresVectorIndex(pool, { dimensions: CONTRACT_DIMENSIONS });
    const writer = new PostgresVectorIndex(pool, { dimensions: CONTRACT_DIMENSIONS });
    const ns = `cache-${randomUUID()}`;
    const query = { vector: seededVector(1), topK: 5 };
    await writer.upsert(ns, [record("a", 1), record("b", 2)]);
    expect((await reader.query(ns, query)).map((m) => m.id)).toEqual(["a", "b"]);

    await writer.upsert(ns, [record("b", 3, { moved: true })]);
    expect((await reader.query(ns, query)).find((m) => m.id === "b")!.metadata).toEqual({ moved: true });
    await writer.delete(ns, ["a"]);
    expect((await reader.query(ns, query)).map((m) => m.id)).toEqual(["b"]);
    await writer.deleteNamespace(ns);
    expect(await reader.query(ns, query)).toEqual([]);
    await writer.upsert(ns, [record("c", 3)]);
    expect((await reader.query(ns, query)).map((m) => m.id)).toEqual(["c"]);
  });

  it("searches a namespace it found unchanged within the time a query accepts without asking again, and sees its own writes at once", async () => {
    const reader = new PostgresVectorIndex(pool, { dimensions: CONTRACT_DIMENSIONS });
    const writer = new PostgresVectorIndex(pool, { dimensions: CONTRACT_DIMENSIONS });
    const ns = `fresh-${randomUUID()}`;
    const fresh = { vector: seededVector(1), topK: 5, freshWithinMs: 60_000 };
    expect(await reader.query(ns, fresh)).toEqual([]);
    await writer.upsert(ns, [record("a", 1)]);
    // Another process's write waits for the time the query accepts, or for a query that accepts none.
    expect(await reader.query(ns, fresh)).toEqual([]);
    expect((await reader.query(ns, { ...fresh, freshWithinMs: undefined })).map((m) => m.id)).toEqual(["a"]);
    await writer.upsert(ns, [record("b", 2)]);
    expect((await reader.query(ns, fresh)).map((m) => m.id)).toEqual(["a"]);
    await reader.upsert(ns, [record("c", 3)]);
    expect((await reader.query(ns, fresh)).map((m) => m.id).sort()).toEqual(["a", "b", "c"]);
    await reader.deleteNamespace(ns);
    expect(await reader.query(ns, fresh)).toEqual([]);
  });

  it("warms a namespace up so a query soon after searches what the warm-up found, and a query meanwhile waits for it", async () => {
    const reader = new PostgresVectorIndex(pool, { dimensions: CONTRACT_DIMENSIONS });
    const writer = new PostgresVectorIndex(pool, { dimensions: CONTRACT_DIMENSIONS });
    const ns = `warm-${randomUUID()}`;
    const fresh = { vector: seededVector(1), topK: 5, freshWithinMs: 60_000 };
    await writer.upsert(ns, [record("a", 1)]);
    const versionChecks = vi.spyOn(pool, "query");
    const asked = () =>
      versionChecks.mock.calls.filter(([sql]) => String(sql).includes("reset_version::text as reset_version"))
        .length;
    const warming = reader.warmUp(ns);
    const searched = reader.query(ns, fresh);
    await warming;
    expect((await searched).map((m) => m.id)).toEqual(["a"]);
    expect(asked()).toBe(1);
    // Another process's write waits for the time the query accepts, as after a query.
    await writer.upsert(ns, [record("b", 2)]);
    await reader.warmUp(ns, { freshWithinMs: 60_000 });
    expect(asked()).toBe(1);
    expect((await reader.query(ns, fresh)).map((m) => m.id)).toEqual(["a"]);
    await reader.warmUp(ns);
    expect(asked()).toBe(2);
    expect((await reader.query(ns, fresh)).map((m) => m.id)).toEqual(["a", "b"]);
    expect(asked()).toBe(2);
    versionChecks.mockRestore();
  });

  it("brings a namespace it holds forward after its own writes, so the next query reads nothing", async () => {
    const index = new PostgresVectorIndex(pool, { dimensions: CONTRACT_DIMENSIONS });
    const ns = `own-${randomUUID()}`;
    const fresh = { vector: seededVector(1), topK: 5, freshWithinMs: 60_000 };
    await index.upsert(ns, [record("a", 1)]);
    expect((await index.query(ns, fresh)).map((m) => m.id)).toEqual(["a"]);
    const queries = vi.spyOn(pool, "query");
    const loads = () =>
      queries.mock.calls.filter(([sql]) => String(sql).includes("select id, vector, metadata from")).length;
    await index.upsert(ns, [record("b", 2)]);
    await eventually(async () => loads() === 1);
    await index.warmUp(ns, { freshWithinMs: 60_000 });
    const asked = queries.mock.calls.length;
    expect((await index.query(ns, fresh)).map((m) => m.id).sort()).toEqual(["a", "b"]);
    expect(queries.mock.calls.length).toBe(asked);
    // A namespace it does not hold is left to whoever asks for it.
    await index.upsert(`other-${randomUUID()}`, [record("c", 3)]);
    expect(loads()).toBe(1);
    queries.mockRestore();
  });

  it("never fails a warm-up: a name it refuses or a failing database leave it to the query", async () => {
    const failing = new PostgresVectorIndex(
      { query: () => Promise.reject(new Error("down")) } as unknown as pg.Pool,
      { dimensions: CONTRACT_DIMENSIONS },
    );
    await expect(failing.warmUp(`down-${randomUUID()}`)).resolves.toBeUndefined();
    await expect(failing.warmUp("")).resolves.toBeUndefined();
    await expect(failing.query(`down-${randomUUID()}`, { vector: seededVector(1), topK: 1 })).rejects.toThrow(
      "down",
    );
  });

  it("reads only the records written since its cache, until a delete makes it read them all", async () => {
    const readerPool = new pg.Pool({ connectionString: database.url, max: 2 });
    const loadedRows: number[] = [];
    const query = readerPool.query.bind(readerPool) as (...args: unknown[]) => Promise<pg.QueryResult>;
    (readerPool as { query: unknown }).query = async (...args: unknown[]) => {
      const result = await query(...args);
      if (String(args[0]).startsWith("select id, vector, metadata")) loadedRows.push(result.rowCount ?? 0);
      return result;
    };
    try {
      const reader = new PostgresVectorIndex(readerPool, { dimensions: CONTRACT_DIMENSIONS });
      const writer = new PostgresVectorIndex(pool, { dimensions: CONTRACT_DIMENSIONS });
      const ns = `since-${randomUUID()}`;
      await writer.upsert(
        ns,
        Array.from({ length: 50 }, (_, i) => record(`r${i}`, i + 10)),
      );
      const best = async (seed: number) =>
        (await reader.query(ns, { vector: seededVector(seed), topK: 1 }))[0]?.id;
      expect(await best(15)).toBe("r5");

      await writer.upsert(ns, [record("r7", 99, { moved: true }), record("new", 98)]);
      expect(await best(99)).toBe("r7");
      expect(await best(98)).toBe("new");
      expect(await best(17)).not.toBe("r7");
      await writer.delete(ns, ["r5"]);
      expect(await best(15)).not.toBe("r5");
      expect((await reader.query(ns, { vector: seededVector(1), topK: 100 })).length).toBe(50);
      expect(loadedRows).toEqual([50, 2, 50]);
    } finally {
      await endPool(readerPool);
    }
  });

  it("writes more records than fit in one statement, all or nothing", async () => {
    const index = new PostgresVectorIndex(pool, { dimensions: CONTRACT_DIMENSIONS });
    const ns = `bulk-${randomUUID()}`;
    await index.upsert(
      ns,
      Array.from({ length: 1_234 }, (_, i) => record(`r${i}`, i + 1)),
    );
    const { rows } = await pool.query("select count(*)::int as n from vector_records where namespace = $1", [
      ns,
    ]);
    expect(rows[0].n).toBe(1_234);

    const failing = Array.from({ length: 800 }, (_, i) => record(`new${i}`, i + 1));
    await pool.query(
      "create function refuse_last() returns trigger language plpgsql as $$ begin if new.id = 'new799' then raise exception 'refused'; end if; return new; end $$",
    );
    await pool.query(
      "create trigger refuse_last before insert on vector_records for each row execute function refuse_last()",
    );
    try {
      await expect(index.upsert(ns, failing)).rejects.toThrow(/refused/);
    } finally {
      await pool.query("drop trigger refuse_last on vector_records");
    }
    const after = await pool.query("select count(*)::int as n from vector_records where namespace = $1", [
      ns,
    ]);
    expect(after.rows[0].n).toBe(1_234);
  });

  it("says so when a namespace holds vectors of another size", async () => {
    const ns = `resized-${randomUUID()}`;
    await new PostgresVectorIndex(pool, { dimensions: CONTRACT_DIMENSIONS }).upsert(ns, [record("a", 1)]);
    const smaller = new PostgresVectorIndex(pool, { dimensions: 4 });
    await expect(smaller.query(ns, { vector: [1, 0, 0, 0], topK: 1 })).rejects.toThrow(/rebuild/);
  });

  it("stores metadata as jsonb that SQL can read", async () => {
    const index = new PostgresVectorIndex(pool, { dimensions: CONTRACT_DIMENSIONS });
    const ns = `sql-${randomUUID()}`;
    await index.upsert(ns, [record("a", 1, { eventId: "e-1", tags: ["x"] })]);
    const { rows } = await pool.query(
      "select metadata->>'eventId' as event, length(vector) as bytes from vector_records where namespace = $1",
      [ns],
    );
    expect(rows).toEqual([{ event: "e-1", bytes: CONTRACT_DIMENSIONS * 4 }]);
  });
});
