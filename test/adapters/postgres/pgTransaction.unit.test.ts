import type pg from "pg";
import { describe, expect, it } from "vitest";
import { inTransaction, transactionOn } from "../../../src/adapters/postgres/pgTransaction.ts";

/** A pool of one client that records its statements and how it was given back; `failing` statements reject. */
function recordingPool(failing: string[] = []) {
  const statements: string[] = [];
  const releases: (Error | boolean | undefined)[] = [];
  const client = {
    async query(text: string) {
      statements.push(text);
      if (failing.includes(text)) throw new Error(`${text} failed`);
      return { rows: [] };
    },
    release(error?: Error | boolean) {
      releases.push(error);
    },
  };
  const pool = { connect: async () => client } as unknown as pg.Pool;
  return { pool, client: client as unknown as pg.PoolClient, statements, releases };
}

describe("inTransaction", () => {
  it("commits the work and gives the client back whole", async () => {
    const { pool, statements, releases } = recordingPool();
    const result = await inTransaction(pool, async (client) => {
      await client.query("insert");
      return 42;
    });
    expect(result).toBe(42);
    expect(statements).toEqual(["begin", "insert", "commit"]);
    expect(releases).toEqual([undefined]);
  });

  it("rolls back when the work throws, rethrows its error and gives the client back", async () => {
    const { pool, statements, releases } = recordingPool();
    const failure = new Error("work failed");
    await expect(
      inTransaction(pool, async (client) => {
        await client.query("insert");
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(statements).toEqual(["begin", "insert", "rollback"]);
    expect(releases).toEqual([undefined]);
  });

  it("rolls back when the commit fails", async () => {
    const { pool, statements, releases } = recordingPool(["commit"]);
    await expect(inTransaction(pool, async () => {})).rejects.toThrow("commit failed");
    expect(statements).toEqual(["begin", "commit", "rollback"]);
    expect(releases).toEqual([undefined]);
  });

  it("destroys a client whose rollback fails, and still reports the work's error", async () => {
    const { pool, releases } = recordingPool(["insert", "rollback"]);
    await expect(inTransaction(pool, (client) => client.query("insert"))).rejects.toThrow("insert failed");
    expect(releases).toHaveLength(1);
    expect(releases[0]).toBeInstanceOf(Error);
    expect((releases[0] as Error).message).toBe("rollback failed");
  });

  it("destroys a client that cannot even begin", async () => {
    const { pool, statements, releases } = recordingPool(["begin", "rollback"]);
    await expect(inTransaction(pool, async () => "never")).rejects.toThrow("begin failed");
    expect(statements).toEqual(["begin", "rollback"]);
    expect((releases[0] as Error).message).toBe("rollback failed");
  });
});

describe("transactionOn a client the caller holds", () => {
  it("leaves the client checked out and reports a failed rollback to the caller", async () => {
    const { client, statements, releases } = recordingPool(["insert", "rollback"]);
    const rollbackFailures: Error[] = [];
    await expect(
      transactionOn(
        client,
        (held) => held.query("insert"),
        (failure) => rollbackFailures.push(failure),
      ),
    ).rejects.toThrow("insert failed");
    expect(statements).toEqual(["begin", "insert", "rollback"]);
    expect(rollbackFailures.map((f) => f.message)).toEqual(["rollback failed"]);
    expect(releases).toEqual([]);
  });

  it("runs transactions one after another on the same client", async () => {
    const { client, statements } = recordingPool();
    expect(await transactionOn(client, async () => "first")).toBe("first");
    expect(await transactionOn(client, async () => "second")).toBe("second");
    expect(statements).toEqual(["begin", "commit", "begin", "commit"]);
  });
});
