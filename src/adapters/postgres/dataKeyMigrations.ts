import type { Migration } from "./migrations.ts";

export const dataKeyMigrations: Migration[] = [
  {
    id: "datakeys/0001-keys-and-erasures",
    sql: `
-- One data key per person, wrapped by the master key (which is never stored here).
create table withme_data_keys (
  subject_id text primary key,
  wrapped_key bytea not null,
  master_key_id text not null,
  created_at timestamptz not null default now()
);

-- A person whose key was destroyed: when, and nothing else. No key is ever made for them again.
create table withme_erased_subjects (
  subject_id text primary key,
  erased_at timestamptz not null
);

-- The fingerprint of the master key this database's data keys belong to, recorded at first use,
-- so a process started with another master key refuses to run instead of writing keys nobody
-- else can unwrap.
create table withme_master_key (
  singleton boolean primary key default true check (singleton),
  key_id text not null,
  recorded_at timestamptz not null default now()
);
`,
  },
];
