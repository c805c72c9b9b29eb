import net from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PostgresLeases } from "../../src/adapters/postgres/postgresLeases.ts";
import { eventually } from "../support/coreHarness.ts";
import { createTestDatabase, type TestDatabase } from "../support/testDatabase.ts";

/** A TCP relay to the database that can go silent, as a network that splits does. */
function silenceableRelay(target: URL) {
  const sockets = new Set<net.Socket>();
  let silent = false;
  const server = net.createServer((inbound) => {
    const outbound = net.connect(Number(target.port), target.hostname);
    for (const [from, to] of [
      [inbound, outbound],
      [outbound, inbound],
    ] as const) {
      sockets.add(from);
      from.on("data", (chunk) => {
        if (!silent) to.write(chunk);
      });
      from.on("error", () => {});
      from.on("close", () => {
        if (!silent) to.destroy();
      });
    }
  });
  return {
    listen: () =>
      new Promise<number>((resolve) =>
        server.listen(0, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port)),
      ),
    silence: () => {
      silent = true;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe("leases held across processes (PostgreSQL advisory locks)", () => {
  let database: TestDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new pg.Pool({ connectionString: database.url, max: 2 });
    pool.on("error", () => {});
  });
  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  it("keeps a standby on one connection, and hands over when the holder's connection ends", async () => {
    const leases = new PostgresLeases(database.url, pool, { retryMs: 20 });
    const holder = (await leases.acquire("standby-test"))!;
    const { rows } = await pool.query<{ pid: number }>(
      `select pid from pg_locks where locktype = 'advisory' and granted
       and database = (select oid from pg_database where datname = current_database())`,
    );
    const holderPid = rows[0]!.pid;
    const controller = new AbortController();
    const standby = leases.acquire("standby-test", controller.signal);
    try {
      const attempts = async () =>
        (
          await pool.query<{ pid: number; at: Date }>(
            `select pid, query_start as at from pg_stat_activity
             where datname = current_database() and pid <> $1 and query like 'select pg_try_advisory_lock%'`,
            [holderPid],
          )
        ).rows;
      const first = await eventually(async () => (await attempts())[0]);
      // Tried again on the same connection, rather than on a new one each time.
      await eventually(async () => (await attempts()).some((r) => r.pid === first.pid && r.at > first.at));
      await pool.query("select pg_terminate_backend($1)", [holderPid]);
      await eventually(async () => holder.lost.aborted);
      const taken = (await standby)!;
      expect(await leases.isHeld("standby-test")).toBe(true);
      await holder.release();
      await taken.release();
      expect(await leases.isHeld("standby-test")).toBe(false);
    } finally {
      controller.abort();
    }
  });

  it("gives a lease up when its connection stops answering, without waiting on it to close", async () => {
    const relay = silenceableRelay(new URL(database.url));
    const url = new URL(database.url);
    url.port = String(await relay.listen());
    const leases = new PostgresLeases(url.toString(), pool, { heartbeatMs: 50, timeoutMs: 200 });
    const lease = (await leases.acquire("silent-test"))!;
    relay.silence();
    await eventually(async () => lease.lost.aborted, 5_000);
    await lease.release();
    await relay.close();
  });
});
