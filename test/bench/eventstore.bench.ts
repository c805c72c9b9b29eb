import { randomUUID } from "node:crypto";
import pg from "pg";
import { eventStoreMigrations } from "../../src/adapters/postgres/eventStoreMigrations.ts";
import { migrate } from "../../src/adapters/postgres/migrations.ts";
import { PostgresEventStore } from "../../src/adapters/postgres/postgresEventStore.ts";
import { benchEvent as event } from "./benchEvents.ts";
import { benchPostgres, perSecond, report, timed } from "./support.ts";

const SINGLE_APPENDS = 2_000;
const BATCHES = 200;
const BATCH_SIZE = 100;
const CATCH_UP_EVENTS = 100_000;

/**
 * Appends/s on the PostgreSQL adapter against plain INSERTs of the same rows into a table with the
 * same columns, defaults and indexes, and catch-up reads/s.
 */
export default async function eventStoreBench(): Promise<void> {
  const postgres = await benchPostgres();
  const pool = new pg.Pool({ connectionString: postgres.url, max: 4 });
  // A connection still closing when the server stops reports it on the pool; nothing is lost then.
  pool.on("error", () => {});
  try {
    await migrate(pool, eventStoreMigrations);
    await pool.query("create table bare_events (like es_events including all)");
    const store = new PostgresEventStore(pool, postgres.url);
    const streams = Array.from({ length: 100 }, () => `conversation-${randomUUID()}`);
    const revisions = new Map<string, number>();

    // The adapter and its baseline take turns, one operation each, so a checkpoint or a busy
    // moment of the machine falls on both sides alike instead of on whichever phase ran second.
    const bareSingle = { ms: 0 };
    const storeSingle = { ms: 0 };
    for (let i = 0; i < SINGLE_APPENDS; i++) {
      const e = event(i);
      const streamId = streams[i % 100]!;
      bareSingle.ms += (
        await timed(() =>
          pool.query(
            "insert into bare_events (stream_id, revision, event_id, type, data, metadata) values ($1, $2, $3, $4, $5, $6)",
            [streamId, Math.floor(i / 100), e.id, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata)],
          ),
        )
      ).ms;
      const expected = revisions.get(streamId) ?? "no_stream";
      const appended = await timed(() => store.append(streamId, [{ ...e, id: randomUUID() }], expected));
      revisions.set(streamId, appended.result.nextRevision);
      storeSingle.ms += appended.ms;
    }

    const bareBatch = { ms: 0 };
    const storeBatch = { ms: 0 };
    for (let b = 0; b < BATCHES; b++) {
      const batch = Array.from({ length: BATCH_SIZE }, (_, i) => event(b * BATCH_SIZE + i));
      bareBatch.ms += (
        await timed(() =>
          pool.query(
            `insert into bare_events (stream_id, revision, event_id, type, data, metadata)
             select $1, r.ord - 1, (r.e->>'id')::uuid, r.e->>'type', r.e->'data', r.e->'metadata'
             from jsonb_array_elements($2::jsonb) with ordinality as r(e, ord)`,
            [`bare-${randomUUID()}`, JSON.stringify(batch)],
          ),
        )
      ).ms;
      storeBatch.ms += (await timed(() => store.append(`batch-${randomUUID()}`, batch, "no_stream"))).ms;
    }

    const fill = Math.max(0, CATCH_UP_EVENTS - SINGLE_APPENDS - BATCHES * BATCH_SIZE);
    for (let i = 0; i < fill; i += 1_000) {
      await store.append(
        `fill-${randomUUID()}`,
        Array.from({ length: 1_000 }, (_, j) => event(i + j)),
        "no_stream",
      );
    }
    const catchUp = await timed(async () => {
      const controller = new AbortController();
      let seen = 0;
      for await (const batch of store.subscribeToAll({ signal: controller.signal, batchSize: 5_000 })) {
        seen += batch.length;
        if (seen >= CATCH_UP_EVENTS) controller.abort();
      }
      return seen;
    });
    await store.close();

    const single = perSecond(SINGLE_APPENDS, storeSingle.ms);
    const singleBare = perSecond(SINGLE_APPENDS, bareSingle.ms);
    const batch = perSecond(BATCHES * BATCH_SIZE, storeBatch.ms);
    const batchBare = perSecond(BATCHES * BATCH_SIZE, bareBatch.ms);
    report("event store (PostgreSQL adapter, durable embedded server)", [
      {
        name: `single-event appends (${SINGLE_APPENDS})`,
        value: `${single} events/s`,
        baseline: `${singleBare} bare INSERTs/s, same indexes`,
        ratio: single / singleBare,
        target: "≥ 0.6×",
      },
      {
        name: `${BATCH_SIZE}-event batch appends (${BATCHES})`,
        value: `${batch} events/s`,
        baseline: `${batchBare} rows/s in batched INSERTs, same indexes`,
        ratio: batch / batchBare,
        target: "≥ 0.9×",
      },
      {
        name: `catch-up read of $all (${catchUp.result} events)`,
        value: `${perSecond(catchUp.result, catchUp.ms)} events/s`,
        target: "≥ 100,000 events/s",
      },
    ]);
  } finally {
    await pool.end();
    await postgres.cleanup();
  }
}
