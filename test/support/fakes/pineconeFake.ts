import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * One Pinecone serverless index (cosine) over HTTP: the control plane's describe call, which the SDK
 * makes to find the index host, and the data plane. It checks what the service checks (API key,
 * API version, dimension, zero vectors, request size, record and metadata limits, filter
 * operators), evaluates metadata filters and scores by cosine similarity.
 */
export interface PineconeFakeOptions {
  dimension: number;
  indexName?: string;
  apiKey?: string;
}

export interface PineconeRequestRecord {
  method: string;
  path: string;
  apiVersion: string | undefined;
  bytes: number;
  body: Record<string, unknown>;
}

type Metadata = Record<string, unknown>;
type Body = Record<string, unknown>;
type Records = Map<string, { values: number[]; metadata?: Metadata }>;

/** The API versions whose request and response shapes this fake was written against. */
export const PINECONE_FAKE_API_VERSIONS = ["2026-07"];

class ApiError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export interface PineconeHandler {
  /** Answers Pinecone routes and returns true; returns false (body unread) for any other route. */
  handle(request: IncomingMessage, response: ServerResponse, selfUrl: string): Promise<boolean>;
  requests: PineconeRequestRecord[];
  /** Records per namespace, as the service holds them. */
  namespaces: Map<string, Records>;
  /** The next `times` requests fail with `status`, answered with `headers`. */
  failNext(status: number, times?: number, headers?: Record<string, string>): void;
}

export function createPineconeHandler(options: PineconeFakeOptions): PineconeHandler {
  const { dimension, indexName = "withme-test", apiKey = "pc-test-key" } = options;
  const namespaces = new Map<string, Records>();
  const requests: PineconeRequestRecord[] = [];
  const failures: { status: number; headers: Record<string, string> }[] = [];

  const routes = new Set([
    `GET /indexes/${indexName}`,
    "POST /vectors/upsert",
    "POST /query",
    "POST /vectors/delete",
  ]);
  for (const method of ["GET", "POST"]) routes.add(`${method} /describe_index_stats`);

  const answer = (route: string, body: Body, selfUrl: string): [number, unknown] => {
    const namespace =
      typeof body.namespace === "string" && body.namespace !== "" ? body.namespace : "__default__";
    switch (route) {
      case `GET /indexes/${indexName}`:
        return [
          200,
          {
            name: indexName,
            host: selfUrl,
            status: { ready: true, state: "Ready" },
            deployment: { deployment_type: "managed", cloud: "aws", region: "us-east-1" },
            schema: { fields: { values: { type: "dense_vector", dimension, metric: "cosine" } } },
            deletion_protection: "disabled",
          },
        ];
      case "POST /vectors/upsert": {
        const vectors = body.vectors as { id: string; values: number[]; metadata?: Metadata }[];
        if (!Array.isArray(vectors) || vectors.length === 0 || vectors.length > 1000)
          throw new ApiError(400, "Upsert takes 1 to 1000 vectors");
        for (const { id, values, metadata } of vectors) {
          if (typeof id !== "string" || id.length === 0 || id.length > 512)
            throw new ApiError(400, "Vector ID must be 1 to 512 characters");
          checkValues(values, dimension);
          if (metadata !== undefined) checkMetadata(metadata);
        }
        const records = namespaces.get(namespace) ?? new Map();
        for (const { id, values, metadata } of vectors) records.set(id, { values, metadata });
        namespaces.set(namespace, records);
        return [200, { upsertedCount: vectors.length }];
      }
      case "POST /query": {
        const { topK, vector, filter } = body as { topK: number; vector: number[]; filter?: Metadata };
        const limit = body.includeMetadata || body.includeValues ? 1000 : 10_000;
        if (!Number.isInteger(topK) || topK < 1 || topK > limit)
          throw new ApiError(400, `top_k must be between 1 and ${limit}`);
        checkValues(vector, dimension);
        if (filter !== undefined && Object.keys(filter).length === 0) throw new ApiError(400, "Empty filter");
        const matches = [...(namespaces.get(namespace) ?? [])]
          .filter(([, stored]) => !filter || matchesFilter(stored.metadata ?? {}, filter))
          .map(([id, stored]) => ({
            id,
            score: cosine(vector, stored.values),
            values: body.includeValues ? stored.values : [],
            ...(body.includeMetadata && stored.metadata ? { metadata: stored.metadata } : {}),
          }))
          .sort((a, b) => b.score - a.score)
          .slice(0, topK);
        return [200, { matches, namespace, usage: { readUnits: 1 } }];
      }
      case "POST /vectors/delete": {
        const records = namespaces.get(namespace);
        if (!records) throw new ApiError(404, "Namespace not found");
        if (body.deleteAll) records.clear();
        else if (Array.isArray(body.ids)) for (const id of body.ids) records.delete(String(id));
        else throw new ApiError(400, "Delete takes ids, a filter or deleteAll");
        return [200, {}];
      }
      case "GET /describe_index_stats":
      case "POST /describe_index_stats": {
        const counts = [...namespaces].map(
          ([name, records]) => [name, { vectorCount: records.size }] as const,
        );
        const total = counts.reduce((sum, [, { vectorCount }]) => sum + vectorCount, 0);
        const stats = {
          dimension,
          indexFullness: 0,
          totalVectorCount: total,
          metric: "cosine",
          vectorType: "dense",
        };
        return [200, { namespaces: Object.fromEntries(counts), ...stats }];
      }
    }
    if (!namespaces.delete(decodeURIComponent(route.slice("DELETE /namespaces/".length))))
      throw new ApiError(404, "Namespace not found");
    return [202, {}];
  };

  const handle = async (request: IncomingMessage, response: ServerResponse, selfUrl: string) => {
    const path = new URL(request.url ?? "/", "http://fake").pathname;
    const route = `${request.method} ${path}`;
    if (!routes.has(route) && !route.startsWith("DELETE /namespaces/")) return false;
    const raw = await readBody(request);
    const apiVersion = header(request, "x-pinecone-api-version");
    const failure = failures.shift();
    try {
      const body = parse(raw);
      requests.push({ method: request.method!, path, apiVersion, bytes: Buffer.byteLength(raw), body });
      if (header(request, "api-key") !== apiKey) throw new ApiError(401, "Invalid API Key");
      if (!apiVersion || !PINECONE_FAKE_API_VERSIONS.includes(apiVersion))
        throw new ApiError(400, `Unsupported API version ${apiVersion}`);
      if (failure) throw new ApiError(failure.status, "The fake was told to fail");
      if (Buffer.byteLength(raw) > 2 * 1024 * 1024)
        throw new ApiError(400, "Request size exceeds the maximum supported size of 2MB");
      const [status, result] = answer(route, body, selfUrl);
      send(response, status, result);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      send(
        response,
        error.status,
        { code: error.status, message: error.message, details: [] },
        failure?.headers,
      );
    }
    return true;
  };

  const failNext = (status: number, times = 1, headers: Record<string, string> = {}) => {
    for (let i = 0; i < times; i++) failures.push({ status, headers });
  };
  return { handle, requests, namespaces, failNext };
}

