import { describe, expect, it } from "vitest";
import { InProcessLiveBus } from "../../src/adapters/local/inProcessLiveBus.ts";
import { LiveTopics, type SharedLiveMessage } from "../../src/graphql/liveTopics.ts";
import { topics } from "../../src/ports/liveBus.ts";
import { eventually } from "../support/coreHarness.ts";

const topic = topics.conversation("ada", "agent-1");
const delta = (text: string) => ({
  kind: "reply.delta" as const,
  payload: { replyId: "r1", text, index: 0 },
});

function collector() {
  const seen: SharedLiveMessage[] = [];
  return { seen, watcher: { message: (m: SharedLiveMessage) => seen.push(m), failed: () => {} } };
}

describe("LiveTopics", () => {
  it("subscribes to a topic once for all its watchers and hands each the same classified message", async () => {
    const bus = new InProcessLiveBus();
    const live = new LiveTopics(bus);
    const [a, b] = [collector(), collector()];
    live.watch(topic, a.watcher);
    live.watch(topic, b.watcher);

    await bus.publish(topic, delta("Hi"));

    const [first] = await eventually(async () => b.seen.length === 1 && a.seen);
    expect(live.watchedTopics).toBe(1);
    expect(first!.live).toEqual({
      type: "event",
      event: { kind: "replyDelta", replyId: "r1", text: "Hi", index: 0 },
    });
    expect(b.seen[0]).toBe(first);
  });

  it("ends the bus subscription with its last watcher and subscribes afresh for the next", async () => {
    const bus = new InProcessLiveBus();
    const live = new LiveTopics(bus);
    const [a, b, c] = [collector(), collector(), collector()];
    const unwatchA = live.watch(topic, a.watcher);
    const unwatchB = live.watch(topic, b.watcher);
    unwatchA();
    await bus.publish(topic, delta("one"));
    await eventually(async () => b.seen.length === 1);
    unwatchB();
    expect(bus.hasSubscribers(topic)).toBe(false);
    expect(live.watchedTopics).toBe(0);

    live.watch(topic, c.watcher);
    await bus.publish(topic, delta("two"));

    await eventually(async () => c.seen.length === 1);
    expect(a.seen).toEqual([]);
    expect(b.seen.map((m) => m.message.payload)).toEqual([delta("one").payload]);
  });
});
