import type pg from "pg";
import type { CheckpointStore } from "../../ports/checkpointStore.ts";
import type { Position } from "../../ports/eventStore.ts";
import type { Migration } from "./migrations.ts";

export const checkpointMigrations: Migration[] = [
  {
    id: "reactors/0001-checkpoints",
    sql: `
create table reactor_checkpoints (
  name text primary key,
  position text not null,
  updated_at timestamptz not null default now()
);`,
  },
];

export class PostgresCheckpointStore implements CheckpointStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async load(name: string): Promise<Position | null> {
    const { rows } = await this.#pool.query<{ position: string }>(
      "select position from reactor_checkpoints where name = $1",
      [name],
    );
    return rows[0]?.position ?? null;
  }

  async save(name: string, position: Position): Promise<void> {
    await this.#pool.query(
      `insert into reactor_checkpoints (name, position) values ($1, $2)
       on conflict (name) do update set position = excluded.position, updated_at = now()`,
      [name, position],
    );
  }
}
