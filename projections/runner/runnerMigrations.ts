import type { Migration } from "../../src/adapters/postgres/migrations.ts";

/**
 * Bookkeeping for projections. Each projection's tables live in a schema per generation
 * (`proj_<name>_g<n>`); the API reads views in schema `rm` that point at the live generation, so a
 * rebuild can be built beside it and switched in one transaction.
 */
export const runnerMigrations: Migration[] = [
  {
    id: "projections/0001-runner",
    sql: `
create schema if not exists rm;

create table projection_state (
  name text primary key,
  live_generation int,
  live_version int,
  building_generation int,
  building_version int,
  status text not null default 'idle',
  error jsonb,
  updated_at timestamptz not null default now()
);

create table projection_checkpoints (
  name text not null,
  generation int not null,
  position text not null,
  events_applied bigint not null default 0,
  last_event_at timestamptz,
  updated_at timestamptz not null default now(),
  primary key (name, generation)
);
`,
  },
];
