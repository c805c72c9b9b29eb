import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataKeyMigrations } from "../../../src/adapters/postgres/dataKeyMigrations.ts";
import { migrate } from "../../../src/adapters/postgres/migrations.ts";
import {
  MasterKeyMismatchError,
  PostgresDataKeyStore,
} from "../../../src/adapters/postgres/postgresDataKeyStore.ts";
import { MasterKey } from "../../../src/application/privacy/masterKey.ts";
import { SubjectErasedError } from "../../../src/ports/dataKeys.ts";
import { createTestDatabase, type TestDatabase } from "../../support/testDatabase.ts";

let database: TestDatabase;
let pool: pg.Pool;
const master = MasterKey.generate();

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 8 });
  pool.on("error", () => {});
  await migrate(pool, dataKeyMigrations);
});

afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

describe("data keys in PostgreSQL", () => {
  it("makes a key at first use and gives the same one back, in this process or another", async () => {
    const keys = new PostgresDataKeyStore(pool, master);
    const key = await keys.keyFor("person-a");
    expect(key.material).toHaveLength(32);
    expect((await keys.keyFor("person-a")).material).toEqual(key.material);
    const elsewhere = new PostgresDataKeyStore(pool, master);
    expect((await elsewhere.keyFor("person-a")).material).toEqual(key.material);
    const standings = await elsewhere.standings(["person-a", "person-none"]);
    expect(standings.get("person-a")).toMatchObject({ state: "key", key: { material: key.material } });
    expect(standings.get("person-none")).toEqual({ state: "none" });
  });

  it("stores keys only wrapped, never the key itself", async () => {
    const keys = new PostgresDataKeyStore(pool, master);
    const key = await keys.keyFor("person-b");
    const { rows } = await pool.query<{ wrapped_key: Buffer; master_key_id: string }>(
      "select wrapped_key, master_key_id from withme_data_keys where subject_id = 'person-b'",
    );
    expect(rows[0]!.master_key_id).toBe(master.id);
    expect(rows[0]!.wrapped_key.includes(Buffer.from(key.material))).toBe(false);
    const dump = await pool.query<{ text: string }>(
      "select encode(wrapped_key, 'hex') as text from withme_data_keys",
    );
    expect(dump.rows.map((r) => r.text).join()).not.toContain(Buffer.from(key.material).toString("hex"));
  });

  it("gives one key to many first uses at once, across processes", async () => {
    const stores = Array.from({ length: 4 }, () => new PostgresDataKeyStore(pool, master));
    const made = await Promise.all(
      stores.flatMap((store) => [store.keyFor("person-c"), store.keyFor("person-c")]),
    );
    expect(new Set(made.map((key) => Buffer.from(key.material).toString("hex"))).size).toBe(1);
  });

  it("destroys a key for good: deleted, a tombstone with the time, and no new key ever", async () => {
    const keys = new PostgresDataKeyStore(pool, master);
    await keys.keyFor("person-d");
    const erasedAt = new Date("2025-06-01T12:00:00Z");
    await expect(keys.destroy("person-d", erasedAt)).resolves.toEqual({ erasedAt });
    await expect(keys.destroy("person-d", new Date())).resolves.toEqual({ erasedAt });
    const rows = await pool.query("select * from withme_data_keys where subject_id = 'person-d'");
    expect(rows.rowCount).toBe(0);
    const tombstone = await pool.query("select * from withme_erased_subjects where subject_id = 'person-d'");
    expect(tombstone.rows).toEqual([{ subject_id: "person-d", erased_at: erasedAt }]);
    await expect(keys.keyFor("person-d")).rejects.toBeInstanceOf(SubjectErasedError);
    await expect(new PostgresDataKeyStore(pool, master).keyFor("person-d")).rejects.toMatchObject({
      name: "SubjectErasedError",
      erasedAt,
    });
    expect((await keys.standings(["person-d"])).get("person-d")).toEqual({ state: "erased", erasedAt });
  });

  it("can erase a person who never had a key", async () => {
    const keys = new PostgresDataKeyStore(pool, master);
    await keys.destroy("person-e", new Date("2025-06-02T00:00:00Z"));
    await expect(keys.keyFor("person-e")).rejects.toBeInstanceOf(SubjectErasedError);
  });

  it("never leaves a key beside a tombstone when making and destroying race", async () => {
    const subjects = Array.from({ length: 20 }, (_, i) => `racer-${i}`);
    await Promise.all(
      subjects.flatMap((subject) => {
        const a = new PostgresDataKeyStore(pool, master);
        const b = new PostgresDataKeyStore(pool, master);
        return [a.keyFor(subject).catch((error) => error), b.destroy(subject, new Date())];
      }),
    );
    const { rows } = await pool.query(
      "select k.subject_id from withme_data_keys k join withme_erased_subjects e using (subject_id)",
    );
    expect(rows).toEqual([]);
  });

  it("refuses to run with another master key than the one this database's keys belong to", async () => {
    const other = new PostgresDataKeyStore(pool, MasterKey.generate());
    await expect(other.checkMasterKey()).rejects.toBeInstanceOf(MasterKeyMismatchError);
    await expect(other.keyFor("person-a")).rejects.toThrow(/WITHME_MASTER_KEY/);
    await expect(new PostgresDataKeyStore(pool, master).checkMasterKey()).resolves.toBeUndefined();
  });
});
