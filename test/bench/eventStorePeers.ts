import { once } from "node:events";
import { dumbo } from "@event-driven-io/dumbo";
import { STREAM_DOES_NOT_EXIST } from "@event-driven-io/emmett";
import { getPostgreSQLEventStore, readMessagesBatch } from "@event-driven-io/emmett-postgresql";
import pg from "pg";
import { eventStoreMigrations } from "../../src/adapters/postgres/eventStoreMigrations.ts";
import { migrate } from "../../src/adapters/postgres/migrations.ts";
import { PostgresEventStore } from "../../src/adapters/postgres/postgresEventStore.ts";
import { type EventToAppend, type Position, START } from "../../src/ports/eventStore.ts";

/** One event store under test, driven through its own public API. */
export interface PeerStore {
  readonly name: string;
  /** Appends to a stream that holds `count` events (0: a new stream), checking that count. */
  append(streamId: string, events: readonly EventToAppend[], count: number): Promise<void>;
  /** Reads a whole stream; resolves to the number of events read. */
  readStream(streamId: string): Promise<number>;
  /** Reads `$all` from the start in pages of `pageSize` until `total` events are read. */
  readAll(total: number, pageSize: number): Promise<number>;
}

export interface Peers {
  withme: PeerStore;
  emmett: PeerStore;
  /** Batched INSERTs into a table with the same columns, defaults and indexes as `es_events`. */
  bareBatch(streamId: string, events: readonly EventToAppend[]): Promise<void>;
  /** Gives the bare table a copy of every row `es_events` holds now, so both have indexes of one size. */
  fillBareLikeEvents(): Promise<void>;
  /** Resolves once withme's pool has no query running: the append's announcement after its commit is done. */
  withmeIdle(): Promise<void>;
  close(): Promise<void>;
}

// Emmett's connection library replaces pg's process-wide parsers for int8 and json(b) with its own
// (BigInt, a reviving JSON.parse). Each side gets the parsers it was written for, and the process
// keeps pg's defaults for whatever runs after.
const PARSED_TYPES = [20, 114, 3802];
type Parser = (value: string) => unknown;
const textParsers = (): Map<number, Parser> =>
  new Map(PARSED_TYPES.map((oid) => [oid, pg.types.getTypeParser(oid, "text") as Parser]));
const typesWith = (parsers: () => Map<number, Parser>) =>
  ({
    getTypeParser: (oid: number, format?: "text" | "binary") =>
      (format !== "binary" && parsers().get(oid)) || pg.types.getTypeParser(oid, format),
  }) as pg.CustomTypesConfig;

/** withme's PostgreSQL adapter and Emmett's PostgreSQL event store in one database, with pools of one size. */
export async function openPeers(url: string, poolSize: number): Promise<Peers> {
  const defaults = textParsers();
  let emmettParsers = defaults;
  const withmePool = new pg.Pool({ connectionString: url, max: poolSize, types: typesWith(() => defaults) });
  const emmettPool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types: typesWith(() => emmettParsers),
  });
  // A connection still closing when the server stops reports it on the pool; nothing is lost then.
  for (const pool of [withmePool, emmettPool]) pool.on("error", () => {});
  const emmettConnections = dumbo({ connectionString: url, pool: emmettPool });
  emmettParsers = textParsers();
  for (const [oid, parser] of defaults) pg.types.setTypeParser(oid, parser);
  const int8 = async (pool: pg.Pool) => typeof (await pool.query("select 1::int8 as n")).rows[0].n;
  if ((await int8(withmePool)) !== "string" || (await int8(emmettPool)) !== "bigint") {
    throw new Error("each side of the event-store comparison must read with its own type parsers");
  }

  await migrate(withmePool, eventStoreMigrations);
  await withmePool.query("create table bare_events (like es_events including all)");
  const store = new PostgresEventStore(withmePool, url);
  const emmettStore = getPostgreSQLEventStore(url, { connectionOptions: { dumbo: emmettConnections } });
  await emmettStore.schema.migrate();

  const withme: PeerStore = {
    name: "withme",
    append: async (streamId, events, count) => {
      await store.append(streamId, events, count === 0 ? "no_stream" : count - 1);
    },
    readStream: async (streamId) => (await store.readStream(streamId)).length,
    readAll: async (total, pageSize) => {
      let after: Position = START;
      let read = 0;
      while (read < total) {
        const page = await store.readAll({ after, maxCount: Math.min(pageSize, total - read) });
        if (page.length === 0) break;
        read += page.length;
        after = page.at(-1)!.position;
      }
      return read;
    },
  };

  const emmett: PeerStore = {
    name: "Emmett",
    append: async (streamId, events, count) => {
      await emmettStore.appendToStream(
        streamId,
        events.map((e) => ({
          type: e.type,
          data: e.data as Record<string, unknown>,
          metadata: { ...e.metadata },
        })),
        { expectedStreamVersion: count === 0 ? STREAM_DOES_NOT_EXIST : BigInt(count) },
      );
    },
    readStream: async (streamId) => (await emmettStore.readStream(streamId)).events.length,
    readAll: async (total, pageSize) => {
      let after = 0n;
      let read = 0;
      while (read < total) {
        const page = await readMessagesBatch(emmettConnections.execute, {
          after,
          batchSize: Math.min(pageSize, total - read),
        });
        if (page.messages.length === 0) break;
        read += page.messages.length;
        after = page.currentGlobalPosition;
      }
      return read;
    },
  };

  return {
    withme,
    emmett,
    bareBatch: async (streamId, events) => {
      await withmePool.query(
        `insert into bare_events (stream_id, revision, event_id, type, data, metadata)
         select $1, r.ord - 1, (r.e->>'id')::uuid, r.e->>'type', r.e->'data', r.e->'metadata'
         from jsonb_array_elements($2::jsonb) with ordinality as r(e, ord)`,
        [streamId, JSON.stringify(events)],
      );
    },
    fillBareLikeEvents: async () => {
      await withmePool.query("truncate bare_events");
      await withmePool.query("insert into bare_events overriding system value select * from es_events");
      await withmePool.query("vacuum analyze bare_events, es_events");
    },
    withmeIdle: async () => {
      while (withmePool.idleCount < withmePool.totalCount || withmePool.waitingCount > 0)
        await once(withmePool, "release");
    },
    close: async () => {
      await store.close();
      await withmePool.end();
      await emmettPool.end();
    },
  };
}
