import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { LexicalEmbedder } from "../../../src/adapters/local/lexicalEmbedder.ts";

/**
 * `POST /v1/embeddings` as OpenAI serves it: bearer auth, float or base64 encoding, `dimensions`
 * only for text-embedding-3 models, at most 2,048 non-empty inputs, errors in OpenAI's shape.
 * Vectors come from the lexical embedder, so similar texts get similar vectors, or from the
 * `vectors` given (real word vectors, say) for every model.
 */
export interface OpenAiEmbeddingsFakeOptions {
  apiKey?: string;
  /** Vector size for models without a known one. Default 768. */
  defaultDimensions?: number;
  /** Embeds every text, whatever the model; its size is the only one served. */
  vectors?: { dimensions: number; embedOne(text: string): number[] };
}

export interface EmbeddingsRequestRecord {
  model: string;
  input: string[];
  dimensions: number | undefined;
  encodingFormat: string | undefined;
}

interface Failure {
  status: number;
  headers: Record<string, string>;
}

const KNOWN: Record<string, number> = {
  "text-embedding-3-small": 1536,
  "text-embedding-3-large": 3072,
  "text-embedding-ada-002": 1536,
};

export interface OpenAiEmbeddingsHandler {
  /** Answers `POST /v1/embeddings` and returns true; returns false (body unread) for other routes. */
  handle(request: IncomingMessage, response: ServerResponse): Promise<boolean>;
  /** Every embeddings request that reached the fake, failed ones included. */
  requests: EmbeddingsRequestRecord[];
  /** The next `times` requests fail with `status` (retry-after-ms: 1 by default, to keep retries quick). */
  failNext(status: number, times?: number, headers?: Record<string, string>): void;
}

export function createOpenAiEmbeddingsHandler(
  options: OpenAiEmbeddingsFakeOptions = {},
): OpenAiEmbeddingsHandler {
  const apiKey = options.apiKey ?? "sk-test";
  const requests: EmbeddingsRequestRecord[] = [];
  const failures: Failure[] = [];
  const embedders = new Map<number, LexicalEmbedder>();
  const embedderOf = (dimensions: number) => {
    if (!embedders.has(dimensions)) embedders.set(dimensions, new LexicalEmbedder({ dimensions }));
    return embedders.get(dimensions)!;
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const { pathname } = new URL(request.url ?? "/", "http://fake");
    if (request.method !== "POST" || pathname !== "/v1/embeddings") return false;
    const raw = await readBody(request);
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return fail(
        response,
        400,
        "We could not parse the JSON body of your request.",
        "invalid_request_error",
      );
    }
    const input = typeof body.input === "string" ? [body.input] : body.input;
    const model = String(body.model ?? "");
    const dimensions = typeof body.dimensions === "number" ? body.dimensions : undefined;
    const encodingFormat = typeof body.encoding_format === "string" ? body.encoding_format : undefined;
    if (!Array.isArray(input) || input.some((item) => typeof item !== "string"))
      return fail(response, 400, "'$.input' is invalid.", "invalid_request_error");
    requests.push({ model, input: input as string[], dimensions, encodingFormat });
    if (request.headers.authorization !== `Bearer ${apiKey}`)
      return fail(response, 401, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key");
    const failure = failures.shift();
    if (failure)
      return fail(response, failure.status, "The fake was told to fail.", "server_error", null, failure);
    if (model === "")
      return fail(response, 400, "you must provide a model parameter", "invalid_request_error");
    if (input.length === 0 || input.length > 2048 || input.some((item) => item === ""))
      return fail(response, 400, "'$.input' is invalid.", "invalid_request_error");
    if (dimensions !== undefined && !model.startsWith("text-embedding-3"))
      return fail(
        response,
        400,
        "This model does not support specifying dimensions.",
        "invalid_request_error",
      );
    const size =
      options.vectors?.dimensions ?? dimensions ?? KNOWN[model] ?? options.defaultDimensions ?? 768;
    const embedder = options.vectors ?? embedderOf(size);
    const data = (input as string[]).map((text, index) => {
      const vector = embedder.embedOne(text);
      const embedding =
        encodingFormat === "base64"
          ? Buffer.from(new Float32Array(vector).buffer).toString("base64")
          : vector;
      return { object: "embedding", index, embedding };
    });
    const tokens = (input as string[]).reduce((sum, text) => sum + Math.ceil(text.length / 4), 0);
    // Out of order on purpose: clients must place vectors by `index`.
    send(response, 200, {
      object: "list",
      data: data.reverse(),
      model,
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    });
    return true;
  };

  return {
    handle,
    requests,
    failNext: (status, times = 1, headers = { "retry-after-ms": "1" }) => {
      for (let i = 0; i < times; i++) failures.push({ status, headers });
    },
  };
}

export interface OpenAiEmbeddingsFake extends OpenAiEmbeddingsHandler {
  /** Pass as the SDK's `baseURL`. */
  baseURL: string;
  apiKey: string;
  close(): Promise<void>;
}

export async function startOpenAiEmbeddingsFake(
  options: OpenAiEmbeddingsFakeOptions = {},
): Promise<OpenAiEmbeddingsFake> {
  const handler = createOpenAiEmbeddingsHandler(options);
  const server = createServer((request, response) => {
    handler.handle(request, response).then(
      (handled) => {
        if (!handled)
          fail(response, 404, `no route ${request.method} ${request.url}`, "invalid_request_error");
      },
      (error: unknown) => fail(response, 500, String(error), "server_error"),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    ...handler,
    baseURL: `http://127.0.0.1:${port}/v1`,
    apiKey: options.apiKey ?? "sk-test",
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(body));
}

function fail(
  response: ServerResponse,
  status: number,
  message: string,
  type: string,
  code: string | null = null,
  failure?: Failure,
): true {
  send(response, status, { error: { message, type, param: null, code } }, failure?.headers);
  return true;
}
