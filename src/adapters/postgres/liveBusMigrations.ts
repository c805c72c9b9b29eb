import type { Migration } from "./migrations.ts";

/** Messages too large for a NOTIFY payload wait here for a minute; unlogged because they are ephemeral. */
export const liveBusMigrations: Migration[] = [
  {
    id: "livebus/0001-messages",
    sql: `
create unlogged table live_bus_messages (
  id bigint generated always as identity primary key,
  topic text not null,
  body text not null,
  created_at timestamptz not null default now()
);

create index live_bus_messages_created_at on live_bus_messages (created_at);
`,
  },
];
