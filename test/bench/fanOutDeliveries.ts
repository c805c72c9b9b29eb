import type { ConversationLive, LiveBus, LiveMessage, Topic } from "../../src/ports/liveBus.ts";
import { percentile } from "./support.ts";

/**
 * Arrival of each reply (or echo) at each subscriber: as time since it was sent, and as time since
 * its first delta was handed to the live bus, which leaves out the engine's work before it.
 */
export class Deliveries {
  /** Sent → first delta received, per subscriber. */
  readonly samples: number[] = [];
  /** The round of each of `samples`. */
  readonly sampleRounds: number[] = [];
  /** First delta published → received, per subscriber. */
  readonly fromPublish: number[] = [];
  /** The round of each of `fromPublish`. */
  readonly fromPublishRounds: number[] = [];
  /** Sent → first delta published, per message: the server's work before delivery begins. */
  readonly toPublish: number[] = [];
  readonly #waits = new Map<
    string,
    { started: number; round: number; published: number | null; missing: Set<number>; done: () => void }
  >();

  expect(key: string, subscribers: number[], round = 0): Promise<void> {
    return new Promise((resolve) =>
      this.#waits.set(key, {
        started: performance.now(),
        round,
        published: null,
        missing: new Set(subscribers),
        done: resolve,
      }),
    );
  }

  /** The message's first delta is on the bus now; later calls for it are ignored. */
  published(key: string): void {
    const wait = this.#waits.get(key);
    if (!wait || wait.published !== null) return;
    wait.published = performance.now();
    this.toPublish.push(wait.published - wait.started);
  }

  arrived(key: string, subscriber: number): void {
    const wait = this.#waits.get(key);
    if (!wait?.missing.delete(subscriber)) return;
    const now = performance.now();
    this.samples.push(now - wait.started);
    this.sampleRounds.push(wait.round);
    if (wait.published !== null) {
      this.fromPublish.push(now - wait.published);
      this.fromPublishRounds.push(wait.round);
    }
    if (wait.missing.size === 0) {
      this.#waits.delete(key);
      wait.done();
    }
  }

  clear(): void {
    this.samples.length = 0;
    this.sampleRounds.length = 0;
    this.fromPublish.length = 0;
    this.fromPublishRounds.length = 0;
    this.toPublish.length = 0;
  }
}

/**
 * The p-th percentile of each round's samples, in round order. One slow reply on a busy machine
 * moves the p99 of all samples pooled (its subscribers are a whole percent of them); a round's
 * p99 moves only that round's, and their median stays.
 */
export function percentileByRound(samples: number[], rounds: number[], p: number): number[] {
  const byRound = new Map<number, number[]>();
  samples.forEach((sample, i) => {
    const round = rounds[i]!;
    const samples = byRound.get(round) ?? [];
    samples.push(sample);
    byRound.set(round, samples);
  });
  return [...byRound.keys()].sort((a, b) => a - b).map((round) => percentile(byRound.get(round)!, p));
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

/** Tells `onPublish` of every reply delta as it is handed to the bus, before any subscriber sees it. */
export function watchReplyDeltas(bus: LiveBus, onPublish: (replyId: string, text: string) => void): void {
  const publish = bus.publish.bind(bus);
  bus.publish = ((topic, message: LiveMessage) => {
    if (message.kind === "reply.delta") onPublish(message.payload.replyId, message.payload.text);
    return publish(topic, message);
  }) as LiveBus["publish"];
}

/**
 * Publishes onto each conversation's topic a delta of a reply that does not exist, and resolves once
 * every subscriber listed for it has it (or after a minute): a subscription hands on live messages
 * only after its catch-up read, so each is then live and done with its start. `probes` is the
 * `Deliveries` the subscribers report their deltas to.
 */
export async function probeSubscribers(
  bus: LiveBus,
  probes: Deliveries,
  conversations: { topic: Topic<ConversationLive>; subscribers: number[] }[],
): Promise<void> {
  const reached = conversations.map(async ({ topic, subscribers }, c) => {
    const replyId = `probe-${c}`;
    const arrived = probes.expect(replyId, subscribers);
    await bus.publish(topic, { kind: "reply.delta", payload: { replyId, text: "", index: 0 } });
    await arrived;
  });
  await Promise.race([Promise.all(reached), new Promise((resolve) => setTimeout(resolve, 60_000))]);
}
