import type pg from "pg";

export interface CommitAnnouncerOptions {
  /** Whether this process has an append under way, whose commit will be announced in turn. */
  appending?: () => boolean;
  /** How long an announcement may wait for appends under way, from the first commit it covers. */
  maxDeferMs?: number;
}

/**
 * Tells other processes' `PostgresWakeups` that events were committed, with a NOTIFY sent after
 * the commit rather than inside the writing transaction: a NOTIFY there holds a database-wide lock
 * until after the commit's WAL flush, so notifying writers would commit one at a time. Every
 * commit is followed by a NOTIFY sent after it; commits made while one is on its way share the
 * next. A lost notice (a crash, a dropped connection) costs a listener one poll interval.
 *
 * Each NOTIFY is a transaction of its own, as dear to the server as a small append. With
 * `appending`, a burst of appends shares one: an announcement waits while another append of this
 * process is under way (that one's commit is announced next), but never longer than `maxDeferMs`
 * after the first commit it covers, so listeners elsewhere hear of every commit within that time.
 */
export class CommitAnnouncer {
  readonly #pool: pg.Pool;
  readonly #channel: string;
  readonly #sender: string;
  readonly #appending: (() => boolean) | undefined;
  readonly #maxDeferMs: number;
  #sending: Promise<void> | null = null;
  #again = false;
  #closed = false;
  /** When the oldest commit not yet announced was made; null when every commit is covered. */
  #dueSince: number | null = null;
  #check: NodeJS.Immediate | null = null;
  #deferred: NodeJS.Timeout | null = null;

  constructor(pool: pg.Pool, channel: string, sender = "", options: CommitAnnouncerOptions = {}) {
    this.#pool = pool;
    this.#channel = channel;
    this.#sender = sender;
    this.#appending = options.appending;
    this.#maxDeferMs = options.maxDeferMs ?? 20;
  }

  announce(): void {
    if (this.#closed) return;
    if (this.#sending) {
      this.#again = true;
      return;
    }
    if (!this.#appending) {
      this.#sending = this.#send();
      return;
    }
    this.#dueSince ??= performance.now();
    // Checked once the caller has had its turn: a writer appending in a loop has sent its next append by then.
    this.#check ??= setImmediate(() => {
      this.#check = null;
      this.#sendUnlessAppending();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#dueSince !== null && !this.#sending) this.#sendNow();
    await this.#sending;
  }

  #sendUnlessAppending(): void {
    if (this.#dueSince === null || this.#sending || this.#closed) return;
    const waited = performance.now() - this.#dueSince;
    if (this.#appending?.() && waited < this.#maxDeferMs) {
      this.#deferred ??= setTimeout(() => {
        this.#deferred = null;
        this.#sendUnlessAppending();
      }, this.#maxDeferMs - waited);
      return;
    }
    this.#sendNow();
  }

  #sendNow(): void {
    if (this.#check) clearImmediate(this.#check);
    if (this.#deferred) clearTimeout(this.#deferred);
    this.#check = null;
    this.#deferred = null;
    this.#dueSince = null;
    this.#sending = this.#send();
  }

  async #send(): Promise<void> {
    do {
      this.#again = false;
      // A notification needs no durable commit of its own: its transaction skips the WAL flush.
      await this.#pool
        .query({
          name: "withme_announce_commit",
          text: "select set_config('synchronous_commit', 'off', true), pg_notify($1, $2)",
          values: [this.#channel, this.#sender],
        })
        .catch(() => {});
    } while (this.#again && !this.#closed);
    this.#sending = null;
  }
}
