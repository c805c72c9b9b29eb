import type { Migration } from "./migrations.ts";

export const eventStoreMigrations: Migration[] = [
  {
    id: "eventstore/0001-events",
    sql: `
create table es_streams (
  stream_id text primary key,
  revision bigint not null
);

create table es_events (
  global_position bigint generated always as identity,
  transaction_id xid8 not null default pg_current_xact_id(),
  stream_id text not null,
  revision bigint not null,
  event_id uuid not null,
  type text not null,
  data jsonb not null,
  metadata jsonb not null,
  recorded_at timestamptz not null default now(),
  primary key (stream_id, revision),
  constraint es_events_event_id_unique unique (event_id)
);

create index es_events_global_order on es_events (transaction_id, global_position);

-- One round trip per append: lock the stream, recognise a retried append, check the expected
-- revision, write, and wake subscribers at commit.
create function es_append(p_stream_id text, p_expected text, p_events jsonb)
returns table (outcome text, last_revision bigint, last_transaction xid8, last_position bigint)
language plpgsql as $fn$
declare
  v_current bigint;
  v_first_existing bigint;
  v_count int := jsonb_array_length(p_events);
  v_matching int;
  v_position bigint;
begin
  insert into es_streams as s (stream_id, revision) values (p_stream_id, -1) on conflict (stream_id) do nothing;
  select s.revision into v_current from es_streams s where s.stream_id = p_stream_id for update;

  select e.revision into v_first_existing
    from es_events e
    where e.event_id = (p_events->0->>'id')::uuid and e.stream_id = p_stream_id;
  if found then
    select count(*) into v_matching
      from jsonb_array_elements(p_events) with ordinality as n(event, ord)
      join es_events e on e.event_id = (n.event->>'id')::uuid
      where e.stream_id = p_stream_id and e.revision = v_first_existing + n.ord - 1;
    if v_matching = v_count and (
      p_expected in ('any', 'stream_exists')
      or (p_expected = 'no_stream' and v_first_existing = 0)
      or (p_expected ~ '^-?[0-9]+$' and v_first_existing = p_expected::bigint + 1)
    ) then
      return query
        select 'idempotent'::text, e.revision, e.transaction_id, e.global_position
        from es_events e
        where e.stream_id = p_stream_id and e.revision = v_first_existing + v_count - 1;
      return;
    end if;
  end if;

  if (p_expected = 'no_stream' and v_current <> -1)
    or (p_expected = 'stream_exists' and v_current = -1)
    or (p_expected ~ '^-?[0-9]+$' and v_current <> p_expected::bigint) then
    return query select 'conflict'::text, v_current, null::xid8, null::bigint;
    return;
  end if;

  with written as (
    insert into es_events (stream_id, revision, event_id, type, data, metadata)
    select p_stream_id, v_current + n.ord, (n.event->>'id')::uuid, n.event->>'type', n.event->'data', n.event->'metadata'
    from jsonb_array_elements(p_events) with ordinality as n(event, ord)
    returning global_position
  )
  select max(global_position) into v_position from written;
  update es_streams set revision = v_current + v_count where stream_id = p_stream_id;
  perform pg_notify('withme_events', '');
  return query select 'appended'::text, v_current + v_count, pg_current_xact_id(), v_position;
end
$fn$;
`,
  },
  {
    id: "eventstore/0002-append-without-notify",
    sql: `
-- A NOTIFY holds a database-wide lock from the writing transaction's pre-commit until after its WAL
-- flush, so writers that notify commit one at a time and never share a flush. The adapter now
-- announces commits after the fact. The expected revision is claimed in the stream row in one
-- statement (insert for a new stream, compare-and-set for a number) and a retry is looked for only
-- when that claim fails. Rows left at revision -1 by earlier conflicting appends mean no stream.
delete from es_streams where revision = -1;

-- The last event of an earlier append of exactly these ids at the place p_expected names, if any.
create function es_retried_append(p_stream_id text, p_expected text, p_events jsonb)
returns table (outcome text, last_revision bigint, last_transaction xid8, last_position bigint)
language plpgsql as $fn$
declare
  v_first bigint;
  v_count int := jsonb_array_length(p_events);
begin
  select e.revision into v_first
    from es_events e
    where e.event_id = (p_events->0->>'id')::uuid and e.stream_id = p_stream_id;
  if not found or not (
    p_expected in ('any', 'stream_exists')
    or (p_expected in ('no_stream', '-1') and v_first = 0)
    or (p_expected ~ '^[0-9]+$' and v_first = p_expected::bigint + 1)
  ) then
    return;
  end if;
  if (select count(*)
      from jsonb_array_elements(p_events) with ordinality as n(event, ord)
      join es_events e on e.event_id = (n.event->>'id')::uuid
      where e.stream_id = p_stream_id and e.revision = v_first + n.ord - 1) <> v_count then
    return;
  end if;
  return query
    select 'idempotent'::text, e.revision, e.transaction_id, e.global_position
    from es_events e
    where e.stream_id = p_stream_id and e.revision = v_first + v_count - 1;
end
$fn$;

create or replace function es_append(p_stream_id text, p_expected text, p_events jsonb)
returns table (outcome text, last_revision bigint, last_transaction xid8, last_position bigint)
language plpgsql as $fn$
declare
  v_count int := jsonb_array_length(p_events);
  v_current bigint;
  v_last bigint;
  v_position bigint;
begin
  if p_expected in ('no_stream', '-1') then
    insert into es_streams as s (stream_id, revision) values (p_stream_id, v_count - 1)
      on conflict (stream_id) do update set revision = excluded.revision where s.revision = -1
      returning s.revision into v_last;
  elsif p_expected ~ '^[0-9]+$' then
    update es_streams s set revision = p_expected::bigint + v_count
      where s.stream_id = p_stream_id and s.revision = p_expected::bigint
      returning s.revision into v_last;
  elsif p_expected in ('any', 'stream_exists') then
    -- These name no place, so a retry is recognised under the stream's lock.
    if p_expected = 'any' then
      insert into es_streams (stream_id, revision) values (p_stream_id, -1) on conflict (stream_id) do nothing;
    end if;
    select s.revision into v_current from es_streams s where s.stream_id = p_stream_id for update;
    return query select * from es_retried_append(p_stream_id, p_expected, p_events);
    if found then
      return;
    end if;
    if p_expected = 'any' or v_current >= 0 then
      update es_streams s set revision = v_current + v_count
        where s.stream_id = p_stream_id
        returning s.revision into v_last;
    end if;
  else
    raise exception 'es_append: % is not an expected revision', p_expected using errcode = '22023';
  end if;

  if v_last is null then
    -- The claim failed after any concurrent writer of this stream committed: a retry or a conflict.
    return query select * from es_retried_append(p_stream_id, p_expected, p_events);
    if found then
      return;
    end if;
    select s.revision into v_current from es_streams s where s.stream_id = p_stream_id;
    return query select 'conflict'::text, coalesce(v_current, -1), null::xid8, null::bigint;
    return;
  end if;

  with written as (
    insert into es_events (stream_id, revision, event_id, type, data, metadata)
    select p_stream_id, v_last - v_count + n.ord, (n.event->>'id')::uuid, n.event->>'type', n.event->'data', n.event->'metadata'
    from jsonb_array_elements(p_events) with ordinality as n(event, ord)
    returning global_position
  )
  select max(global_position) into v_position from written;
  return query select 'appended'::text, v_last, pg_current_xact_id(), v_position;
end
$fn$;
`,
  },
];
