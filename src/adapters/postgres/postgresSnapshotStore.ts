import type pg from "pg";
import type { SnapshotStore, StoredSnapshot } from "../../ports/snapshotStore.ts";
import type { Migration } from "./migrations.ts";

export const snapshotMigrations: Migration[] = [
  {
    id: "snapshots/0001-stream-snapshots",
    sql: `
create table stream_snapshots (
  stream_id text primary key,
  subject_id text not null,
  revision bigint not null,
  version int not null,
  payload text not null,
  saved_at timestamptz not null default now()
);
create index stream_snapshots_subject on stream_snapshots (subject_id);`,
  },
];

/** One snapshot per stream, the latest kept. */
export class PostgresSnapshotStore implements SnapshotStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async load(streamId: string): Promise<StoredSnapshot | null> {
    const { rows } = await this.#pool.query<{
      subject_id: string;
      revision: string;
      version: number;
      payload: string;
    }>("select subject_id, revision::text, version, payload from stream_snapshots where stream_id = $1", [
      streamId,
    ]);
    const row = rows[0];
    return row
      ? {
          streamId,
          subjectId: row.subject_id,
          revision: Number(row.revision),
          version: row.version,
          payload: row.payload,
        }
      : null;
  }

  async save(snapshot: StoredSnapshot): Promise<void> {
    await this.#pool.query(
      `insert into stream_snapshots (stream_id, subject_id, revision, version, payload) values ($1, $2, $3, $4, $5)
       on conflict (stream_id) do update set subject_id = excluded.subject_id, revision = excluded.revision,
         version = excluded.version, payload = excluded.payload, saved_at = now()
       where stream_snapshots.revision <= excluded.revision`,
      [snapshot.streamId, snapshot.subjectId, snapshot.revision, snapshot.version, snapshot.payload],
    );
  }

  async deleteSubject(subjectId: string): Promise<void> {
    await this.#pool.query("delete from stream_snapshots where subject_id = $1", [subjectId]);
  }
}
