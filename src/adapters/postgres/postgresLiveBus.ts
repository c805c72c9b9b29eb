import { randomUUID } from "node:crypto";
import type pg from "pg";
import {
  type LiveBus,
  type LiveMessage,
  type PersonTopics,
  personTopicsPrefix,
  readLiveMessage,
  type Topic,
  topics,
} from "../../ports/liveBus.ts";
import { InProcessLiveBus } from "../local/inProcessLiveBus.ts";
import { LiveBusListener } from "./liveBusListener.ts";
import {
  deleteExpiredMessages,
  type Notice,
  type NoticeRoute,
  readStoredMessage,
  sendNotice,
} from "./liveBusNotices.ts";

export interface PostgresLiveBusOptions {
  /** The NOTIFY channel every process listens on (a plain lower-case identifier). */
  channel?: string;
  /**
   * How long a message too large for a NOTIFY payload stays readable in `live_bus_messages`; rows
   * older are deleted at the next such message and at least once per this many seconds.
   */
  largeMessageTtlSeconds?: number;
  /** Payloads above this many bytes go through the table (PostgreSQL refuses 8000 and more). */
  inlineLimitBytes?: number;
  /** Pause before listening again after the connection is lost. */
  retryMs?: number;
  onError?: (error: Error) => void;
}

/**
 * The live bus across processes over PostgreSQL NOTIFY: no extra service beside the database. Each
 * topic's messages are sent one after another so they commit, and arrive, in publish order.
 */
export class PostgresLiveBus implements LiveBus {
  readonly name = "postgres-notify";
  readonly #local = new InProcessLiveBus();
  readonly #origin = randomUUID();
  readonly #pool: pg.Pool;
  readonly #channel: string;
  readonly #ttlSeconds: number;
  readonly #route: NoticeRoute;
  readonly #onError: (error: Error) => void;
  readonly #closing = new AbortController();
  readonly #sending = new Map<string, Promise<void>>();
  readonly #listener: LiveBusListener;
  #inbox: Promise<void> = Promise.resolve();
  readonly #pruning: NodeJS.Timeout;

  constructor(pool: pg.Pool, connection: pg.ClientConfig | string, options: PostgresLiveBusOptions = {}) {
    this.#pool = pool;
    this.#channel = options.channel ?? "withme_live";
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(this.#channel)) {
      throw new Error(`live bus channel "${this.#channel}" must be a lower-case identifier`);
    }
    this.#ttlSeconds = options.largeMessageTtlSeconds ?? 60;
    this.#route = {
      channel: this.#channel,
      origin: this.#origin,
      inlineLimit: options.inlineLimitBytes ?? 7_900,
      ttlSeconds: this.#ttlSeconds,
    };
    this.#onError = options.onError ?? (() => {});
    this.#listener = new LiveBusListener({
      connection,
      channel: this.#channel,
      retryMs: options.retryMs ?? 1_000,
      onError: this.#onError,
      onPayload: (payload) => {
        this.#inbox = this.#inbox.then(() => this.#receive(payload));
      },
      closing: this.#closing.signal,
    });
    // Without a schedule, rows (reply text among them) would wait for the next large message.
    this.#pruning = setInterval(
      () => void this.#deleteExpired(),
      Math.max(1, this.#ttlSeconds) * 1000,
    ).unref();
  }

  async publish<M extends LiveMessage>(topic: Topic<M>, message: M): Promise<void> {
    const body = JSON.stringify(message);
    this.#local.deliver(topic, JSON.parse(body) as LiveMessage);
    const sent = (this.#sending.get(topic) ?? Promise.resolve()).then(() =>
      sendNotice(this.#pool, this.#route, topic, body),
    );
    const tail = sent.catch(() => {});
    this.#sending.set(topic, tail);
    void tail.then(() => {
      if (this.#sending.get(topic) === tail) this.#sending.delete(topic);
    });
    await sent;
  }

  subscribe<M extends LiveMessage>(topic: Topic<M>, signal?: AbortSignal): AsyncIterable<M> {
    const until = signal ? AbortSignal.any([signal, this.#closing.signal]) : this.#closing.signal;
    this.#listener.ensureListening();
    return this.#local.subscribe(topic, until);
  }

  /** Resolves once this process listens for other processes' messages. */
  async whenSubscribed(): Promise<void> {
    await this.#listener.whenListening();
  }

  async forgetPerson(userId: string, also: PersonTopics = {}): Promise<void> {
    const imageJobTopics = (also.imageJobIds ?? []).map((id) => topics.imageJob(id));
    await this.#pool.query(
      "delete from live_bus_messages where starts_with(topic, $1) or topic = any($2::text[])",
      [personTopicsPrefix(userId), imageJobTopics],
    );
  }

  async close(): Promise<void> {
    if (this.#closing.signal.aborted) return;
    this.#closing.abort();
    clearInterval(this.#pruning);
    await this.#listener.close();
    await Promise.all([...this.#sending.values(), this.#inbox]);
    await this.#local.close();
  }

  async #deleteExpired(): Promise<void> {
    try {
      await deleteExpiredMessages(this.#pool, this.#ttlSeconds);
    } catch (error) {
      if (!this.#closing.signal.aborted)
        this.#onError(error instanceof Error ? error : new Error(String(error)));
    }
  }

  async #receive(payload: string): Promise<void> {
    try {
      const notice = JSON.parse(payload) as Notice;
      if (notice.origin === this.#origin || !this.#local.hasSubscribers(notice.topic)) return;
      if (notice.message) {
        const message = readLiveMessage(notice.message);
        if (message) this.#local.deliver(notice.topic, message);
        return;
      }
      const message = await readStoredMessage(this.#pool, notice.id);
      if (message) this.#local.deliver(notice.topic, message);
    } catch (error) {
      this.#onError(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