export interface PineconeFake extends PineconeHandler {
  /** Both the control plane and the index host. */
  url: string;
  apiKey: string;
  indexName: string;
  close(): Promise<void>;
}

export async function startPineconeFake(options: PineconeFakeOptions): Promise<PineconeFake> {
  const handler = createPineconeHandler(options);
  let url = "";
  const server = createServer((request, response) => {
    handler.handle(request, response, url).then(
      (handled) =>
        handled || send(response, 404, { code: 5, message: `no route ${request.method} ${request.url}` }),
      (error: unknown) => send(response, 500, { code: 13, message: String(error) }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { apiKey = "pc-test-key", indexName = "withme-test" } = options;
  return {
    ...handler,
    url,
    apiKey,
    indexName,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const COMPARISONS: Record<string, (difference: number) => boolean> = {
  $gt: (d) => d > 0,
  $gte: (d) => d >= 0,
  $lt: (d) => d < 0,
  $lte: (d) => d <= 0,
};

/** Pinecone's filter language: implicit and explicit operators, `$and` and `$or`. */
export function matchesFilter(metadata: Metadata, filter: Metadata): boolean {
  return Object.entries(filter).every(([key, condition]) => {
    if (key === "$and" || key === "$or") {
      if (!Array.isArray(condition) || condition.length === 0) throw new ApiError(400, `${key} takes a list`);
      const test = (part: Metadata) => matchesFilter(metadata, part);
      return key === "$and" ? condition.every(test) : condition.some(test);
    }
    if (key.startsWith("$")) throw new ApiError(400, `Unknown filter operator ${key}`);
    const isObject = typeof condition === "object" && condition !== null && !Array.isArray(condition);
    const value = metadata[key];
    const values: unknown[] = Array.isArray(value) ? value : value === undefined ? [] : [value];
    return Object.entries(isObject ? (condition as Metadata) : { $eq: condition }).every(
      ([operator, operand]) => {
        if (operator === "$eq" || operator === "$ne")
          return values.includes(operand) === (operator === "$eq");
        if (operator === "$exists") return (value !== undefined) === operand;
        if (operator === "$in" || operator === "$nin") {
          if (!Array.isArray(operand)) throw new ApiError(400, `${operator} takes a list`);
          return values.some((item) => operand.includes(item)) === (operator === "$in");
        }
        const compare = COMPARISONS[operator];
        if (!compare) throw new ApiError(400, `Unknown filter operator ${operator}`);
        if (typeof operand !== "number") throw new ApiError(400, `${operator} takes a number`);
        return typeof value === "number" && compare(value - operand);
      },
    );
  });
}

function checkValues(values: unknown, dimension: number): void {
  const length = Array.isArray(values) ? values.length : 0;
  if (!Array.isArray(values) || length !== dimension)
    throw new ApiError(
      400,
      `Vector dimension ${length} does not match the dimension of the index ${dimension}`,
    );
  if (values.every((value) => value === 0))
    throw new ApiError(400, "Dense vectors must contain at least one non-zero value");
}

function checkMetadata(metadata: unknown): void {
  if (typeof metadata !== "object" || metadata === null || Array.isArray(metadata))
    throw new ApiError(400, "Metadata must be an object");
  if (Buffer.byteLength(JSON.stringify(metadata)) > 40_960)
    throw new ApiError(400, "Metadata size exceeds the limit of 40960 bytes per vector");
  for (const [key, value] of Object.entries(metadata)) {
    const flat = ["string", "number", "boolean"].includes(typeof value);
    if (!flat && !(Array.isArray(value) && value.every((item) => typeof item === "string")))
      throw new ApiError(
        400,
        `Metadata value for ${key} must be a string, number, boolean or list of strings`,
      );
  }
}

function cosine(a: number[], b: number[]): number {
  let [dot, na, nb] = [0, 0, 0];
  a.forEach((value, i) => {
    dot += value * b[i]!;
    na += value * value;
    nb += b[i]! * b[i]!;
  });
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function parse(raw: string): Body {
  try {
    return raw ? (JSON.parse(raw) as Body) : {};
  } catch {
    throw new ApiError(400, "The request body is not JSON");
  }
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(body));
  return true;
}
