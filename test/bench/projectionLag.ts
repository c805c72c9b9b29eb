import type pg from "pg";
import { InProcessLiveBus } from "../../src/adapters/local/inProcessLiveBus.ts";
import { abortableSleep } from "../../src/application/abortableSleep.ts";
import { ForwardingEventStore } from "../../src/application/forwardingEventStore.ts";
import type { EventStore, RecordedEvent, SubscribeOptions } from "../../src/ports/eventStore.ts";
import type { LiveBus } from "../../src/ports/liveBus.ts";
import { type WorkloadOptions, workloadRounds } from "../support/workload.ts";
import { perSecond, timed } from "./support.ts";

/** What the projections bench measures beside its rebuilds: live lag at a steady rate, and a bare insert's pace. */

/** Times each appended event from the start of its append to the first notice the projector publishes about it. */
export class LagRecorder {
  readonly #sent = new Map<string, number>();
  readonly #seen = new Map<string, number>();
  #lastNotice = performance.now();

  bus(): LiveBus {
    const local = new InProcessLiveBus();
    return {
      name: "recording",
      publish: async (_topic, message) => {
        if (!("revision" in message.payload)) return;
        const { streamId, revision } = message.payload;
        const key = `${String(streamId)}@${String(revision)}`;
        if (!this.#seen.has(key)) this.#seen.set(key, performance.now());
        this.#lastNotice = performance.now();
      },
      subscribe: (topic, signal) => local.subscribe(topic, signal),
      whenSubscribed: async () => {},
      forgetPerson: async () => {},
      close: async () => {},
    };
  }

  sent(streamId: string, firstRevision: number, count: number, at: number): void {
    for (let i = 0; i < count; i++) this.#sent.set(`${streamId}@${firstRevision + i}`, at);
  }

  /** Only events some read model tells the live API about (user profile events tell nobody). */
  lags(): number[] {
    return [...this.#sent].flatMap(([key, at]) => {
      const seen = this.#seen.get(key);
      return seen === undefined ? [] : [seen - at];
    });
  }

  async waitForQuiet(ms = 1_000): Promise<void> {
    while (performance.now() - this.#lastNotice < ms) await abortableSleep(100);
  }
}

/** The store a projector reads through: `subscribed` resolves once it holds its lease and follows the log. */
export class SubscribeWatchingStore extends ForwardingEventStore {
  readonly #subscribed = Promise.withResolvers<void>();

  get subscribed(): Promise<void> {
    return this.#subscribed.promise;
  }

  override subscribeToAll(options?: SubscribeOptions): AsyncIterable<RecordedEvent[]> {
    this.#subscribed.resolve();
    return super.subscribeToAll(options);
  }
}

/** Statistics gathered and dirty pages written, as a server between bursts would have them. */
export async function settle(pool: pg.Pool): Promise<void> {
  await pool.query("vacuum analyze");
  await pool.query("checkpoint");
}

/** Appends a fresh workload at a steady rate of events per second; returns how many were appended. */
export async function paceWorkload(
  store: EventStore,
  recorder: LagRecorder,
  options: Pick<WorkloadOptions, "seed"> & { eventsPerSecond: number; seconds: number },
): Promise<number> {
  const appends = [
    ...workloadRounds({ seed: options.seed, events: options.eventsPerSecond * options.seconds }),
  ].flat();
  const started = performance.now();
  let sent = 0;
  for (const append of appends) {
    const wait = started + (sent / options.eventsPerSecond) * 1000 - performance.now();
    if (wait > 0) await abortableSleep(wait);
    const at = performance.now();
    const result = await store.append(append.streamId, append.events, "any");
    recorder.sent(append.streamId, result.nextRevision - append.events.length + 1, append.events.length, at);
    sent += append.events.length;
  }
  return sent;
}

/** A plain table as wide as a message row, filled in batches the size the rebuild reads. */
export async function bareBatchedInsert(pool: pg.Pool, rows: number): Promise<number> {
  await pool.query("drop table if exists bare_rows");
  await pool.query(`create table bare_rows (stream_id text, seq int, message_id text, kind text, role text,
    text text, status text, created_at timestamptz, updated_at timestamptz, primary key (stream_id, seq))`);
  const batch = 2_000;
  const { ms } = await timed(async () => {
    for (let start = 0; start < rows; start += batch) {
      const chunk = Array.from({ length: Math.min(batch, rows - start) }, (_, i) => ({
        stream_id: `conversation-${(start + i) % 500}`,
        seq: start + i,
        message_id: `m-${start + i}`,
        kind: "reply",
        role: "agent",
        text: `reply number ${start + i} with a little text in it`,
        status: "completed",
        created_at: "2025-01-06T08:00:00.000Z",
        updated_at: "2025-01-06T08:00:01.000Z",
      }));
      await pool.query(
        "insert into bare_rows select * from jsonb_populate_recordset(null::bare_rows, $1::jsonb)",
        [JSON.stringify(chunk)],
      );
    }
  });
  return perSecond(rows, ms);
}
