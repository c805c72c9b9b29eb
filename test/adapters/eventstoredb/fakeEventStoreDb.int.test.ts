import { randomUUID } from "node:crypto";
import {
  type AllStreamResolvedEvent,
  BACKWARDS,
  EventStoreDBClient,
  excludeSystemEvents,
  jsonEvent,
  MaxAppendSizeExceededError,
  NO_STREAM,
  type Position,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from "@eventstore/db-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type FakeEventStoreDb,
  startFakeEventStoreDb,
} from "../../support/fakes/eventStoreDb/fakeEventStoreDb.ts";

/** The fake speaks the node's protocol: checked here through the real client, without the adapter. */

const stream = () => `fake-${randomUUID()}`;
const event = (i = 0, id?: string) => jsonEvent({ ...(id ? { id } : {}), type: "Tested", data: { i } });

async function collect<T>(read: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of read) items.push(item);
  return items;
}

describe.each([
  { rpc: "Append", batchAppend: false },
  { rpc: "BatchAppend", batchAppend: true },
])("fake EventStoreDB: expected revisions through $rpc", ({ batchAppend }) => {
  let fake: FakeEventStoreDb;
  let client: EventStoreDBClient;
  beforeAll(async () => {
    fake = await startFakeEventStoreDb({ batchAppend, maxAppendSize: 4_096 });
    client = EventStoreDBClient.connectionString(fake.url);
  });
  afterAll(async () => {
    await client.dispose();
    await fake.close();
  });

  it("answers a wrong expected version with the expected and current revisions", async () => {
    const id = stream();
    await expect(
      client.appendToStream(id, event(), { expectedRevision: STREAM_EXISTS }),
    ).rejects.toMatchObject({
      constructor: WrongExpectedVersionError,
      expectedVersion: STREAM_EXISTS,
      actualVersion: NO_STREAM,
    });
    await expect(client.appendToStream(id, event(), { expectedRevision: 0n })).rejects.toMatchObject({
      expectedVersion: 0n,
      actualVersion: NO_STREAM,
    });
    const first = await client.appendToStream(id, [event(1), event(2)], { expectedRevision: NO_STREAM });
    expect(first).toMatchObject({ success: true, nextExpectedRevision: 1n });
    await expect(client.appendToStream(id, event(), { expectedRevision: NO_STREAM })).rejects.toMatchObject({
      expectedVersion: NO_STREAM,
      actualVersion: 1n,
    });
  });

  it("answers a retry of the same ids at the same place with the first answer, writing nothing", async () => {
    const id = stream();
    const events = [event(1, randomUUID().toUpperCase()), event(2)];
    const first = await client.appendToStream(id, events, { expectedRevision: NO_STREAM });
    // GUIDs compare regardless of case, and come back in lower case
    const retry = events.map((e) => ({ ...e, id: e.id.toLowerCase() }));
    expect(await client.appendToStream(id, retry, { expectedRevision: NO_STREAM })).toEqual(first);
    const read = await collect(client.readStream(id));
    expect(read.map((r) => r.event?.id)).toEqual(retry.map((e) => e.id));
  });

  it("refuses an append larger than the maximum append size", async () => {
    const big = jsonEvent({ type: "Big", data: { text: "x".repeat(5_000) } });
    await expect(client.appendToStream(stream(), big)).rejects.toBeInstanceOf(MaxAppendSizeExceededError);
  });
});

describe("fake EventStoreDB: reads and subscriptions", () => {
  let fake: FakeEventStoreDb;
  let client: EventStoreDBClient;
  beforeAll(async () => {
    fake = await startFakeEventStoreDb();
    client = EventStoreDBClient.connectionString(fake.url);
  });
  afterAll(async () => {
    await client.dispose();
    await fake.close();
  });

  it("reports a missing stream as not found", async () => {
    await expect(collect(client.readStream(stream()))).rejects.toBeInstanceOf(StreamNotFoundError);
  });

  it("reads $all forwards from an event inclusively and backwards from it exclusively", async () => {
    await client.appendToStream(stream(), [event(1), event(2), event(3)]);
    const all = await collect(client.readAll());
    const positions = all.map((r) => r.event!.position);
    expect(all.slice(0, 3).every((r) => r.event!.type.startsWith("$"))).toBe(true);
    expect(positions.every((p) => p.commit === p.prepare)).toBe(true);
    // byte offsets: increasing, never one apart
    expect(positions.slice(1).every((p, i) => p.commit - positions[i]!.commit > 1n)).toBe(true);
    const second = all.at(-2)!.event!.position;
    const forwards = await collect(client.readAll({ fromPosition: second }));
    expect(forwards.map((r) => r.event!.data)).toEqual([{ i: 2 }, { i: 3 }]);
    const backwards = await collect(
      client.readAll({ fromPosition: second, direction: BACKWARDS, maxCount: 1 }),
    );
    expect(backwards.map((r) => r.event!.data)).toEqual([{ i: 1 }]);
  });

  it("subscribes after the event at a position: confirmation, catch-up, checkpoints, caught up, live", async () => {
    const id = stream();
    await client.appendToStream(
      id,
      Array.from({ length: 40 }, (_, i) => event(i)),
    );
    const [start] = await collect(client.readStream(id, { maxCount: 1 }));
    const checkpoints: Position[] = [];
    const seen: AllStreamResolvedEvent[] = [];
    const signals: string[] = [];
    const subscription = client.subscribeToAll({
      fromPosition: start!.event!.position!,
      filter: excludeSystemEvents({ checkpointReached: (_, position) => void checkpoints.push(position) }),
    });
    subscription.on("confirmation", () => signals.push("confirmation"));
    subscription.on("caughtUp", () => {
      signals.push(`caughtUp after ${seen.length}`);
      void client.appendToStream(id, event(40));
    });
    for await (const resolved of subscription) {
      seen.push(resolved);
      if (seen.length === 40) break;
    }
    await subscription.unsubscribe();
    expect(signals).toEqual(["confirmation", "caughtUp after 39"]);
    expect(seen.map((r) => (r.event!.data as { i: number }).i)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    expect(checkpoints.length).toBeGreaterThan(0);
    expect(checkpoints.every((p) => p.commit <= seen.at(-1)!.event!.position.commit)).toBe(true);
  });
});
