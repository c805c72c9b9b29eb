import pg from "pg";

export interface Waiter {
  /** Resolves on the next wake-up, after `timeoutMs` (default: the poll interval), or on abort. */
  wait(timeoutMs: number | undefined, signal: AbortSignal | undefined): Promise<void>;
  /** A wake-up came since the last wait: the next one resolves at once. */
  readonly woken: boolean;
  dispose(): void;
}

/**
 * Wakes subscribers when events are committed: LISTEN on a channel for other processes' writes,
 * a direct call for this process's writes, and a poll as the fallback when the listener is down.
 */
export class PostgresWakeups {
  readonly #connection: pg.ClientConfig | string;
  readonly #channel: string;
  readonly #pollIntervalMs: number;
  readonly #sender: string;
  readonly #waiters = new Set<{ pending: boolean; resolve: (() => void) | null }>();
  #client: pg.Client | null = null;
  #starting: Promise<void> | null = null;
  #closed = false;
  #retry: NodeJS.Timeout | null = null;

  /** `sender` names this process's own announcements, which need not wake it a second time. */
  constructor(connection: pg.ClientConfig | string, channel: string, pollIntervalMs: number, sender: string) {
    this.#connection = connection;
    this.#channel = channel;
    this.#pollIntervalMs = pollIntervalMs;
    this.#sender = sender;
  }

  register(): Waiter {
    const state: { pending: boolean; resolve: (() => void) | null } = { pending: false, resolve: null };
    this.#waiters.add(state);
    this.#ensureListening();
    return {
      wait: (timeoutMs, signal) =>
        new Promise<void>((resolve) => {
          if (state.pending || signal?.aborted) {
            state.pending = false;
            resolve();
            return;
          }
          const done = () => {
            clearTimeout(timer);
            signal?.removeEventListener("abort", done);
            state.resolve = null;
            state.pending = false;
            resolve();
          };
          const timer = setTimeout(done, timeoutMs ?? this.#pollIntervalMs);
          signal?.addEventListener("abort", done, { once: true });
          state.resolve = done;
        }),
      get woken() {
        return state.pending;
      },
      dispose: () => {
        state.resolve?.();
        this.#waiters.delete(state);
      },
    };
  }

  wakeLocal(): void {
    for (const waiter of this.#waiters) {
      if (waiter.resolve) waiter.resolve();
      else waiter.pending = true;
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#retry) clearTimeout(this.#retry);
    this.wakeLocal();
    const client = this.#client;
    this.#client = null;
    await client?.end().catch(() => {});
  }

  #ensureListening(): void {
    if (this.#client || this.#starting || this.#closed) return;
    this.#starting = this.#listen().finally(() => {
      this.#starting = null;
    });
  }

  async #listen(): Promise<void> {
    const client = new pg.Client(this.#connection);
    const reconnect = () => {
      if (this.#client !== client) return;
      this.#client = null;
      client.end().catch(() => {});
      if (!this.#closed) this.#retry = setTimeout(() => this.#ensureListening(), 1_000);
    };
    client.on("error", reconnect);
    client.on("end", reconnect);
    // This process's own commits woke its subscribers directly when they were made.
    client.on("notification", (notice) => {
      if (notice.payload !== this.#sender) this.wakeLocal();
    });
    try {
      await client.connect();
      await client.query(`listen ${this.#channel}`);
      if (this.#closed) {
        await client.end();
        return;
      }
      this.#client = client;
      // Anything committed while nobody listened is found by the read that follows.
      this.wakeLocal();
    } catch {
      client.end().catch(() => {});
      if (!this.#closed) this.#retry = setTimeout(() => this.#ensureListening(), 1_000);
    }
  }
}
