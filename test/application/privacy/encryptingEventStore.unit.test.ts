import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { InMemoryDataKeyStore } from "../../../src/adapters/local/inMemoryDataKeyStore.ts";
import { EncryptingEventStore } from "../../../src/application/privacy/encryptingEventStore.ts";
import { cipherFor } from "../../../src/application/privacy/fieldCipher.ts";
import { FieldDecryptionError, isEnvelope } from "../../../src/application/privacy/fieldEnvelope.ts";
import { withmePersonalData } from "../../../src/application/privacy/personalDataPolicy.ts";
import { catalogue } from "../../../src/domain/catalogue.ts";
import { PersonUnknownError } from "../../../src/domain/personalData.ts";
import { conversationStreamId, userStreamId } from "../../../src/domain/streamIds.ts";
import { DataKeyMissingError, SubjectErasedError } from "../../../src/ports/dataKeys.ts";
import type { EventToAppend, RecordedEvent } from "../../../src/ports/eventStore.ts";
import { envelope } from "../../support/domainEvents.ts";
import { personalSamples, sampleStreams } from "../../support/personalEvents.ts";
import { RecordingEventStore } from "./recordingEventStore.ts";

const userId = randomUUID();
const agentId = randomUUID();
const conversation = conversationStreamId(userId, agentId);

let below: RecordingEventStore;
let keys: InMemoryDataKeyStore;
let store: EncryptingEventStore;

beforeEach(() => {
  below = new RecordingEventStore();
  keys = new InMemoryDataKeyStore();
  store = new EncryptingEventStore(below, { keys, policy: withmePersonalData });
});

async function appendSamples(person: string, secret: string): Promise<EventToAppend[]> {
  const written: EventToAppend[] = [];
  for (const [streamId, events] of sampleStreams(personalSamples(person, agentId, secret))) {
    await store.append(streamId, events, "any");
    written.push(...events);
  }
  return written;
}

const byId = (events: readonly RecordedEvent[]) => new Map(events.map((e) => [e.id, e]));

