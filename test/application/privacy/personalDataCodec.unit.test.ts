import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { InMemoryDataKeyStore } from "../../../src/adapters/local/inMemoryDataKeyStore.ts";
import { FieldDecryptionError } from "../../../src/application/privacy/fieldEnvelope.ts";
import { PersonalDataCodec } from "../../../src/application/privacy/personalDataCodec.ts";
import { withmePersonalData } from "../../../src/application/privacy/personalDataPolicy.ts";
import { DataKeyMissingError, type DataKeyStore } from "../../../src/ports/dataKeys.ts";
import type { RecordedEvent } from "../../../src/ports/eventStore.ts";
import { personalSamples, sampleStreams } from "../../support/personalEvents.ts";

const agentId = randomUUID();

let keys: InMemoryDataKeyStore;
let codec: PersonalDataCodec;

beforeEach(() => {
  keys = new InMemoryDataKeyStore();
  codec = new PersonalDataCodec(keys, withmePersonalData);
});

/** One person's sample events as stored: personal fields sealed. */
async function storedSamples(userId: string, secret: string): Promise<RecordedEvent[]> {
  const stored: RecordedEvent[] = [];
  for (const [streamId, events] of sampleStreams(personalSamples(userId, agentId, secret))) {
    for (const event of events) {
      const { data } = await codec.seal(streamId, event);
      const revision = stored.filter((e) => e.streamId === streamId).length;
      const position = String(stored.length + 1);
      stored.push({ ...event, data, streamId, revision, position, recordedAt: new Date(0) });
    }
  }
  return structuredClone(stored);
}

/** Counts the batched key lookups a read makes. */
function counting(inner: DataKeyStore): DataKeyStore & { lookups: number } {
  const counted = {
    lookups: 0,
    keyFor: (subjectId: string) => inner.keyFor(subjectId),
    standings: (subjectIds: readonly string[]) => {
      counted.lookups += 1;
      return inner.standings(subjectIds);
    },
    destroy: (subjectId: string, erasedAt: Date) => inner.destroy(subjectId, erasedAt),
  };
  return counted;
}

describe("opening events on first use", () => {
  it("opens to exactly what opening at once gives, through spreads and JSON too", async () => {
    const stored = await storedSamples(randomUUID(), "Ana-secret");
    const now = await codec.open(stored);
    const later = await codec.open(stored, "on first use");
    expect(later.map((e) => e.data)).toEqual(now.map((e) => e.data));
    expect(JSON.stringify(later)).toBe(JSON.stringify(now));
    expect(later.map((e) => ({ ...e }))).toEqual(now);
    expect(JSON.stringify(now)).toContain("Ana-secret");
    expect(JSON.stringify(stored)).not.toContain("Ana-secret");
  });

  it("looks the keys of a whole batch up once, when it is read", async () => {
    const userId = randomUUID();
    const stored = [...(await storedSamples(userId, "a")), ...(await storedSamples(randomUUID(), "b"))];
    const store = counting(keys);
    const events = await new PersonalDataCodec(store, withmePersonalData).open(stored, "on first use");
    expect(store.lookups).toBe(1);
    for (const event of events) expect(event.data).toBeDefined();
    expect(store.lookups).toBe(1);
  });

  it("fails at the read when a key is neither there nor erased", async () => {
    const userId = randomUUID();
    const stored = await storedSamples(userId, "Ana-secret");
    const stranger = new PersonalDataCodec(new InMemoryDataKeyStore(), withmePersonalData);
    await expect(stranger.open(stored, "on first use")).rejects.toThrow(DataKeyMissingError);
    await expect(stranger.open(stored, "on first use")).rejects.toThrow(userId);
  });

  it("refuses altered ciphertext when the event's data is read, every time it is read", async () => {
    const stored = await storedSamples(randomUUID(), "Ana-secret");
    const message = stored.find((e) => e.type === "UserMessageSent")!;
    const text = (message.data as { text: { ct: string } }).text;
    text.ct = `A${text.ct.slice(1)}` === text.ct ? `B${text.ct.slice(1)}` : `A${text.ct.slice(1)}`;
    await expect(codec.open(stored)).rejects.toBeInstanceOf(FieldDecryptionError);
    const events = await codec.open(stored, "on first use");
    const altered = events.find((e) => e.id === message.id)!;
    expect(() => altered.data).toThrow(FieldDecryptionError);
    expect(() => altered.data).toThrow(FieldDecryptionError);
    expect(() => JSON.stringify(altered)).toThrow(FieldDecryptionError);
    for (const event of events.filter((e) => e !== altered)) expect(event.data).toBeDefined();
  });

  it("reads an erased person's fields as erased values", async () => {
    const userId = randomUUID();
    const stored = await storedSamples(userId, "Ana-secret");
    await keys.destroy(userId, new Date());
    const events = await codec.open(stored, "on first use");
    expect(events.find((e) => e.type === "UserMessageSent")!.data).toMatchObject({ text: "[erased]" });
    expect(JSON.stringify(events)).not.toContain("Ana-secret");
    expect(events.map((e) => e.data)).toEqual((await codec.open(stored)).map((e) => e.data));
  });

  it("keeps data set in place of the opened data", async () => {
    const [event] = await codec.open((await storedSamples(randomUUID(), "x")).slice(0, 1), "on first use");
    event!.data = { replaced: true };
    expect(event!.data).toEqual({ replaced: true });
  });
});
