import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { liveBusMigrations } from "../../../src/adapters/postgres/liveBusMigrations.ts";
import { migrate } from "../../../src/adapters/postgres/migrations.ts";
import { PostgresLiveBus } from "../../../src/adapters/postgres/postgresLiveBus.ts";
import { topics } from "../../../src/ports/liveBus.ts";
import { eventually } from "../../support/coreHarness.ts";
import { createTestDatabase, type TestDatabase } from "../../support/testDatabase.ts";

/** A reply piece whose text is `text`: every message goes through the table (inline limit 0). */
const delta = (text: string) => ({
  kind: "reply.delta" as const,
  payload: { replyId: randomUUID(), text, index: 0 },
});

/** An image job's update whose prompt is `text`. */
const imageJobUpdate = (id: string, text: string) => ({
  kind: "imagejob.updated" as const,
  payload: { id, streamId: `imagejob-${id}`, revision: 0, position: "1", text },
});

describe("what live_bus_messages keeps", () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  const buses: PostgresLiveBus[] = [];
  const open = (ttlSeconds: number) => {
    const bus = new PostgresLiveBus(pool, database.url, {
      inlineLimitBytes: 0,
      largeMessageTtlSeconds: ttlSeconds,
    });
    buses.push(bus);
    return bus;
  };
  const bodies = async () =>
    (await pool.query<{ body: string }>("select body from live_bus_messages order by id")).rows.map(
      (row) => (JSON.parse(row.body) as { payload: { text: string } }).payload.text,
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new pg.Pool({ connectionString: database.url, max: 2 });
    pool.on("error", () => {});
    await migrate(pool, liveBusMigrations);
  });
  afterAll(async () => {
    for (const bus of buses) await bus.close();
    await pool.end();
    await database.drop();
  });

  it("drops the messages of a forgotten person's conversations and keeps everyone else's", async () => {
    const bus = open(3600);
    const [gone, kept, agentId] = [randomUUID(), randomUUID(), randomUUID()];
    await bus.publish(topics.conversation(gone, agentId), delta("gone's words"));
    await bus.publish(topics.conversation(gone, randomUUID()), delta("gone's other words"));
    await bus.publish(topics.conversation(kept, agentId), delta("kept's words"));
    await bus.forgetPerson(gone);
    expect(await bodies()).toEqual(["kept's words"]);
  });

  it("drops the messages of the image jobs named with the forgotten person, and no other job's", async () => {
    await pool.query("delete from live_bus_messages");
    const bus = open(3600);
    const [gone, goneJob, keptJob] = [randomUUID(), randomUUID(), randomUUID()];
    await bus.publish(topics.imageJob(goneJob), imageJobUpdate(goneJob, "gone's selfie prompt"));
    await bus.publish(topics.imageJob(keptJob), imageJobUpdate(keptJob, "kept's selfie prompt"));
    await bus.forgetPerson(gone, { imageJobIds: [goneJob] });
    expect(await bodies()).toEqual(["kept's selfie prompt"]);
  });

  it("deletes expired messages on its own, without waiting for another large message", async () => {
    await pool.query("delete from live_bus_messages");
    const bus = open(1);
    await bus.publish(topics.conversation(randomUUID(), randomUUID()), delta("expiring words"));
    expect(await bodies()).toEqual(["expiring words"]);
    await eventually(async () => (await bodies()).length === 0);
  });
});
