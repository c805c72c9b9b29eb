import type { Migration } from "./migrations.ts";

export const vectorIndexMigrations: Migration[] = [
  {
    id: "vectors/0001-records",
    sql: `
-- Every write to a namespace takes a new version from the sequence, so a process that cached the
-- namespace's vectors can tell with one cheap read whether they are still current. A sequence
-- (not a counter per row) keeps a deleted and re-created namespace from reusing an old version.
create sequence vector_namespace_versions;

create table vector_namespaces (
  namespace text primary key,
  version bigint not null
);

create table vector_records (
  namespace text not null references vector_namespaces (namespace) on delete cascade,
  id text not null,
  -- float32, little-endian
  vector bytea not null,
  metadata jsonb not null,
  updated_at timestamptz not null default now(),
  primary key (namespace, id)
);
`,
  },
  {
    id: "vectors/0002-row-versions",
    sql: `
-- Each record keeps the version of the write that stored it, so a process whose cached namespace
-- fell behind reads only what changed since. A delete sets reset_version: what was removed cannot
-- be read as a change, so a cache older than that loads the namespace whole.
alter table vector_records add column version bigint not null default 0;
alter table vector_namespaces add column reset_version bigint not null default 0;
`,
  },
];
