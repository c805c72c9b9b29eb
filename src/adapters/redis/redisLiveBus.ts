import { randomUUID } from "node:crypto";
import { Redis, type RedisOptions } from "ioredis";
import { type LiveBus, type LiveMessage, readLiveMessage, type Topic } from "../../ports/liveBus.ts";
import { InProcessLiveBus } from "../local/inProcessLiveBus.ts";

export interface RedisLiveBusOptions {
  /** Channel name prefix: one Redis channel per topic, so deployments can share a server. */
  channelPrefix?: string;
  /** Extra ioredis options for both connections (timeouts, TLS, retry strategy). */
  redis?: RedisOptions;
  /** Connection and protocol problems; the bus reconnects by itself. */
  onError?: (error: Error) => void;
}

interface Envelope {
  origin: string;
  message: LiveMessage;
}

/**
 * The live bus across processes over Redis pub/sub: one connection publishes, one connection holds
 * every topic this process listens to. A message reaches this process's own subscribers directly
 * and everyone else's through Redis, so each subscriber sees one publisher's messages in order.
 */
export class RedisLiveBus implements LiveBus {
  readonly name = "redis";
  readonly #local = new InProcessLiveBus();
  readonly #origin = randomUUID();
  readonly #prefix: string;
  readonly #publisher: Redis;
  readonly #subscriber: Redis;
  readonly #onError: (error: Error) => void;
  readonly #subscriptions = new Map<string, number>();
  readonly #pending = new Set<Promise<void>>();
  readonly #closing = new AbortController();

  constructor(url: string, options: RedisLiveBusOptions = {}) {
    this.#prefix = options.channelPrefix ?? "withme:live:";
    this.#onError = options.onError ?? (() => {});
    const shared: RedisOptions = { lazyConnect: true, ...options.redis };
    this.#publisher = new Redis(url, { connectionName: "withme-live-publish", ...shared });
    // Subscriptions are restored from this bus's own counts on every (re)connect, so a topic
    // released while the connection was down is not brought back.
    this.#subscriber = new Redis(url, {
      connectionName: "withme-live-subscribe",
      maxRetriesPerRequest: null,
      ...shared,
      autoResubscribe: false,
    });
    this.#publisher.on("error", this.#onError);
    this.#subscriber.on("error", this.#onError);
    this.#subscriber.on("ready", () => this.#resubscribe());
    this.#subscriber.on("message", (channel, raw) => this.#receive(channel, raw));
  }

  async publish<M extends LiveMessage>(topic: Topic<M>, message: M): Promise<void> {
    const wire = JSON.stringify({ origin: this.#origin, message } satisfies Envelope);
    this.#local.deliver(topic, (JSON.parse(wire) as Envelope).message);
    await this.#publisher.publish(this.#prefix + topic, wire);
  }

  subscribe<M extends LiveMessage>(topic: Topic<M>, signal?: AbortSignal): AsyncIterable<M> {
    const until = signal ? AbortSignal.any([signal, this.#closing.signal]) : this.#closing.signal;
    const messages = this.#local.subscribe(topic, until);
    if (until.aborted) return messages;
    this.#retain(topic);
    let held = true;
    const release = () => {
      if (!held) return;
      held = false;
      until.removeEventListener("abort", release);
      this.#release(topic);
    };
    until.addEventListener("abort", release, { once: true });
    return {
      async *[Symbol.asyncIterator]() {
        try {
          yield* messages;
        } finally {
          release();
        }
      },
    };
  }

  /** Resolves once every subscription asked for so far is active at the server. */
  async whenSubscribed(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all(this.#pending);
  }

  /** Redis publish/subscribe keeps no message once sent. */
  async forgetPerson(): Promise<void> {}

  async close(): Promise<void> {
    if (this.#closing.signal.aborted) return;
    this.#closing.abort();
    await this.#local.close();
    await Promise.all([disconnect(this.#publisher), disconnect(this.#subscriber)]);
  }

  #retain(topic: string): void {
    const count = this.#subscriptions.get(topic) ?? 0;
    this.#subscriptions.set(topic, count + 1);
    if (count === 0) this.#track(this.#subscriber.subscribe(this.#prefix + topic));
  }

  #release(topic: string): void {
    const count = (this.#subscriptions.get(topic) ?? 1) - 1;
    if (count > 0) {
      this.#subscriptions.set(topic, count);
      return;
    }
    this.#subscriptions.delete(topic);
    if (!this.#closing.signal.aborted) this.#track(this.#subscriber.unsubscribe(this.#prefix + topic));
  }

  #resubscribe(): void {
    const channels = [...this.#subscriptions.keys()].map((topic) => this.#prefix + topic);
    if (channels.length > 0) this.#track(this.#subscriber.subscribe(...channels));
  }

  #track(command: Promise<unknown>): void {
    const settled: Promise<void> = command
      .then(
        () => {},
        (error: unknown) => this.#onError(error instanceof Error ? error : new Error(String(error))),
      )
      .finally(() => this.#pending.delete(settled));
    this.#pending.add(settled);
  }

  #receive(channel: string, raw: string): void {
    if (!channel.startsWith(this.#prefix)) return;
    let envelope: Envelope;
    try {
      envelope = JSON.parse(raw) as Envelope;
    } catch {
      this.#onError(new Error(`live bus: a message on ${channel} is not JSON; it was dropped`));
      return;
    }
    if (envelope.origin === this.#origin) return;
    const message = readLiveMessage(envelope.message);
    if (!message) {
      this.#onError(new Error(`live bus: a message on ${channel} has no kind or payload; it was dropped`));
      return;
    }
    this.#local.deliver(channel.slice(this.#prefix.length), message);
  }
}

async function disconnect(connection: Redis): Promise<void> {
  if (connection.status === "ready") {
    await connection.quit().catch(() => connection.disconnect());
  } else {
    connection.disconnect();
  }
}
