import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { InMemoryDataKeyStore } from "../../src/adapters/local/inMemoryDataKeyStore.ts";
import { EncryptingEventStore } from "../../src/application/privacy/encryptingEventStore.ts";
import { PersonalDataCodec } from "../../src/application/privacy/personalDataCodec.ts";
import { withmePersonalData } from "../../src/application/privacy/personalDataPolicy.ts";
import { catalogue } from "../../src/domain/catalogue.ts";
import { SubjectErasedError } from "../../src/ports/dataKeys.ts";
import type { EventStore, EventToAppend, RecordedEvent } from "../../src/ports/eventStore.ts";
import { type ContractSubject, collect, newEvent, type StoredEvent } from "./eventStoreContract.ts";
import { personalSamples, sampleStreams } from "./personalEvents.ts";

/** The same adapter behind the encrypting store: ciphertext at rest, plaintext on every read path. */
export function describePersonalDataEncryption(
  current: () => { subject: ContractSubject; store: EventStore },
): void {
  describe("with personal fields encrypted", () => {
    let raw: EventStore;
    let keys: InMemoryDataKeyStore;
    let encrypted: EventStore;
    let stored: (streamId: string) => Promise<StoredEvent[]>;

    beforeAll(() => {
      const { subject, store } = current();
      raw = store;
      keys = new InMemoryDataKeyStore();
      encrypted = new EncryptingEventStore(store, { keys, policy: withmePersonalData });
      stored =
        subject.storedEvents ??
        (async (streamId) =>
          (await store.readStream(streamId)).map((e) => ({
            id: e.id,
            data: e.data,
            raw: JSON.stringify(e.data) + JSON.stringify(e.metadata),
          })));
    });

    async function appendPerson(person: string, secret: string) {
      const streams = sampleStreams(personalSamples(person, randomUUID(), secret));
      for (const [streamId, events] of streams) await encrypted.append(streamId, events, "no_stream");
      return streams;
    }

    const dataById = (streams: Map<string, EventToAppend[]>) =>
      new Map([...streams.values()].flat().map((e) => [e.id, e]));

    it("stores personal fields as the encrypter's exact ciphertext and everything else as it is", async () => {
      const person = randomUUID();
      const secret = `secret-${randomUUID()}`;
      const streams = await appendPerson(person, secret);
      const codec = new PersonalDataCodec(keys, withmePersonalData);
      for (const [streamId, events] of streams) {
        const kept = await stored(streamId);
        expect(kept.map((e) => e.id)).toEqual(events.map((e) => e.id));
        for (const [i, event] of events.entries()) {
          expect(kept[i]!.raw).not.toContain(secret);
          expect(kept[i]!.raw).not.toContain("Europe/Lisbon");
          expect(kept[i]!.data).toEqual((await codec.seal(streamId, event)).data);
          if (withmePersonalData.fields(event.type).length === 0) expect(kept[i]!.data).toEqual(event.data);
          else expect(kept[i]!.data).not.toEqual(event.data);
        }
      }
    });

    it("reads personal fields back in plaintext through readStream, readAll and subscribeToAll", async () => {
      const before = await encrypted.headPosition();
      const streams = await appendPerson(randomUUID(), `secret-${randomUUID()}`);
      const written = dataById(streams);
      for (const [streamId, events] of streams) {
        const read = await encrypted.readStream(streamId);
        expect(read.map((e) => [e.id, e.data])).toEqual(events.map((e) => [e.id, e.data]));
        const backwards = await encrypted.readStream(streamId, { direction: "backwards", maxCount: 1 });
        expect(backwards[0]?.data).toEqual(events.at(-1)?.data);
      }
      const all = (await encrypted.readAll({ after: before, maxCount: 10_000 })).filter((e) =>
        written.has(e.id),
      );
      expect(all).toHaveLength(written.size);
      for (const event of all) expect(event.data).toEqual(written.get(event.id)!.data);
      const seen = await collect(encrypted, {
        after: before,
        until: (events) => events.filter((e) => written.has(e.id)).length >= written.size,
      });
      for (const event of seen.filter((e) => written.has(e.id))) {
        expect(event.data).toEqual(written.get(event.id)!.data);
      }
    });

    it("keeps a retried encrypted append idempotent, with the same ciphertext", async () => {
      const streams = await appendPerson(randomUUID(), `secret-${randomUUID()}`);
      const [streamId, events] = [...streams].find(([id]) => id.startsWith("conversation-"))!;
      const kept = await stored(streamId);
      const retry = await encrypted.append(streamId, events, "no_stream");
      expect(retry).toMatchObject({ nextRevision: events.length - 1, idempotent: true });
      expect(await stored(streamId)).toEqual(kept);
    });

    it("reads an erased person's fields as erased on every path, and leaves other people alone", async () => {
      const before = await encrypted.headPosition();
      const erased = randomUUID();
      const mine = dataById(await appendPerson(erased, `secret-${randomUUID()}`));
      const theirs = dataById(await appendPerson(randomUUID(), `secret-${randomUUID()}`));
      await keys.destroy(erased, new Date());
      const check = (events: RecordedEvent[]) => {
        for (const event of events) {
          const original = mine.get(event.id) ?? theirs.get(event.id);
          if (!original) continue;
          if (theirs.has(event.id) || withmePersonalData.fields(event.type).length === 0) {
            expect(event.data).toEqual(original.data);
            continue;
          }
          expect(event.data).not.toEqual(original.data);
          expect(JSON.stringify(event.data)).toContain("[erased]");
          expect(() => catalogue.parse(event.type, event.metadata.schemaVersion, event.data)).not.toThrow();
        }
      };
      const all = await encrypted.readAll({ after: before, maxCount: 10_000 });
      expect(all.filter((e) => mine.has(e.id) || theirs.has(e.id))).toHaveLength(mine.size + theirs.size);
      check(all);
      check(
        await collect(encrypted, {
          after: before,
          until: (events) => events.filter((e) => theirs.has(e.id)).length >= theirs.size,
        }),
      );
      const conversation = [...new Set(all.filter((e) => mine.has(e.id)).map((e) => e.streamId))].find((id) =>
        id.startsWith("conversation-"),
      )!;
      const stream = await encrypted.readStream(conversation);
      check(stream);
      expect(stream.find((e) => e.type === "MemorySummarized")?.data).toMatchObject({
        summary: "[erased]",
        facts: ["[erased]", "[erased]"],
      });
      const more = newEvent("UserMessageSent", {
        messageId: randomUUID(),
        clientMessageId: randomUUID(),
        text: "are you there?",
        sentAt: new Date().toISOString(),
      });
      await expect(encrypted.append(conversation, [more], "any")).rejects.toBeInstanceOf(SubjectErasedError);
      expect(await raw.readStream(conversation)).toHaveLength(stream.length);
    });

    it("reads plaintext written before encryption beside ciphertext", async () => {
      const person = randomUUID();
      const streamId = `conversation-${person}-${randomUUID()}`;
      const old = newEvent("UserMessageSent", {
        messageId: randomUUID(),
        clientMessageId: randomUUID(),
        text: "written before encryption",
        sentAt: new Date().toISOString(),
      });
      const secret = `after-${randomUUID()}`;
      const later = newEvent("UserMessageSent", {
        ...(old.data as object),
        messageId: randomUUID(),
        text: secret,
      });
      await raw.append(streamId, [old], "no_stream");
      await encrypted.append(streamId, [later], 0);
      expect((await encrypted.readStream(streamId)).map((e) => e.data)).toEqual([old.data, later.data]);
      expect((await stored(streamId))[1]!.raw).not.toContain(secret);
    });
  });
}
