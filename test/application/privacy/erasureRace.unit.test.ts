import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { InMemoryDataKeyStore } from "../../../src/adapters/local/inMemoryDataKeyStore.ts";
import { CachingDataKeyStore } from "../../../src/application/privacy/cachingDataKeyStore.ts";
import { EncryptingEventStore } from "../../../src/application/privacy/encryptingEventStore.ts";
import { withmePersonalData } from "../../../src/application/privacy/personalDataPolicy.ts";
import { conversationStreamId, userStreamId } from "../../../src/domain/streamIds.ts";
import { SubjectErasedError } from "../../../src/ports/dataKeys.ts";
import type { EventToAppend, ExpectedRevision } from "../../../src/ports/eventStore.ts";
import { eventually } from "../../support/coreHarness.ts";
import { envelope } from "../../support/domainEvents.ts";
import { RecordingEventStore } from "./recordingEventStore.ts";

const userId = randomUUID();
const agentId = randomUUID();
const conversation = conversationStreamId(userId, agentId);

/** A store whose appends to the conversation wait until let through: a long import in flight. */
class HeldEventStore extends RecordingEventStore {
  held: (() => void) | null = null;
  hold = true;
  override async append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision) {
    if (this.hold && streamId === conversation) await new Promise<void>((resolve) => (this.held = resolve));
    return super.append(streamId, events, expected);
  }
}

const message = (text: string) =>
  envelope({
    type: "UserMessageSent",
    data: {
      messageId: randomUUID(),
      clientMessageId: randomUUID(),
      text,
      sentAt: "2025-05-01T09:00:00.000Z",
    },
  });
const erased = () =>
  envelope({ type: "PersonErased", data: { userId, by: "request", erasedAt: "2025-05-02T09:00:00.000Z" } });

describe("writes racing an erasure", () => {
  it("lands a write sealed before the erasure ahead of PersonErased, and refuses every write after it began", async () => {
    const below = new HeldEventStore();
    const keys = new CachingDataKeyStore(new InMemoryDataKeyStore());
    const store = new EncryptingEventStore(below, { keys, policy: withmePersonalData, writes: keys });

    const importing = store.append(conversation, [message("imported")], "any");
    await eventually(async () => below.held !== null);
    const erasing = (async () => {
      await keys.destroy(userId, new Date("2025-05-02T09:00:00.000Z"));
      await store.append(userStreamId(userId), [erased()], "any");
    })();
    // Either the erasure finishes while the write is held, or it waits for the write.
    let erasureDone = false;
    void erasing.then(() => (erasureDone = true));
    await eventually(async () => erasureDone || keys.isDestroying?.(userId) === true);
    if (keys.isDestroying?.(userId))
      await expect(store.append(conversation, [message("during")], "any")).rejects.toBeInstanceOf(
        SubjectErasedError,
      );
    below.hold = false;
    below.held!();
    await importing;
    await erasing;

    const types = below.events.map((event) => event.type);
    expect(types).toEqual(["UserMessageSent", "PersonErased"]);
    await expect(store.append(conversation, [message("after")], "any")).rejects.toBeInstanceOf(
      SubjectErasedError,
    );
    expect(below.events).toHaveLength(2);
  });

  it("lets writes for other people through while one person's key is destroyed", async () => {
    const below = new HeldEventStore();
    const keys = new CachingDataKeyStore(new InMemoryDataKeyStore());
    const store = new EncryptingEventStore(below, { keys, policy: withmePersonalData, writes: keys });
    const importing = store.append(conversation, [message("imported")], "any");
    await eventually(async () => below.held !== null);
    const erasing = keys.destroy(userId, new Date("2025-05-02T09:00:00.000Z"));

    const other = randomUUID();
    await store.append(conversationStreamId(other, agentId), [message("someone else")], "any");
    below.hold = false;
    below.held!();
    await Promise.all([importing, erasing]);
    expect(below.events.map((event) => event.streamId)).toEqual([
      conversationStreamId(other, agentId),
      conversation,
    ]);
  });
});
