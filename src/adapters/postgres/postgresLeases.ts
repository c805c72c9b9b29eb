import { createHash } from "node:crypto";
import pg from "pg";
import { abortableSleep } from "../../application/abortableSleep.ts";
import type { LeaseHandle, Leases } from "../../ports/lease.ts";

/** The advisory-lock key for a lease name: two int4 halves of a hash, stable across processes. */
export function leaseKey(name: string): [number, number] {
  const digest = createHash("sha256").update(`withme-lease:${name}`).digest();
  return [digest.readInt32BE(0), digest.readInt32BE(4)];
}

/**
 * Leases as PostgreSQL session advisory locks, each on its own connection: the server releases the
 * lock when the holder's connection ends, so a crashed process frees it at once. A holder that
 * vanishes without closing its connection (its node died, the network split) is dropped by the
 * server's TCP keepalives, set on the session, after it has stopped itself on a heartbeat that
 * went unanswered; without them the lock would stay held for the OS default of two hours.
 */
export class PostgresLeases implements Leases {
  readonly #connection: string | pg.ClientConfig;
  readonly #pool: pg.Pool;
  readonly #retryMs: number;
  readonly #heartbeatMs: number;
  readonly #timeoutMs: number;

  constructor(
    connection: string | pg.ClientConfig,
    pool: pg.Pool,
    options: { retryMs?: number; heartbeatMs?: number; timeoutMs?: number } = {},
  ) {
    this.#connection = connection;
    this.#pool = pool;
    this.#retryMs = options.retryMs ?? 1_000;
    this.#heartbeatMs = options.heartbeatMs ?? 5_000;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
  }

  async acquire(name: string, signal?: AbortSignal): Promise<LeaseHandle | null> {
    const [a, b] = leaseKey(name);
    // A standby keeps its connection between attempts rather than opening one every retry.
    let client: pg.Client | null = null;
    while (!signal?.aborted) {
      try {
        client ??= await this.#connect();
        const { rows } = await client.query<{ locked: boolean }>(
          "select pg_try_advisory_lock($1, $2) as locked",
          [a, b],
        );
        if (rows[0]?.locked) return this.#handle(name, client);
      } catch {
        // The database is unreachable or the connection broke: connect again after the pause.
        void client?.end().catch(() => {});
        client = null;
      }
      await abortableSleep(this.#retryMs, signal);
    }
    await client?.end().catch(() => {});
    return null;
  }

  async tryAcquire(name: string): Promise<LeaseHandle | null> {
    const [a, b] = leaseKey(name);
    const client = await this.#connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>(
        "select pg_try_advisory_lock($1, $2) as locked",
        [a, b],
      );
      if (rows[0]?.locked) return this.#handle(name, client);
    } catch (error) {
      void client.end().catch(() => {});
      throw error;
    }
    await client.end().catch(() => {});
    return null;
  }

  async isHeld(name: string): Promise<boolean> {
    const [a, b] = leaseKey(name);
    const { rows } = await this.#pool.query<{ held: boolean }>(
      `select exists (
         select 1 from pg_locks
         where locktype = 'advisory' and classid = ($1::int)::oid and objid = ($2::int)::oid and objsubid = 2 and granted
       ) as held`,
      [a, b],
    );
    return rows[0]?.held ?? false;
  }

  async #connect(): Promise<pg.Client> {
    const client = new pg.Client({
      ...(typeof this.#connection === "string" ? { connectionString: this.#connection } : this.#connection),
      keepAlive: true,
      connectionTimeoutMillis: this.#timeoutMs,
      query_timeout: this.#timeoutMs,
    });
    client.on("error", () => {});
    try {
      await client.connect();
    } catch (error) {
      void client.end().catch(() => {});
      throw error;
    }
    // The server starts probing a silent holder only once the holder's own heartbeat would have
    // given up, and drops it 15 s later. Best effort: a server that refuses still ends connections.
    const idleSeconds = Math.ceil((this.#heartbeatMs + this.#timeoutMs) / 1000);
    await client
      .query(
        `set tcp_keepalives_idle = ${idleSeconds}; set tcp_keepalives_interval = 5; set tcp_keepalives_count = 3`,
      )
      .catch(() => {});
    return client;
  }

  #handle(name: string, client: pg.Client): LeaseHandle {
    const lost = new AbortController();
    let released = false;
    let beating = false;
    const onLost = () => {
      clearInterval(heartbeat);
      if (!released) lost.abort(new Error(`lease ${name} lost: its database connection ended`));
    };
    client.on("error", onLost);
    client.on("end", onLost);
    // A periodic query notices a dead connection even when nothing else uses it; one that gets no
    // answer in time counts as dead too, since the server may be about to let the lock go.
    const heartbeat = setInterval(() => {
      if (beating) return;
      beating = true;
      client.query("select 1").then(() => {
        beating = false;
      }, onLost);
    }, this.#heartbeatMs);
    heartbeat.unref();
    return {
      name,
      lost: lost.signal,
      release: async () => {
        if (released) return;
        released = true;
        clearInterval(heartbeat);
        // Ending a connection that gets no answers would wait for TCP to give up: let it go.
        if (lost.signal.aborted) void client.end().catch(() => {});
        else await client.end().catch(() => {});
      },
    };
  }
}
