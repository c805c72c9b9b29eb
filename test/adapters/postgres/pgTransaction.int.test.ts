import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "../../../src/adapters/postgres/pgTransaction.ts";
import { createTestDatabase, type TestDatabase } from "../../support/testDatabase.ts";

let database: TestDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  pool.on("error", () => {});
  await pool.query("create table notes (id int primary key)");
});

afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

const notes = async () =>
  (await pool.query<{ id: number }>("select id from notes order by id")).rows.map((r) => r.id);

describe("a transaction on PostgreSQL", () => {
  it("commits every statement of the work together", async () => {
    await inTransaction(pool, async (client) => {
      await client.query("insert into notes values (1)");
      await client.query("insert into notes values (2)");
    });
    expect(await notes()).toEqual([1, 2]);
  });

  it("keeps none of the work's statements when it throws, and the pool stays usable", async () => {
    await expect(
      inTransaction(pool, async (client) => {
        await client.query("insert into notes values (3)");
        await client.query("insert into notes values (1)");
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await notes()).toEqual([1, 2]);
    expect(
      await inTransaction(pool, async (client) => (await client.query("select 1 as one")).rows[0]),
    ).toEqual({
      one: 1,
    });
  });
});
