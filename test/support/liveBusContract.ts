import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveBus, topic as named, type ReplyDelta, type Topic } from "../../src/ports/liveBus.ts";

export interface LiveBusSubject {
  /** Two buses standing for two processes (the in-process bus passes the same bus twice). */
  first: LiveBus;
  second: LiveBus;
  /** Resolves once the bus's subscriptions so far receive other processes' messages. */
  settle(bus: LiveBus): Promise<void>;
  /** Opens one more bus of the same kind, closed by the test that opened it. */
  open?: () => Promise<LiveBus>;
  /** Cuts the bus's connection to its server, to check that it comes back by itself. */
  cut?: (bus: LiveBus) => Promise<void>;
  cleanup(): Promise<void>;
}

/** A message labelled for the assertions: its label in `replyId`, its number in `index`. */
const note = (label: string, n = 0): ReplyDelta => ({
  kind: "reply.delta",
  payload: { replyId: label, text: label, index: n },
});
const newTopic = (): Topic<ReplyDelta> => named<ReplyDelta>(`test:${randomUUID()}`);

/** Subscribes now and gathers messages in the background until `count` arrived or it is stopped. */
function listen(bus: LiveBus, topic: Topic<ReplyDelta>, count = Number.POSITIVE_INFINITY) {
  const controller = new AbortController();
  const messages: ReplyDelta[] = [];
  const iterable = bus.subscribe(topic, controller.signal);
  const done = (async () => {
    for await (const message of iterable) {
      messages.push(message);
      if (messages.length >= count) break;
    }
    return messages;
  })();
  return { messages, done, stop: () => controller.abort() };
}

async function eventually(check: () => boolean): Promise<void> {
  while (!check()) await sleep(20);
}

export function describeLiveBusContract(name: string, setup: () => Promise<LiveBusSubject>): void {
  describe(`live bus contract: ${name}`, () => {
    let subject: LiveBusSubject;
    beforeAll(async () => {
      subject = await setup();
    });
    afterAll(async () => {
      await subject?.cleanup();
    });

    it("delivers what is published after subscribing, in publish order, within one process", async () => {
      const topic = newTopic();
      const listener = listen(subject.first, topic, 20);
      for (let n = 0; n < 20; n++) await subject.first.publish(topic, note("tick", n));
      expect((await listener.done).map((m) => m.payload.index)).toEqual([...Array(20).keys()]);
    });

    it("delivers a message published on one replica to subscribers on both, in order", async () => {
      const topic = newTopic();
      const remote = listen(subject.second, topic, 50);
      const local = listen(subject.first, topic, 50);
      await subject.settle(subject.second);
      await Promise.all(Array.from({ length: 50 }, (_, n) => subject.first.publish(topic, note("token", n))));
      const expected = [...Array(50).keys()];
      expect((await remote.done).map((m) => m.payload.index)).toEqual(expected);
      expect((await local.done).map((m) => m.payload.index)).toEqual(expected);
    });

    it("keeps topics apart", async () => {
      const [a, b] = [newTopic(), newTopic()];
      const onA = listen(subject.second, a, 2);
      const onB = listen(subject.second, b, 1);
      await subject.settle(subject.second);
      await subject.first.publish(a, note("for-a", 1));
      await subject.first.publish(b, note("for-b", 2));
      await subject.first.publish(a, note("for-a", 3));
      expect((await onA.done).map((m) => m.payload.replyId)).toEqual(["for-a", "for-a"]);
      expect((await onB.done).map((m) => m.payload.replyId)).toEqual(["for-b"]);
    });

    it("gives every subscriber every message, and keeps serving the others when one leaves", async () => {
      const topic = newTopic();
      const leaving = listen(subject.second, topic, 1);
      const staying = listen(subject.second, topic, 2);
      await subject.settle(subject.second);
      await subject.first.publish(topic, note("first", 1));
      expect((await leaving.done).map((m) => m.payload.replyId)).toEqual(["first"]);
      await subject.settle(subject.second);
      await subject.first.publish(topic, note("second", 2));
      expect((await staying.done).map((m) => m.payload.replyId)).toEqual(["first", "second"]);
    });

    it("ends a subscription when its signal aborts, and a later subscription to the topic still receives", async () => {
      const topic = newTopic();
      const aborted = listen(subject.second, topic);
      await subject.settle(subject.second);
      aborted.stop();
      expect(await aborted.done).toEqual([]);
      await subject.settle(subject.second);
      const again = listen(subject.second, topic, 1);
      await subject.settle(subject.second);
      await subject.first.publish(topic, note("again"));
      expect((await again.done).map((m) => m.payload.replyId)).toEqual(["again"]);
    });

    it("does not replay what was published before the subscription", async () => {
      const topic = newTopic();
      await subject.first.publish(topic, note("before"));
      const listener = listen(subject.first, topic, 1);
      await subject.first.publish(topic, note("after"));
      expect((await listener.done).map((m) => m.payload.replyId)).toEqual(["after"]);
    });

    it("carries a 20 KB message whole, multi-byte text included, between replicas", async () => {
      const topic = newTopic();
      const text = "čaj ☕ and a long story; ".repeat(800);
      const big: ReplyDelta = { kind: "reply.delta", payload: { replyId: "big", text, index: 2 } };
      expect(Buffer.byteLength(JSON.stringify(big))).toBeGreaterThan(20_000);
      const remote = listen(subject.second, topic, 3);
      await subject.settle(subject.second);
      await subject.first.publish(topic, note("small", 1));
      await subject.first.publish(topic, big);
      await subject.first.publish(topic, note("small", 3));
      const received = await remote.done;
      expect(received.map((m) => m.payload.replyId)).toEqual(["small", "big", "small"]);
      expect(received[1]).toEqual(big);
    });

    it("ends open subscriptions when the bus closes", async ({ skip }) => {
      if (!subject.open) return skip("this subject opens no extra bus to close");
      const bus = await subject.open();
      const listener = listen(bus, newTopic());
      await bus.close();
      expect(await listener.done).toEqual([]);
    });

    it("delivers again after its connection to the server is cut", async ({ skip }) => {
      const cut = subject.cut;
      if (!cut) return skip("this bus has no connection to cut");
      const topic = newTopic();
      const listener = listen(subject.second, topic);
      await subject.settle(subject.second);
      await cut(subject.second);
      for (let n = 0; listener.messages.length === 0; n++) {
        await subject.first.publish(topic, note("probe", n));
        await sleep(100);
      }
      for (let n = 0; n < 3; n++) await subject.first.publish(topic, note("after", n));
      const resumed = () => listener.messages.filter((m) => m.payload.replyId === "after");
      await eventually(() => resumed().length === 3);
      expect(resumed().map((m) => m.payload.index)).toEqual([0, 1, 2]);
      listener.stop();
      await listener.done;
    });
  });
}
