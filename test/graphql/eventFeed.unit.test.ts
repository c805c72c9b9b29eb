import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { InMemoryEventStore } from "../../src/adapters/memory/inMemoryEventStore.ts";
import { systemClock } from "../../src/adapters/system/systemClock.ts";
import { CommandHandler } from "../../src/application/commandHandler.ts";
import { EventLog, type WithmeStoredEvent } from "../../src/application/eventLog.ts";
import { TurnPriority } from "../../src/application/processing/turnPriority.ts";
import { catalogue } from "../../src/domain/catalogue.ts";
import { conversationStreamId } from "../../src/domain/streamIds.ts";
import { CommittedEventFeed } from "../../src/graphql/eventFeed.ts";
import { createLogger } from "../../src/observability/logger.ts";
import type { ReadAllOptions, RecordedEvent } from "../../src/ports/eventStore.ts";
import { eventually } from "../support/coreHarness.ts";
import { MemoryLeases } from "../support/memoryLeases.ts";
import { sendTestMessage } from "../support/testCommands.ts";

/** A log whose global order is held back, as by an older transaction still open. */
class HeldBackLog extends InMemoryEventStore {
  held = false;
  override readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.held ? Promise.resolve([]) : super.readAll(options);
  }
}

const userId = "u-sam";
const agentId = "a-mira";
const streamId = conversationStreamId(userId, agentId);
const stops: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

async function startFeed(turns: TurnPriority | null = null) {
  const store = new HeldBackLog();
  const events = new EventLog(store, catalogue);
  const commands = new CommandHandler(events);
  const logger = createLogger({ level: "silent" });
  const feed = new CommittedEventFeed({
    events,
    leases: new MemoryLeases(),
    clock: systemClock,
    logger,
    commands,
    turns,
  });
  await feed.start();
  stops.push(() => feed.stop());
  const handed: number[][] = [];
  feed.watch(streamId, (_revision, read: readonly WithmeStoredEvent[]) =>
    handed.push(read.map((e) => e.revision)),
  );
  return { store, events, commands, feed, handed };
}

/** Another stream's event through the global order: once it is handed over, so is everything before it. */
async function throughTheLog(feed: CommittedEventFeed, store: InMemoryEventStore): Promise<void> {
  const marker = `marker-${randomUUID()}`;
  let seen = false;
  const unwatch = feed.watch(marker, () => {
    seen = true;
  });
  await store.append(marker, [{ id: randomUUID(), type: "Unknown", data: {}, metadata: {} as never }], "any");
  await eventually(async () => seen);
  unwatch();
}

describe("CommittedEventFeed", () => {
  it("hands this process's appends to their watchers as the append returns, and passes them over in the global order", async () => {
    const { store, commands, feed, handed } = await startFeed();
    store.held = true;
    await sendTestMessage(commands, { userId, agentId, text: "Hello" });
    await sendTestMessage(commands, { userId, agentId, text: "Still there?" });
    // The first message also starts the conversation.
    expect(handed).toEqual([[0, 1], [2]]);
    store.held = false;
    await throughTheLog(feed, store);
    expect(handed).toEqual([[0, 1], [2]]);
  });

  it("still brings another process's events in the global order, and only those", async () => {
    const { store, commands, feed, handed } = await startFeed();
    await sendTestMessage(commands, { userId, agentId, text: "Hello" });
    await throughTheLog(feed, store);
    store.held = true;
    // Another process stores revision 2; this one, retrying on the conflict, stores revision 3.
    const otherProcess = new CommandHandler(new EventLog(store, catalogue));
    await sendTestMessage(otherProcess, { userId, agentId, text: "From my phone" });
    await sendTestMessage(commands, { userId, agentId, text: "And from my laptop" });
    expect(handed).toEqual([[0, 1], [3]]);
    store.held = false;
    await throughTheLog(feed, store);
    expect(handed).toEqual([[0, 1], [3], [2]]);
  });

  it("hands nothing over for streams no one watches", async () => {
    const { store, commands, feed, handed } = await startFeed();
    store.held = true;
    await sendTestMessage(commands, { userId: "u-nora", agentId, text: "Hi" });
    expect(handed).toEqual([]);
    expect(feed.watchedStreams).toBe(1);
  });

  it("hands over once no reply waits for its first words", async () => {
    const turns = new TurnPriority();
    const { store, commands, handed } = await startFeed(turns);
    const firstWords = turns.begin();
    store.held = true;
    await sendTestMessage(commands, { userId, agentId, text: "Hello" });
    expect(handed).toEqual([]);
    firstWords();
    await eventually(async () => handed.length > 0);
    expect(handed).toEqual([[0, 1]]);
  });

  it("drops a waiting handover whose events the global order brought meanwhile", async () => {
    const turns = new TurnPriority();
    const { commands, handed } = await startFeed(turns);
    const firstWords = turns.begin();
    await sendTestMessage(commands, { userId, agentId, text: "Hello" });
    await eventually(async () => handed.length > 0);
    firstWords();
    // Work waiting for its turn goes in order: once this has gone, the handover has been looked at.
    await turns.yieldToTurns();
    expect(handed).toEqual([[0, 1]]);
  });
});
