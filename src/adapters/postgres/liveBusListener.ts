import pg from "pg";

export interface LiveBusListenerOptions {
  connection: pg.ClientConfig | string;
  channel: string;
  /** Pause before listening again after the connection is lost. */
  retryMs: number;
  onError: (error: Error) => void;
  /** Each notice's payload on the channel, in the order they arrive. */
  onPayload: (payload: string) => void;
  closing: AbortSignal;
}

/**
 * The one connection that LISTENs on the bus's channel for other processes' notices: opened on
 * first need, and opened again after a pause whenever it is lost.
 */
export class LiveBusListener {
  readonly #options: LiveBusListenerOptions;
  #client: pg.Client | null = null;
  #starting: Promise<void> | null = null;
  #retry: NodeJS.Timeout | null = null;
  #listening = Promise.withResolvers<void>();

  constructor(options: LiveBusListenerOptions) {
    this.#options = options;
  }

  /** Resolves once the connection listens, when it has been asked to. */
  async whenListening(): Promise<void> {
    if (this.#client || this.#starting || this.#retry) await this.#listening.promise;
  }

  ensureListening(): void {
    if (this.#client || this.#starting || this.#retry || this.#options.closing.aborted) return;
    this.#starting = this.#listen().finally(() => {
      this.#starting = null;
    });
  }

  /** Call once `closing` is aborted. */
  async close(): Promise<void> {
    if (this.#retry) clearTimeout(this.#retry);
    this.#retry = null;
    this.#listening.resolve();
    await this.#starting;
    const client = this.#client;
    this.#client = null;
    await client?.end().catch(() => {});
  }

  async #listen(): Promise<void> {
    const { channel, onError } = this.#options;
    const client = new pg.Client(this.#options.connection);
    const lost = (error?: Error) => {
      if (error) onError(error);
      if (this.#client !== client) return;
      this.#client = null;
      this.#listening = Promise.withResolvers<void>();
      client.end().catch(() => {});
      this.#retryLater();
    };
    client.on("error", lost);
    client.on("end", () => lost());
    client.on("notification", (notification) => {
      if (notification.channel !== channel || !notification.payload) return;
      this.#options.onPayload(notification.payload);
    });
    try {
      await client.connect();
      await client.query(`listen ${channel}`);
    } catch (error) {
      onError(error instanceof Error ? error : new Error(String(error)));
      client.end().catch(() => {});
      this.#retryLater();
      return;
    }
    if (this.#options.closing.aborted) {
      await client.end().catch(() => {});
      return;
    }
    this.#client = client;
    this.#listening.resolve();
  }

  #retryLater(): void {
    if (this.#options.closing.aborted || this.#retry) return;
    this.#retry = setTimeout(() => {
      this.#retry = null;
      this.ensureListening();
    }, this.#options.retryMs);
  }
}
