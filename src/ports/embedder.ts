/**
 * Turns text into vectors for the memory index. Vectors from different adapters, models or
 * dimensions are not comparable: a namespace is written and queried with one embedder.
 */
export interface EmbedderDescription {
  /** Which adapter, e.g. `openai` or `local-lexical`. */
  adapter: string;
  /** The model (or the offline algorithm and its version). */
  model: string;
  /** True when no network service is involved. */
  offline: boolean;
}

export interface Embedder {
  readonly name: string;
  readonly dimensions: number;
  describe(): EmbedderDescription;
  /**
   * One vector per text, in order, each `dimensions` long. The adapter batches requests itself and
   * cuts texts longer than its limit; a text with nothing to embed (empty) gives a zero vector.
   */
  embed(texts: readonly string[], signal?: AbortSignal): Promise<number[][]>;
}

/** The embedding provider failed; `retryable` says whether trying again later may succeed. */
export class EmbeddingError extends Error {
  readonly retryable: boolean;
  readonly status: number | null;
  constructor(message: string, options: { retryable: boolean; status?: number | null; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = "EmbeddingError";
    this.retryable = options.retryable;
    this.status = options.status ?? null;
  }
}
