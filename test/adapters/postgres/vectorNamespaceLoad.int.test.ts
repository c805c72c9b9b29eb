import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../../src/adapters/postgres/migrations.ts";
import { PostgresVectorIndex } from "../../../src/adapters/postgres/postgresVectorIndex.ts";
import { vectorIndexMigrations } from "../../../src/adapters/postgres/vectorIndexMigrations.ts";
import { createTestDatabase, type TestDatabase } from "../../support/testDatabase.ts";
import { CONTRACT_DIMENSIONS, seededVector } from "../../support/vectorIndexContract.ts";

describe("a namespace loaded a few records at a time", () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new pg.Pool({ connectionString: database.url, max: 4 });
    await migrate(pool, vectorIndexMigrations);
  });
  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  const record = (id: string, seed: number, kind: string) => ({
    id,
    values: seededVector(seed),
    metadata: { kind, seed },
  });

  it("answers as the same namespace loaded at once, with queries and filtered queries overlapping", async () => {
    const reader = new PostgresVectorIndex(pool, { dimensions: CONTRACT_DIMENSIONS });
    const writer = new PostgresVectorIndex(pool, { dimensions: CONTRACT_DIMENSIONS });
    const ns = `grown-${randomUUID()}`;
    const everything = (index: PostgresVectorIndex, seed: number) =>
      index.query(ns, { vector: seededVector(seed), topK: 100 });
    for (let i = 0; i < 40; i++) {
      const changes = [record(`r${i}`, i, i % 2 ? "fact" : "summary")];
      // Now and then a record written before changes its vector and metadata.
      if (i % 7 === 6) changes.push(record(`r${i - 5}`, 1_000 + i, "fact"));
      await writer.upsert(ns, changes);
      await Promise.all([
        everything(reader, i),
        reader.query(ns, { vector: seededVector(i), topK: 5, filter: { kind: { $eq: "fact" } } }),
        everything(reader, i + 1),
      ]);
    }
    for (const seed of [3, 17, 1_006]) {
      const fresh = new PostgresVectorIndex(pool, { dimensions: CONTRACT_DIMENSIONS });
      expect(await everything(reader, seed)).toEqual(await everything(fresh, seed));
    }
    expect((await everything(reader, 1)).length).toBe(40);
  });
});
