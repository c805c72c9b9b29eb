import type pg from "pg";
import type { ExpectedRevision } from "../../ports/eventStore.ts";

/** What an append did: `appended`, `idempotent` (a retry of one already written) or `conflict`. */
export interface AppendRow {
  outcome: string;
  last_revision: string;
  last_transaction: string | null;
  last_position: string | null;
}

// The claim on the stream row and the write in one plain statement: the same work as `es_append`
// when the claim holds, without a PL/pgSQL call around it (a tenth of the server's time for a
// 100-event batch). A claim that fails returns no row, and `es_append` then sorts out a retry from
// a conflict, after any concurrent writer of the stream has committed.
const write = (claim: string) => `with claim as (${claim}),
written as (
  insert into es_events (stream_id, revision, event_id, type, data, metadata)
  select $1, c.revision - jsonb_array_length($2::jsonb) + n.ord, (n.event->>'id')::uuid,
         n.event->>'type', n.event->'data', n.event->'metadata'
  from claim c, jsonb_array_elements($2::jsonb) with ordinality as n(event, ord)
  returning global_position
)
select 'appended' as outcome, c.revision::text as last_revision,
       pg_current_xact_id()::text as last_transaction,
       (select max(global_position) from written)::text as last_position
from claim c`;

const NEW_STREAM = {
  name: "withme_es_append_new_stream",
  text: write(`insert into es_streams as s (stream_id, revision)
    values ($1, jsonb_array_length($2::jsonb) - 1)
    on conflict (stream_id) do update set revision = excluded.revision where s.revision = -1
    returning s.revision`),
};

const AT_REVISION = {
  name: "withme_es_append_at_revision",
  text: write(`update es_streams s set revision = $3::bigint + jsonb_array_length($2::jsonb)
    where s.stream_id = $1 and s.revision = $3::bigint
    returning s.revision`),
};

const ANY_CASE = {
  name: "withme_es_append",
  text: "select outcome, last_revision::text, last_transaction::text, last_position::text from es_append($1, $2, $3::jsonb)",
};

/** Appends `eventsJson` (a JSON array) to a stream in one round trip when the expected revision holds. */
export async function appendRow(
  pool: pg.Pool,
  streamId: string,
  expected: ExpectedRevision,
  eventsJson: string,
): Promise<AppendRow> {
  const claimed =
    expected === "no_stream" || expected === -1
      ? NEW_STREAM
      : typeof expected === "number" && Number.isSafeInteger(expected) && expected >= 0
        ? AT_REVISION
        : null;
  if (claimed) {
    const { rows } = await pool.query<AppendRow>({
      ...claimed,
      values: claimed === NEW_STREAM ? [streamId, eventsJson] : [streamId, eventsJson, expected],
    });
    if (rows[0]) return rows[0];
  }
  const { rows } = await pool.query<AppendRow>({
    ...ANY_CASE,
    values: [streamId, String(expected), eventsJson],
  });
  return rows[0]!;
}
