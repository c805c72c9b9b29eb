import { randomUUID } from "node:crypto";
import { InMemoryDataKeyStore } from "../../src/adapters/local/inMemoryDataKeyStore.ts";
import { PersonalDataCodec } from "../../src/application/privacy/personalDataCodec.ts";
import { withmePersonalData } from "../../src/application/privacy/personalDataPolicy.ts";
import { conversationStreamId } from "../../src/domain/streamIds.ts";
import { envelope } from "../support/domainEvents.ts";

export default async function () {
  const keys = new InMemoryDataKeyStore();
  const codec = new PersonalDataCodec(keys, withmePersonalData);
  const people = Array.from({ length: 200 }, () => conversationStreamId(randomUUID(), "a"));
  const events = [];
  for (let i = 0; i < 50000; i++) {
    const e = envelope({
      type: "UserMessageSent",
      data: {
        messageId: randomUUID(),
        clientMessageId: randomUUID(),
        text: `my sister Ana visited, turn ${i}`,
        sentAt: new Date().toISOString(),
      },
    });
    const s = await codec.seal(people[i % 200]!, e);
    events.push({ ...e, data: s.data });
  }
  const json = JSON.stringify(events);
  for (let r = 0; r < 5; r++) {
    const copy = JSON.parse(json);
    const t = performance.now();
    await codec.open(copy);
    console.log("open µs/event", (((performance.now() - t) * 1000) / 50000).toFixed(2));
  }
  const t = performance.now();
  JSON.parse(json);
  console.log("parse µs/event", (((performance.now() - t) * 1000) / 50000).toFixed(2));
}
