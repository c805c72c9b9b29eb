import { randomUUID } from "node:crypto";
import type pg from "pg";
import type { Presence } from "../../ports/presence.ts";
import { InProcessPresence } from "../local/inProcessPresence.ts";
import type { Migration } from "./migrations.ts";

export const presenceMigrations: Migration[] = [
  {
    id: "presence/0001-connections",
    sql: `
create unlogged table presence (
  user_id text not null,
  instance text not null,
  seen_at timestamptz not null,
  primary key (user_id, instance)
);
create index presence_seen on presence (seen_at);`,
  },
];

/**
 * Presence shared by API replicas: each one writes the people it has live connections for every
 * few seconds; a person counts as online while some replica has written them recently.
 */
export class PostgresPresence implements Presence {
  readonly #pool: pg.Pool;
  readonly #local = new InProcessPresence();
  readonly #instance = randomUUID();
  readonly #ttlSeconds: number;
  readonly #timer: NodeJS.Timeout;

  constructor(pool: pg.Pool, options: { heartbeatMs?: number; ttlSeconds?: number } = {}) {
    this.#pool = pool;
    this.#ttlSeconds = options.ttlSeconds ?? 45;
    this.#timer = setInterval(() => void this.#heartbeat().catch(() => {}), options.heartbeatMs ?? 15_000);
    this.#timer.unref();
  }

  connected(userId: string): () => void {
    const wasOnline = this.#local.online().includes(userId);
    const end = this.#local.connected(userId);
    if (!wasOnline) void this.#write([userId]).catch(() => {});
    return () => {
      end();
      if (!this.#local.online().includes(userId)) {
        void this.#pool
          .query("delete from presence where user_id = $1 and instance = $2", [userId, this.#instance])
          .catch(() => {});
      }
    };
  }

  async isOnline(userId: string): Promise<boolean> {
    if (await this.#local.isOnline(userId)) return true;
    const { rowCount } = await this.#pool.query(
      `select 1 from presence where user_id = $1 and seen_at > now() - make_interval(secs => $2) limit 1`,
      [userId, this.#ttlSeconds],
    );
    return (rowCount ?? 0) > 0;
  }

  async close(): Promise<void> {
    clearInterval(this.#timer);
    await this.#pool.query("delete from presence where instance = $1", [this.#instance]).catch(() => {});
    await this.#local.close();
  }

  async #heartbeat(): Promise<void> {
    await this.#write(this.#local.online());
    await this.#pool.query(`delete from presence where seen_at < now() - make_interval(secs => $1)`, [
      this.#ttlSeconds * 4,
    ]);
  }

  async #write(userIds: string[]): Promise<void> {
    if (userIds.length === 0) return;
    await this.#pool.query(
      `insert into presence (user_id, instance, seen_at)
       select unnest($1::text[]), $2, now()
       on conflict (user_id, instance) do update set seen_at = excluded.seen_at`,
      [userIds, this.#instance],
    );
  }
}
