import { createHash, randomBytes } from "node:crypto";
import type pg from "pg";
import type { MasterKey } from "../../application/privacy/masterKey.ts";
import {
  DATA_KEY_BYTES,
  type DataKey,
  type DataKeyStanding,
  type DataKeyStore,
  SubjectErasedError,
} from "../../ports/dataKeys.ts";
import { inTransaction } from "./pgTransaction.ts";

/** The database's data keys were wrapped by another master key than the one configured. */
export class MasterKeyMismatchError extends Error {
  readonly configured: string;
  readonly recorded: string;
  constructor(configured: string, recorded: string) {
    super(
      `the data keys in this database belong to master key ${recorded}, but master key ${configured} is configured: set WITHME_MASTER_KEY to the original key or restore its key file (with another key nobody's personal data can be read)`,
    );
    this.name = "MasterKeyMismatchError";
    this.configured = configured;
    this.recorded = recorded;
  }
}

interface KeyRow {
  subject_id: string;
  wrapped_key: Buffer | null;
  master_key_id: string | null;
  erased_at: Date | null;
}

/**
 * Data keys in PostgreSQL (`withme_data_keys`), wrapped by the master key; erasures in
 * `withme_erased_subjects`. Making and destroying a subject's key take the same advisory lock, so
 * a key can never be made beside a tombstone.
 */
export class PostgresDataKeyStore implements DataKeyStore {
  readonly #pool: pg.Pool;
  readonly #master: MasterKey;
  #checked: Promise<void> | null = null;

  constructor(pool: pg.Pool, masterKey: MasterKey) {
    this.#pool = pool;
    this.#master = masterKey;
  }

  /** Records the master key on a fresh database; throws `MasterKeyMismatchError` when another one was. */
  checkMasterKey(): Promise<void> {
    this.#checked ??= this.#checkMasterKey().catch((error) => {
      this.#checked = null;
      throw error;
    });
    return this.#checked;
  }

  async keyFor(subjectId: string): Promise<DataKey> {
    await this.checkMasterKey();
    const [row] = await this.#rows([subjectId]);
    if (row?.wrapped_key) return this.#unwrap(row);
    if (row?.erased_at) throw new SubjectErasedError(subjectId, row.erased_at);
    return this.#locked(subjectId, async (client) => {
      const erased = await client.query<{ erased_at: Date }>(
        "select erased_at from withme_erased_subjects where subject_id = $1",
        [subjectId],
      );
      if (erased.rows[0]) throw new SubjectErasedError(subjectId, erased.rows[0].erased_at);
      const wrapped = this.#master.wrap(subjectId, randomBytes(DATA_KEY_BYTES));
      await client.query(
        `insert into withme_data_keys (subject_id, wrapped_key, master_key_id) values ($1, $2, $3)
         on conflict (subject_id) do nothing`,
        [subjectId, wrapped, this.#master.id],
      );
      const { rows } = await client.query<KeyRow>(
        "select subject_id, wrapped_key, master_key_id, null::timestamptz as erased_at from withme_data_keys where subject_id = $1",
        [subjectId],
      );
      return this.#unwrap(rows[0]!);
    });
  }

  async standings(subjectIds: readonly string[]): Promise<Map<string, DataKeyStanding>> {
    await this.checkMasterKey();
    const standings = new Map<string, DataKeyStanding>();
    for (const row of await this.#rows(subjectIds)) {
      standings.set(
        row.subject_id,
        row.erased_at
          ? { state: "erased", erasedAt: row.erased_at }
          : row.wrapped_key
            ? { state: "key", key: this.#unwrap(row) }
            : { state: "none" },
      );
    }
    return standings;
  }

  async destroy(subjectId: string, erasedAt: Date): Promise<{ erasedAt: Date }> {
    return this.#locked(subjectId, async (client) => {
      await client.query(
        "insert into withme_erased_subjects (subject_id, erased_at) values ($1, $2) on conflict (subject_id) do nothing",
        [subjectId, erasedAt],
      );
      await client.query("delete from withme_data_keys where subject_id = $1", [subjectId]);
      const { rows } = await client.query<{ erased_at: Date }>(
        "select erased_at from withme_erased_subjects where subject_id = $1",
        [subjectId],
      );
      return { erasedAt: rows[0]!.erased_at };
    });
  }

  async #checkMasterKey(): Promise<void> {
    const { rows } = await this.#pool.query<{ key_id: string }>(
      `with recorded as (
         insert into withme_master_key (key_id) values ($1) on conflict (singleton) do nothing returning key_id
       )
       select key_id from recorded union all select key_id from withme_master_key`,
      [this.#master.id],
    );
    const recorded = rows[0]?.key_id ?? this.#master.id;
    if (recorded !== this.#master.id) throw new MasterKeyMismatchError(this.#master.id, recorded);
  }

  #rows(subjectIds: readonly string[]): Promise<KeyRow[]> {
    return this.#pool
      .query<KeyRow>(
        `select s.subject_id, k.wrapped_key, k.master_key_id, e.erased_at
         from unnest($1::text[]) as s (subject_id)
         left join withme_data_keys k on k.subject_id = s.subject_id
         left join withme_erased_subjects e on e.subject_id = s.subject_id`,
        [subjectIds],
      )
      .then((result) => result.rows);
  }

  #unwrap(row: KeyRow): DataKey {
    if (row.master_key_id !== this.#master.id) {
      throw new MasterKeyMismatchError(this.#master.id, row.master_key_id ?? "unknown");
    }
    return { subjectId: row.subject_id, material: this.#master.unwrap(row.subject_id, row.wrapped_key!) };
  }

  async #locked<T>(subjectId: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const digest = createHash("sha256").update(`withme-data-key:${subjectId}`).digest();
    return inTransaction(this.#pool, async (client) => {
      await client.query("select pg_advisory_xact_lock($1, $2)", [
        digest.readInt32BE(0),
        digest.readInt32BE(4),
      ]);
      return work(client);
    });
  }
}
