import OpenAI, { APIError, APIUserAbortError } from "openai";
import { type Embedder, type EmbedderDescription, EmbeddingError } from "../../ports/embedder.ts";

/** OpenAI embeddings, or any endpoint that speaks `POST /v1/embeddings` (Ollama, vLLM, llama.cpp). */
export interface OpenAiEmbedderOptions {
  apiKey: string;
  /** An OpenAI-compatible endpoint, e.g. `http://localhost:11434/v1`. */
  baseURL?: string;
  /** e.g. `text-embedding-3-small`. */
  model: string;
  /** Required for models this adapter does not know; text-embedding-3 models are shortened to it. */
  dimensions?: number;
  /** Texts per request. Default 128 (OpenAI accepts up to 2,048). */
  batchSize?: number;
  /** Characters per request, summed over its texts. Default 200,000. */
  maxBatchChars?: number;
  /** Longer texts are cut here, well inside the 8,191-token input limit. Default 8,000. */
  maxInputChars?: number;
  /** Retries of 408/409/429/5xx and connection failures, with backoff. Default 3. */
  maxRetries?: number;
  timeoutMs?: number;
}

const NATIVE_DIMENSIONS: Record<string, number> = {
  "text-embedding-3-small": 1536,
  "text-embedding-3-large": 3072,
  "text-embedding-ada-002": 1536,
};

export class OpenAiEmbedder implements Embedder {
  readonly name = "openai";
  readonly dimensions: number;
  readonly #client: OpenAI;
  readonly #model: string;
  readonly #requestDimensions: number | undefined;
  readonly #batchSize: number;
  readonly #maxBatchChars: number;
  readonly #maxInputChars: number;

  constructor(options: OpenAiEmbedderOptions) {
    const dimensions = options.dimensions ?? NATIVE_DIMENSIONS[options.model];
    if (dimensions === undefined)
      throw new Error(
        `set the dimensions of embedding model ${options.model}; its vector size is not known here`,
      );
    this.dimensions = dimensions;
    this.#model = options.model;
    // Only text-embedding-3 models can shorten their vectors; other endpoints may refuse the field.
    this.#requestDimensions =
      options.dimensions !== undefined && options.model.startsWith("text-embedding-3")
        ? options.dimensions
        : undefined;
    this.#batchSize = Math.min(options.batchSize ?? 128, 2048);
    this.#maxBatchChars = options.maxBatchChars ?? 200_000;
    this.#maxInputChars = options.maxInputChars ?? 8_000;
    this.#client = new OpenAI({
      apiKey: options.apiKey,
      baseURL: options.baseURL,
      maxRetries: options.maxRetries ?? 3,
      timeout: options.timeoutMs ?? 30_000,
    });
  }

  describe(): EmbedderDescription {
    return { adapter: "openai", model: this.#model, offline: false };
  }

  async embed(texts: readonly string[], signal?: AbortSignal): Promise<number[][]> {
    const vectors: number[][] = texts.map(() => []);
    const pending: { at: number; text: string }[] = [];
    texts.forEach((text, at) => {
      const cut = text.slice(0, this.#maxInputChars);
      if (cut.trim() === "") vectors[at] = new Array(this.dimensions).fill(0);
      else pending.push({ at, text: cut });
    });
    for (const batch of this.#batches(pending)) {
      const embedded = await this.#request(
        batch.map((item) => item.text),
        signal,
      );
      batch.forEach((item, i) => {
        vectors[item.at] = embedded[i]!;
      });
    }
    return vectors;
  }

  *#batches<T extends { text: string }>(items: T[]): Generator<T[]> {
    let batch: T[] = [];
    let chars = 0;
    for (const item of items) {
      if (
        batch.length > 0 &&
        (batch.length >= this.#batchSize || chars + item.text.length > this.#maxBatchChars)
      ) {
        yield batch;
        batch = [];
        chars = 0;
      }
      batch.push(item);
      chars += item.text.length;
    }
    if (batch.length > 0) yield batch;
  }

  async #request(input: string[], signal?: AbortSignal): Promise<number[][]> {
    let response: OpenAI.CreateEmbeddingResponse;
    try {
      response = await this.#client.embeddings.create(
        {
          model: this.#model,
          input,
          // Compatible servers do not all speak base64.
          encoding_format: "float",
          ...(this.#requestDimensions === undefined ? {} : { dimensions: this.#requestDimensions }),
        },
        { signal },
      );
    } catch (error) {
      if (error instanceof APIUserAbortError && signal?.aborted) throw signal.reason;
      throw toEmbeddingError(this.#model, error);
    }
    const data = [...response.data].sort((a, b) => a.index - b.index);
    if (data.length !== input.length)
      throw new EmbeddingError(
        `${this.#model} returned ${data.length} embeddings for ${input.length} texts`,
        {
          retryable: false,
        },
      );
    return data.map((item) => {
      if (item.embedding.length !== this.dimensions)
        throw new EmbeddingError(
          `${this.#model} returned vectors of ${item.embedding.length} dimensions; ${this.dimensions} were configured`,
          { retryable: false },
        );
      return Array.from(item.embedding);
    });
  }
}

function toEmbeddingError(model: string, error: unknown): EmbeddingError {
  if (error instanceof APIError) {
    const status = error.status ?? null;
    const retryable = status === null || status === 408 || status === 409 || status === 429 || status >= 500;
    const what = status === null ? "could not be reached" : `answered ${status}`;
    return new EmbeddingError(`embedding with ${model}: the endpoint ${what} (${error.message})`, {
      retryable,
      status,
      cause: error,
    });
  }
  return new EmbeddingError(`embedding with ${model} failed: ${String(error)}`, {
    retryable: false,
    cause: error,
  });
}
