import { createHash, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataKeyMigrations } from "../../../src/adapters/postgres/dataKeyMigrations.ts";
import { eventStoreMigrations } from "../../../src/adapters/postgres/eventStoreMigrations.ts";
import { migrate } from "../../../src/adapters/postgres/migrations.ts";
import { PostgresDataKeyStore } from "../../../src/adapters/postgres/postgresDataKeyStore.ts";
import {
  EncryptionAlreadyRunningError,
  encryptStoredEvents,
} from "../../../src/adapters/postgres/postgresEventEncryption.ts";
import { PostgresEventStore } from "../../../src/adapters/postgres/postgresEventStore.ts";
import { CachingDataKeyStore } from "../../../src/application/privacy/cachingDataKeyStore.ts";
import { EncryptingEventStore } from "../../../src/application/privacy/encryptingEventStore.ts";
import { MasterKey } from "../../../src/application/privacy/masterKey.ts";
import { withmePersonalData } from "../../../src/application/privacy/personalDataPolicy.ts";
import { catalogue } from "../../../src/domain/catalogue.ts";
import type { EventToAppend } from "../../../src/ports/eventStore.ts";
import { personalSamples, sampleStreams } from "../../support/personalEvents.ts";
import { createTestDatabase, type TestDatabase } from "../../support/testDatabase.ts";

let database: TestDatabase;
let pool: pg.Pool;
let plain: PostgresEventStore;
let keys: CachingDataKeyStore;
let encrypted: EncryptingEventStore;

const people = { ana: randomUUID(), bea: randomUUID(), cleo: randomUUID() };
const secrets = { ana: `ana-${randomUUID()}`, bea: `bea-${randomUUID()}`, cleo: `cleo-${randomUUID()}` };
const written = new Map<string, EventToAppend>();

interface Placement {
  event_id: string;
  stream_id: string;
  revision: string;
  transaction_id: string;
  global_position: string;
}

const placements = () =>
  pool
    .query<Placement>(
      "select event_id::text, stream_id, revision::text, transaction_id::text, global_position::text from es_events order by transaction_id, global_position",
    )
    .then((result) => result.rows);

/** The stored data of every event, or only of those in streams that name their person. */
const everything = (attributedOnly = false) =>
  pool
    .query<{ text: string }>(
      `select coalesce(string_agg(data::text, ' '), '') as text from es_events
       ${attributedOnly ? "where stream_id not like 'elsewhere-%'" : ""}`,
    )
    .then((result) => result.rows[0]!.text);

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 8 });
  pool.on("error", () => {});
  await migrate(pool, [...eventStoreMigrations, ...dataKeyMigrations]);
  plain = new PostgresEventStore(pool, database.url);
  keys = new CachingDataKeyStore(new PostgresDataKeyStore(pool, MasterKey.generate()));
  encrypted = new EncryptingEventStore(plain, { keys, policy: withmePersonalData });
  // Written before encryption was on: every personal field in plaintext.
  for (const [name, person] of Object.entries(people)) {
    const secret = secrets[name as keyof typeof secrets];
    for (const [streamId, events] of sampleStreams(personalSamples(person, randomUUID(), secret))) {
      await plain.append(streamId, events, "no_stream");
      for (const event of events) written.set(event.id, event);
    }
  }
  await keys.destroy(people.cleo, new Date("2025-06-01T00:00:00Z"));
  const stray = sampleStreams(personalSamples(people.ana, randomUUID(), "stray"))
    .values()
    .next().value!;
  await plain.append(`elsewhere-${randomUUID()}`, stray, "no_stream");
  for (const event of stray) written.set(event.id, event);
});

afterAll(async () => {
  await plain?.close();
  await pool?.end();
  await database?.drop();
});

describe("withme encrypt-events on PostgreSQL", () => {
  it("counts in a dry run, changing nothing and making no keys", async () => {
    const before = await everything();
    const report = await encryptStoredEvents(pool, { keys, policy: withmePersonalData, dryRun: true });
    const personalPerPerson = personalSamples(randomUUID(), randomUUID(), "x").filter(
      (s) => withmePersonalData.fields(s.event.type).length > 0,
    ).length;
    expect(report).toMatchObject({
      encrypted: 2 * personalPerPerson,
      redacted: personalPerPerson,
      people: 3,
      unattributed: 4,
      dryRun: true,
    });
    expect(await everything()).toBe(before);
    const made = await pool.query("select 1 from withme_data_keys");
    expect(made.rowCount).toBe(0);
  });

  it("refuses to run twice at once", async () => {
    const digest = createHash("sha256").update("withme-encrypt-events").digest();
    const holder = await pool.connect();
    try {
      await holder.query("select pg_advisory_lock($1, $2)", [digest.readInt32BE(0), digest.readInt32BE(4)]);
      await expect(encryptStoredEvents(pool, { keys, policy: withmePersonalData })).rejects.toBeInstanceOf(
        EncryptionAlreadyRunningError,
      );
    } finally {
      await holder.query("select pg_advisory_unlock_all()");
      holder.release();
    }
  });

  it("encrypts old plaintext in place: same ids, revisions and positions, no plaintext left", async () => {
    const before = await placements();
    const progress: number[] = [];
    const report = await encryptStoredEvents(pool, {
      keys,
      policy: withmePersonalData,
      batchSize: 7,
      onProgress: ({ done, total }) => {
        progress.push(done);
        expect(done).toBeLessThanOrEqual(total);
      },
    });
    expect(report.encrypted).toBeGreaterThan(0);
    expect(report.redacted).toBeGreaterThan(0);
    expect(report.unattributed).toBe(4);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(await placements()).toEqual(before);
    const text = await everything();
    for (const secret of Object.values(secrets)) expect(text).not.toContain(secret);
    expect(await everything(true)).not.toContain("Europe/Lisbon");
    expect(text).toContain("stray");
  });

  it("reads the same events as before through the encrypting store, the erased person's as erased", async () => {
    const read = await encrypted.readAll({ maxCount: 10_000 });
    expect(read).toHaveLength(written.size);
    for (const event of read) {
      const original = written.get(event.id)!;
      expect(() => catalogue.parse(event.type, 1, event.data)).not.toThrow();
      if (!event.streamId.includes(people.cleo) && !JSON.stringify(original.data).includes(secrets.cleo)) {
        expect(event.data).toEqual(original.data);
      } else {
        expect(JSON.stringify(event.data)).not.toContain(secrets.cleo);
      }
    }
    const cleosMessage = read.find(
      (e) => e.type === "UserMessageSent" && JSON.stringify(written.get(e.id)!.data).includes(secrets.cleo),
    );
    expect(cleosMessage?.data).toMatchObject({ text: "[erased]" });
  });

  it("changes nothing when run again, and leaves newly encrypted events alone", async () => {
    const streamId = `conversation-${people.ana}-${randomUUID()}`;
    const later = personalSamples(people.ana, randomUUID(), "later").find(
      (s) => s.event.type === "UserMessageSent",
    )!;
    await encrypted.append(streamId, sampleStreams([later]).values().next().value!, "no_stream");
    const text = await everything();
    const report = await encryptStoredEvents(pool, { keys, policy: withmePersonalData });
    expect(report).toMatchObject({ encrypted: 0, redacted: 0, fields: 0 });
    expect(report.examined).toBeGreaterThan(0);
    expect(await everything()).toBe(text);
  });
});
