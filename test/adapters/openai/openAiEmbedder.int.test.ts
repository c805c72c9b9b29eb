import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LexicalEmbedder } from "../../../src/adapters/local/lexicalEmbedder.ts";
import { OpenAiEmbedder, type OpenAiEmbedderOptions } from "../../../src/adapters/openai/openAiEmbedder.ts";
import { EmbeddingError } from "../../../src/ports/embedder.ts";
import {
  createOpenAiEmbeddingsHandler,
  type OpenAiEmbeddingsFake,
  startOpenAiEmbeddingsFake,
} from "../../support/fakes/openAiEmbeddingsFake.ts";
import { startOpenAiFake } from "../../support/fakes/openAiFake.ts";

describe("OpenAiEmbedder (SDK against a local fake)", () => {
  let fake: OpenAiEmbeddingsFake;
  beforeAll(async () => {
    fake = await startOpenAiEmbeddingsFake({ defaultDimensions: 768 });
  });
  afterAll(() => fake.close());

  const embedder = (options: Partial<OpenAiEmbedderOptions> = {}) =>
    new OpenAiEmbedder({
      apiKey: fake.apiKey,
      baseURL: fake.baseURL,
      model: "text-embedding-3-small",
      ...options,
    });
  const sent = (work: () => Promise<unknown>) => async () => {
    const since = fake.requests.length;
    await work();
    return fake.requests.slice(since);
  };

  it("returns one vector per text, in order, each of the model's size", async () => {
    const texts = ["my sister Ana lives in Lisbon", "we adopted a cat", "Ana moved to Porto"];
    const vectors = await embedder().embed(texts);
    const reference = new LexicalEmbedder({ dimensions: 1536 });
    expect(vectors).toEqual(texts.map((text) => reference.embedOne(text)));
    expect(embedder().dimensions).toBe(1536);
    expect(embedder().describe()).toEqual({
      adapter: "openai",
      model: "text-embedding-3-small",
      offline: false,
    });
  });

  it("batches by count and by characters", async () => {
    const texts = Array.from({ length: 300 }, (_, i) => `memory number ${i}`);
    const byCount = await sent(() => embedder({ batchSize: 128 }).embed(texts))();
    expect(byCount.map((r) => r.input.length)).toEqual([128, 128, 44]);
    const byChars = await sent(() =>
      embedder({ maxBatchChars: 100 }).embed(["a".repeat(60), "b".repeat(60), "c"]),
    )();
    expect(byChars.map((r) => r.input.length)).toEqual([1, 2]);
  });

  it("cuts long texts and answers empty ones with zeros without sending them", async () => {
    const requests = await sent(async () => {
      const vectors = await embedder({ maxInputChars: 50 }).embed(["", "x".repeat(500), "   "]);
      expect(vectors[0]).toEqual(new Array(1536).fill(0));
      expect(vectors[2]).toEqual(new Array(1536).fill(0));
      expect(vectors[1]!.some((v) => v !== 0)).toBe(true);
    })();
    expect(requests.map((r) => r.input)).toEqual([["x".repeat(50)]]);
    expect(await sent(() => embedder().embed([]))()).toEqual([]);
  });

  it("asks text-embedding-3 models for shorter vectors, and other models only for their own size", async () => {
    const short = await sent(async () => {
      expect((await embedder({ dimensions: 256 }).embed(["hello there"]))[0]).toHaveLength(256);
    })();
    expect(short[0]).toMatchObject({ dimensions: 256, encodingFormat: "float" });
    const local = await sent(async () => {
      const vectors = await embedder({ model: "nomic-embed-text", dimensions: 768 }).embed(["hello there"]);
      expect(vectors[0]).toHaveLength(768);
    })();
    expect(local[0]).toMatchObject({ model: "nomic-embed-text", dimensions: undefined });
  });

  it("refuses vectors of a size other than configured", async () => {
    const error = await embedder({ model: "nomic-embed-text", dimensions: 512 })
      .embed(["hello"])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbeddingError);
    expect((error as EmbeddingError).message).toMatch(/768 dimensions; 512 were configured/);
  });

  it("needs the dimensions of a model it does not know", () => {
    expect(() => embedder({ model: "nomic-embed-text" })).toThrow(/set the dimensions/);
  });

  it("retries rate limits and server errors, then succeeds", async () => {
    fake.failNext(429, 2);
    fake.failNext(500, 1);
    const requests = await sent(() => embedder().embed(["hello"]))();
    expect(requests).toHaveLength(4);
  });

  it("gives up after its retries with a retryable error", async () => {
    fake.failNext(503, 3);
    const requests = await sent(async () => {
      const error = await embedder({ maxRetries: 2 })
        .embed(["hello"])
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ name: "EmbeddingError", retryable: true, status: 503 });
    })();
    expect(requests).toHaveLength(3);
  });

  it("does not retry a refused request", async () => {
    const requests = await sent(async () => {
      const error = await embedder({ apiKey: "sk-wrong" })
        .embed(["hello"])
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ name: "EmbeddingError", retryable: false, status: 401 });
    })();
    expect(requests).toHaveLength(1);
    fake.failNext(400);
    await expect(embedder().embed(["hello"])).rejects.toMatchObject({ retryable: false, status: 400 });
  });

  it("stops when its signal aborts", async () => {
    const controller = new AbortController();
    controller.abort(new Error("shutting down"));
    await expect(embedder().embed(["hello"], controller.signal)).rejects.toThrow("shutting down");
  });

  it("mounts beside the chat completions fake on one server", async () => {
    const embeddings = createOpenAiEmbeddingsHandler();
    const both = await startOpenAiFake({ handlers: [embeddings] });
    try {
      const vectors = await new OpenAiEmbedder({
        apiKey: both.apiKey,
        baseURL: both.url,
        model: "text-embedding-3-small",
      }).embed(["hello"]);
      expect(vectors[0]).toHaveLength(1536);
      expect(embeddings.requests).toHaveLength(1);
    } finally {
      await both.close();
    }
  });
});