describe("the encrypting event store", () => {
  it("stores personal fields encrypted and the rest as it is", async () => {
    const written = await appendSamples(userId, "Ana-secret");
    expect(JSON.stringify(below.events)).not.toContain("Ana-secret");
    expect(JSON.stringify(below.events)).not.toContain("Europe/Lisbon");
    const message = below.events.find((e) => e.type === "UserMessageSent")!;
    const original = written.find((e) => e.id === message.id)!;
    expect(isEnvelope((message.data as { text: unknown }).text)).toBe(true);
    expect(message.data).toMatchObject({
      messageId: (original.data as { messageId: string }).messageId,
      sentAt: "2025-05-01T09:00:00.000Z",
    });
    const summary = below.events.find((e) => e.type === "MemorySummarized")!.data as { facts: unknown[] };
    expect(summary.facts).toHaveLength(2);
    expect(summary.facts.every(isEnvelope)).toBe(true);
    const started = below.events.find((e) => e.type === "ConversationStarted")!;
    const { importedHeader, ...plain } = started.data as { importedHeader: Record<string, unknown> };
    const { importedHeader: _, ...originalPlain } = written.find((e) => e.id === started.id)!.data as {
      importedHeader: unknown;
    };
    expect(plain).toEqual(originalPlain);
    expect(Object.values(importedHeader).every(isEnvelope)).toBe(true);
  });

  it("reads back exactly what was appended, through every read path", async () => {
    const written = await appendSamples(userId, "Ana-secret");
    const expected = new Map(written.map((e) => [e.id, e.data]));
    const all = await store.readAll();
    expect(all).toHaveLength(written.length);
    for (const event of all) expect(event.data).toEqual(expected.get(event.id));
    const projected = await store.readAll();
    expect(projected).toHaveLength(written.length);
    for (const event of projected) expect(event.data).toEqual(expected.get(event.id));
    const stream = await store.readStream(conversation);
    for (const event of stream) expect(event.data).toEqual(expected.get(event.id));
    for await (const batch of store.subscribeToAll()) {
      for (const event of batch) expect(event.data).toEqual(expected.get(event.id));
    }
  });

  it("leaves the caller's events as they were", async () => {
    const event = envelope({
      type: "UserMessageSent",
      data: { messageId: "m1", clientMessageId: "c1", text: "hello there", sentAt: "2025-05-01T09:00:00Z" },
    });
    const copy = structuredClone(event);
    await store.append(conversation, [event], "any");
    expect(event).toEqual(copy);
  });

  it("makes a key only for a person with something personal to store", async () => {
    await store.append(
      conversation,
      [
        envelope({
          type: "ConversationStarted",
          data: { userId, agentId, startedAt: "2025-05-01T09:00:00Z" },
        }),
      ],
      "any",
    );
    expect((await keys.standings([userId])).get(userId)).toEqual({ state: "none" });
  });

  it("stores the same ciphertext for the same event appended twice", async () => {
    const event = envelope({
      type: "UserMessageSent",
      data: { messageId: "m1", clientMessageId: "c1", text: "hello there", sentAt: "2025-05-01T09:00:00Z" },
    });
    await store.append(conversation, [event], "any");
    await store.append(conversation, [event], "any");
    expect(below.events[0]!.data).toEqual(below.events[1]!.data);
    const key = await keys.keyFor(userId);
    expect((below.events[0]!.data as { text: unknown }).text).toEqual(
      cipherFor(key).seal(event.id, ["text"], "hello there"),
    );
  });

  it("reads an erased person's fields as erased values that still pass the schemas, and others' as they were", async () => {
    const other = randomUUID();
    const mine = await appendSamples(userId, "Ana-secret");
    const theirs = await appendSamples(other, "Bea-secret");
    await keys.destroy(userId, new Date("2025-06-01T00:00:00Z"));
    const read = byId(await store.readAll());
    for (const event of mine) {
      const data = read.get(event.id)!.data;
      expect(JSON.stringify(data)).not.toContain("Ana-secret");
      expect(() => catalogue.parse(event.type, 1, data)).not.toThrow();
    }
    for (const event of theirs) expect(read.get(event.id)!.data).toEqual(event.data);
    const typeOf = (type: string) =>
      [...read.values()].find((e) => e.type === type && mine.some((m) => m.id === e.id))!.data;
    expect(typeOf("UserMessageSent")).toMatchObject({ text: "[erased]" });
    expect(typeOf("MemorySummarized")).toMatchObject({
      summary: "[erased]",
      facts: ["[erased]", "[erased]"],
      messageCount: 2,
    });
    expect(typeOf("UserProfileUpdated")).toMatchObject({
      displayName: "[erased]",
      timezone: null,
      quietHours: null,
      doNotDisturb: false,
    });
    expect(typeOf("PushSubscriptionRegistered")).toMatchObject({
      kind: "webpush",
      keys: { p256dh: "[erased]", auth: "[erased]" },
    });
    expect(typeOf("ConversationStarted")).toMatchObject({ userId, agentId });
  });

  it("refuses to store anything personal for an erased person, but still stores what is not personal", async () => {
    await appendSamples(userId, "Ana-secret");
    await keys.destroy(userId, new Date());
    const count = below.events.length;
    const message = envelope({
      type: "UserMessageSent",
      data: { messageId: "m9", clientMessageId: "c9", text: "still here?", sentAt: "2025-05-01T09:00:00Z" },
    });
    await expect(store.append(conversation, [message], "any")).rejects.toBeInstanceOf(SubjectErasedError);
    expect(below.events).toHaveLength(count);
    const started = envelope({
      type: "AgentReplyStarted",
      data: { replyId: "r9", inReplyTo: "m1", attempt: 1, startedAt: "2025-05-01T09:00:00Z" },
    });
    await store.append(conversation, [started], "any");
    expect(below.events).toHaveLength(count + 1);
  });

  it("reads plaintext written before encryption as it is", async () => {
    const old = envelope({
      type: "UserMessageSent",
      data: { messageId: "m0", clientMessageId: "c0", text: "from before", sentAt: "2025-05-01T09:00:00Z" },
    });
    await below.append(conversation, [old], "any");
    await appendSamples(userId, "Ana-secret");
    expect((await store.readStream(conversation))[0]!.data).toEqual(old.data);
  });

  it("opens envelopes wherever they are, whatever the declarations say now", async () => {
    const key = await keys.keyFor(userId);
    const event = envelope({
      type: "AgentReplyStarted",
      data: { replyId: "r", inReplyTo: "m", attempt: 1, startedAt: "2025-05-01T09:00:00Z" },
    });
    const sealed = {
      ...event,
      data: { ...(event.data as object), replyId: cipherFor(key).seal(event.id, ["replyId"], "r") },
    };
    await below.append(conversation, [sealed], "any");
    expect((await store.readStream(conversation))[0]!.data).toEqual(event.data);
    await keys.destroy(userId, new Date());
    expect((await store.readStream(conversation))[0]!.data).toMatchObject({ replyId: "[erased]" });
  });

  it("opens envelopes beside the declared fields too, in an event of a personal type", async () => {
    const cipher = cipherFor(await keys.keyFor(userId));
    const event = envelope({
      type: "UserMessageSent",
      data: { messageId: "m1", clientMessageId: "c1", text: "hello", sentAt: "2025-05-01T09:00:00Z" },
    });
    const sealed = {
      ...event,
      data: {
        ...(event.data as object),
        clientMessageId: cipher.seal(event.id, ["clientMessageId"], "c1"),
        text: cipher.seal(event.id, ["text"], "hello"),
      },
    };
    await below.append(conversation, [sealed], "any");
    expect((await store.readStream(conversation))[0]!.data).toEqual(event.data);
    await keys.destroy(userId, new Date());
    expect((await store.readStream(conversation))[0]!.data).toMatchObject({
      clientMessageId: "[erased]",
      text: "[erased]",
    });
  });

  it("fails loudly, naming the person, when ciphertext has no key and no erasure behind it", async () => {
    await appendSamples(userId, "Ana-secret");
    store = new EncryptingEventStore(below, { keys: new InMemoryDataKeyStore(), policy: withmePersonalData });
    await expect(store.readAll()).rejects.toThrow(DataKeyMissingError);
    await expect(store.readAll()).rejects.toThrow(userId);
  });

  it("fails loudly on altered ciphertext", async () => {
    await appendSamples(userId, "Ana-secret");
    const message = below.events.find((e) => e.type === "UserMessageSent")!;
    const text = (message.data as { text: { ct: string } }).text;
    text.ct = `A${text.ct.slice(1)}` === text.ct ? `B${text.ct.slice(1)}` : `A${text.ct.slice(1)}`;
    await expect(store.readStream(conversation)).rejects.toBeInstanceOf(FieldDecryptionError);
  });

  it("decrypts what a global read fetches only when an event's data is read, and still refuses altered ciphertext then", async () => {
    const written = await appendSamples(userId, "Ana-secret");
    const message = below.events.find((e) => e.type === "UserMessageSent")!;
    const text = (message.data as { text: { ct: string } }).text;
    text.ct = `A${text.ct.slice(1)}` === text.ct ? `B${text.ct.slice(1)}` : `A${text.ct.slice(1)}`;
    const projected = await store.readAll();
    expect(projected).toHaveLength(written.length);
    const altered = projected.find((e) => e.id === message.id)!;
    expect(() => altered.data).toThrow(FieldDecryptionError);
    const expected = new Map(written.map((e) => [e.id, e.data]));
    for (const event of projected.filter((e) => e !== altered))
      expect(event.data).toEqual(expected.get(event.id));
  });

  it("refuses a personal event in a stream that names nobody rather than store it in plaintext", async () => {
    const event = envelope({
      type: "UserMessageSent",
      data: { messageId: "m1", clientMessageId: "c1", text: "hello", sentAt: "2025-05-01T09:00:00Z" },
    });
    await expect(store.append("elsewhere-1", [event], "any")).rejects.toBeInstanceOf(PersonUnknownError);
    expect(below.events).toHaveLength(0);
  });

  it("passes event types it does not know through untouched", async () => {
    const event = {
      ...envelope({
        type: "ConversationStarted",
        data: { userId, agentId, startedAt: "2025-05-01T09:00:00Z" },
      }),
      type: "SomethingHappened",
      data: { text: "plain" },
    };
    await store.append(userStreamId(userId), [event], "any");
    expect(below.events[0]!.data).toEqual({ text: "plain" });
  });
});
