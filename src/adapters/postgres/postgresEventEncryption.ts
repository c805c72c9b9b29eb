import { createHash } from "node:crypto";
import type pg from "pg";
import { PersonalDataCodec } from "../../application/privacy/personalDataCodec.ts";
import type { PersonalDataPolicy } from "../../application/privacy/personalDataPolicy.ts";
import type { StoredEventEncryptionReport } from "../../application/privacy/storedEventEncryption.ts";
import { PersonUnknownError } from "../../domain/personalData.ts";
import type { DataKeyStore } from "../../ports/dataKeys.ts";
import { transactionOn } from "./pgTransaction.ts";

export interface StoredEventEncryptionOptions {
  keys: DataKeyStore;
  policy: PersonalDataPolicy;
  /** Count what would change and write nothing (and make no keys). */
  dryRun?: boolean;
  batchSize?: number;
  signal?: AbortSignal;
  onProgress?(progress: { done: number; total: number }): void;
}

export class EncryptionAlreadyRunningError extends Error {
  constructor() {
    super("another encrypt-events run holds the lock on this database; wait for it to finish");
    this.name = "EncryptionAlreadyRunningError";
  }
}

interface Row {
  transaction_text: string;
  position_text: string;
  stream_id: string;
  event_id: string;
  type: string;
  data: unknown;
}

/**
 * Encrypts, in place, the personal fields of events stored in plaintext before encryption was on.
 * Rows keep their event id, stream revision and global position, so every checkpoint, reference
 * and read model stays valid and nothing needs rebuilding. Appends only ever insert, so a row lock
 * on each batch (and an advisory lock against a second run) is enough: the system can keep running,
 * and a reader sees a field either in plaintext or encrypted, which the encrypting store opens to
 * the same value. A person already erased has their plaintext replaced with the erased value.
 */
export async function encryptStoredEvents(
  pool: pg.Pool,
  options: StoredEventEncryptionOptions,
): Promise<StoredEventEncryptionReport> {
  const dryRun = options.dryRun ?? false;
  const report = { examined: 0, encrypted: 0, redacted: 0, fields: 0, people: 0, unattributed: 0, dryRun };
  const batch: Batch = {
    codec: new PersonalDataCodec(options.keys, options.policy),
    keys: options.keys,
    types: options.policy.personalTypes(),
    size: options.batchSize ?? 500,
    dryRun,
    report,
    people: new Set(),
  };
  const lock = await pool.connect();
  const [classId, objectId] = lockKey();
  let broken: Error | undefined;
  try {
    const { rows: locked } = await lock.query<{ ok: boolean }>("select pg_try_advisory_lock($1, $2) as ok", [
      classId,
      objectId,
    ]);
    if (!locked[0]?.ok) throw new EncryptionAlreadyRunningError();
    const { rows: counted } = await lock.query<{ total: number }>(
      "select count(*)::int as total from es_events where type = any($1)",
      [batch.types],
    );
    const total = counted[0]?.total ?? 0;
    let after: [string, string] = ["0", "0"];
    while (!options.signal?.aborted) {
      const rows = await transactionOn(
        lock,
        (client) => encryptBatch(client, batch, after),
        (failure) => {
          broken = failure;
        },
      );
      report.examined += rows.length;
      options.onProgress?.({ done: report.examined, total: Math.max(total, report.examined) });
      const last = rows.at(-1);
      if (!last || rows.length < batch.size) break;
      after = [last.transaction_text, last.position_text];
    }
    report.people = batch.people.size;
    return report;
  } finally {
    await lock.query("select pg_advisory_unlock($1, $2)", [classId, objectId]).catch(() => {});
    lock.release(broken);
  }
}

interface Batch {
  codec: PersonalDataCodec;
  keys: DataKeyStore;
  types: string[];
  size: number;
  dryRun: boolean;
  report: StoredEventEncryptionReport;
  people: Set<string>;
}

/** Locks, and unless it is a dry run encrypts, the next batch of personal events after a position. */
async function encryptBatch(client: pg.PoolClient, batch: Batch, after: [string, string]): Promise<Row[]> {
  const { rows } = await client.query<Row>(
    `select transaction_id::text as transaction_text, global_position::text as position_text,
            stream_id, event_id::text, type, data
     from es_events
     where type = any($1) and (transaction_id, global_position) > ($2::xid8, $3::bigint)
     order by transaction_id, global_position
     limit $4
     for update`,
    [batch.types, after[0], after[1], batch.size],
  );
  const found = rows.flatMap((row) => {
    const event = { id: row.event_id, type: row.type, data: row.data };
    try {
      const plaintext = batch.codec.plaintext(row.stream_id, event);
      return plaintext.person === null || plaintext.fields === 0
        ? []
        : [{ row, event, person: plaintext.person, fields: plaintext.fields }];
    } catch (error) {
      if (!(error instanceof PersonUnknownError)) throw error;
      batch.report.unattributed += 1;
      return [];
    }
  });
  const erased = batch.dryRun
    ? await erasedAmong(
        batch.keys,
        found.map((f) => f.person),
      )
    : new Set();
  const updates: { id: string; data: unknown }[] = [];
  for (const { row, event, person, fields } of found) {
    batch.people.add(person);
    batch.report.fields += fields;
    if (batch.dryRun) {
      if (erased.has(person)) batch.report.redacted += 1;
      else batch.report.encrypted += 1;
      continue;
    }
    const sealed = await batch.codec.seal(row.stream_id, event, "redact");
    if (sealed.outcome === "redacted") batch.report.redacted += 1;
    else batch.report.encrypted += 1;
    updates.push({ id: row.event_id, data: sealed.data });
  }
  if (updates.length > 0) {
    await client.query(
      `update es_events e set data = u.data
       from jsonb_to_recordset($1::jsonb) as u (id uuid, data jsonb)
       where e.event_id = u.id`,
      [JSON.stringify(updates)],
    );
  }
  return rows;
}

async function erasedAmong(keys: DataKeyStore, people: string[]): Promise<Set<string>> {
  if (people.length === 0) return new Set();
  const standings = await keys.standings([...new Set(people)]);
  return new Set([...standings].filter(([, standing]) => standing.state === "erased").map(([id]) => id));
}

function lockKey(): [number, number] {
  const digest = createHash("sha256").update("withme-encrypt-events").digest();
  return [digest.readInt32BE(0), digest.readInt32BE(4)];
}
