import type pg from "pg";
import { type LiveMessage, readLiveMessage } from "../../ports/liveBus.ts";

/** What travels in a NOTIFY payload: the message itself, or the id of its row when it is large. */
export interface Notice {
  origin: string;
  topic: string;
  message?: LiveMessage;
  id?: string;
}

/** Where and how one process sends its notices. */
export interface NoticeRoute {
  channel: string;
  origin: string;
  /** Payloads above this many bytes go through the table. */
  inlineLimit: number;
  /** How long a message sent through the table stays readable there. */
  ttlSeconds: number;
}

const deleteExpired = "delete from live_bus_messages where created_at < now() - make_interval(secs => $1)";

const insertAndNotify = `
with expired as (
  delete from live_bus_messages where created_at < now() - make_interval(secs => $4)
), stored as (
  insert into live_bus_messages (topic, body) values ($2, $3) returning id
)
select pg_notify($1, json_build_object('origin', $5::text, 'topic', $2::text, 'id', stored.id::text)::text)
from stored`;

/** Sends a message's JSON `body` inline when it fits a NOTIFY payload, else as a row the notice names. */
export async function sendNotice(
  pool: pg.Pool,
  route: NoticeRoute,
  topic: string,
  body: string,
): Promise<void> {
  const inline = `{"origin":${JSON.stringify(route.origin)},"topic":${JSON.stringify(topic)},"message":${body}}`;
  if (Buffer.byteLength(inline) <= route.inlineLimit) {
    await pool.query("select pg_notify($1, $2)", [route.channel, inline]);
    return;
  }
  await pool.query(insertAndNotify, [route.channel, topic, body, route.ttlSeconds, route.origin]);
}

/** The message a notice names by id; null when its row is gone or does not read as a live message. */
export async function readStoredMessage(pool: pg.Pool, id: string | undefined): Promise<LiveMessage | null> {
  const { rows } = await pool.query<{ body: string }>("select body from live_bus_messages where id = $1", [
    id,
  ]);
  // A row already past its time to live is gone: like any live message, it is simply missed.
  return rows[0] ? readLiveMessage(JSON.parse(rows[0].body)) : null;
}

/** Deletes the stored messages older than `ttlSeconds`. */
export async function deleteExpiredMessages(pool: pg.Pool, ttlSeconds: number): Promise<void> {
  await pool.query(deleteExpired, [ttlSeconds]);
}
