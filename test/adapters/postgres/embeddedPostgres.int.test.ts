import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bufferPoolMegabytes,
  type RunningPostgres,
  startEmbeddedPostgres,
} from "../../../src/adapters/postgres/embeddedPostgres.ts";

describe("the embedded PostgreSQL of a real data folder", () => {
  let dataDir: string;
  let server: RunningPostgres;
  let client: pg.Client;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "withme-embedded-"));
    await chmod(dataDir, 0o755);
    server = await startEmbeddedPostgres({ dataDir });
    client = new pg.Client({ connectionString: server.url });
    await client.connect();
  }, 120_000);

  afterAll(async () => {
    await client?.end();
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("sizes its buffer pool to the machine's memory", async () => {
    const { rows } = await client.query<{ setting: string; unit: string }>(
      "select setting, unit from pg_settings where name = 'shared_buffers'",
    );
    expect(rows[0]!.unit).toBe("8kB");
    expect((Number(rows[0]!.setting) * 8) / 1024).toBe(bufferPoolMegabytes());
  });

  it("sorts text by code point whatever the environment's locale", async () => {
    const { rows } = await client.query<{ collation: string; sorted: string[] }>(
      `select datcollate as collation,
         (select array_agg(t order by t) from unnest(array['b', 'é', 'B', 'a', 'e']) t) as sorted
       from pg_database where datname = current_database()`,
    );
    expect(rows[0]!.collation).toBe("C");
    expect(rows[0]!.sorted).toEqual(["B", "a", "b", "e", "é"]);
  });
});

describe("bufferPoolMegabytes", () => {
  it("is a sixteenth of memory, from PostgreSQL's default of 128 MB up to 512 MB", () => {
    const gigabytes = (n: number) => n * 2 ** 30;
    expect(bufferPoolMegabytes(gigabytes(1))).toBe(128);
    expect(bufferPoolMegabytes(gigabytes(4))).toBe(256);
    expect(bufferPoolMegabytes(gigabytes(6))).toBe(384);
    expect(bufferPoolMegabytes(gigabytes(64))).toBe(512);
  });
});
