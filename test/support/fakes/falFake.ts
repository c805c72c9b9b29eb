import { createHash, generateKeyPairSync, type KeyObject, randomUUID, sign } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { PNG } from "pngjs";

export interface FalFakeRequest {
  id: string;
  /** The endpoint the client submitted to, e.g. `fal-ai/flux/dev`. */
  endpoint: string;
  input: Record<string, unknown>;
  webhookUrl: string | null;
  polls: number;
  completed: boolean;
  failure: string | null;
}

export interface SignOptions {
  requestId: string;
  /** Unix seconds; now when omitted. */
  timestamp?: number;
  /** `forger` signs with a key that is not in the JWKS. */
  signer?: "fal" | "forger";
}

export interface FalFake {
  /** Where fal's hosts are redirected to (the adapter's `apiBaseUrl`). */
  url: string;
  jwksUrl: string;
  apiKey: string;
  requests: FalFakeRequest[];
  /** The next submission fails with this message once it completes. */
  failNext(message: string): void;
  /** Finishes a request at once and delivers its webhook, if it has one. */
  complete(requestId: string): Promise<void>;
  /** Delivers (again) the signed webhook of a completed request. */
  deliver(requestId: string): Promise<number>;
  signedHeaders(body: string | Uint8Array, options: SignOptions): Record<string, string>;
  close(): Promise<void>;
}

/** Polls at which a request is waiting (position 1, then 0) and running; the next completes it. */
const STAGES = ["queued-1", "queued-0", "running"] as const;

/**
 * A local stand-in for fal's queue API: submit, status (with logs) and result; the result
 * image itself; the JWKS; and ED25519-signed webhooks like fal's.
 */
export async function startFalFake(options: { apiKey?: string } = {}): Promise<FalFake> {
  const apiKey = options.apiKey ?? "fal-test-key";
  const userId = "user-fake";
  const fal = generateKeyPairSync("ed25519");
  const forger = generateKeyPairSync("ed25519");
  const picture = samplePng();
  const requests: FalFakeRequest[] = [];
  let nextFailure: string | null = null;
  let url = "";

  const output = (r: FalFakeRequest) => ({
    images: [{ url: `${url}/files/${r.id}.png`, content_type: "image/png", width: 64, height: 64 }],
    seed: r.input.seed ?? 0,
  });
  const failureDetail = (r: FalFakeRequest) => ({
    detail: [{ loc: ["body"], msg: r.failure, type: "model_error" }],
  });

  const webhookBody = (r: FalFakeRequest) => {
    const outcome = r.failure
      ? { status: "ERROR", error: "Invalid status code: 422", payload: failureDetail(r) }
      : { status: "OK", payload: output(r) };
    return JSON.stringify({ request_id: r.id, gateway_request_id: r.id, ...outcome });
  };

  const signedHeaders = (body: string | Uint8Array, o: SignOptions): Record<string, string> => {
    const timestamp = String(o.timestamp ?? Math.floor(Date.now() / 1000));
    const hash = createHash("sha256").update(body).digest("hex");
    const message = Buffer.from([o.requestId, userId, timestamp, hash].join("\n"));
    const key: KeyObject = (o.signer === "forger" ? forger : fal).privateKey;
    return {
      "content-type": "application/json",
      "x-fal-webhook-request-id": o.requestId,
      "x-fal-webhook-user-id": userId,
      "x-fal-webhook-timestamp": timestamp,
      "x-fal-webhook-signature": sign(null, message, key).toString("hex"),
    };
  };

  const deliver = async (r: FalFakeRequest): Promise<number> => {
    if (!r.webhookUrl) throw new Error(`request ${r.id} has no webhook URL`);
    const body = webhookBody(r);
    const response = await fetch(r.webhookUrl, {
      method: "POST",
      headers: signedHeaders(body, { requestId: r.id }),
      body,
    });
    await response.arrayBuffer();
    return response.status;
  };

  const find = (id: string) => {
    const found = requests.find((r) => r.id === id);
    if (!found) throw new Error(`no request ${id}`);
    return found;
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => json(response, 500, { detail: String(error) }));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const target = new URL(request.url ?? "/", url);
    if (request.method === "GET" && target.pathname === "/.well-known/jwks.json") {
      return json(response, 200, {
        keys: [{ ...fal.publicKey.export({ format: "jwk" }), kid: "fake-1", use: "sig" }],
      });
    }
    const file = /^\/files\/([^/]+)\.png$/.exec(target.pathname);
    if (request.method === "GET" && file) {
      response.writeHead(200, { "content-type": "image/png", "content-length": picture.length }).end(picture);
      return;
    }
    if (request.headers.authorization !== `Key ${apiKey}`)
      return json(response, 401, { detail: "Invalid key" });
    const queued = /^\/([^/]+)\/([^/]+)\/requests\/([^/]+)(\/status)?$/.exec(target.pathname);
    if (queued) {
      const r = requests.find((candidate) => candidate.id === queued[3]);
      if (!r) return json(response, 404, { detail: "Request not found" });
      if (queued[4] === "/status")
        return json(response, 200, advance(r, target.searchParams.get("logs") === "1"));
      if (!r.completed) return json(response, 400, { detail: "Request is still in progress" });
      return r.failure ? json(response, 422, failureDetail(r)) : json(response, 200, output(r));
    }
    if (request.method !== "POST") return json(response, 405, { detail: "Method not allowed" });
    const r: FalFakeRequest = {
      id: randomUUID(),
      endpoint: target.pathname.slice(1),
      input: JSON.parse((await readBody(request)) || "{}") as Record<string, unknown>,
      webhookUrl: target.searchParams.get("fal_webhook"),
      polls: 0,
      completed: false,
      failure: nextFailure,
    };
    nextFailure = null;
    requests.push(r);
    return json(response, 200, { ...links(r), status: "IN_QUEUE", queue_position: 2 });
  }

  const links = (r: FalFakeRequest) => ({
    request_id: r.id,
    gateway_request_id: r.id,
    response_url: `${url}/${r.endpoint}/requests/${r.id}`,
    status_url: `${url}/${r.endpoint}/requests/${r.id}/status`,
    cancel_url: `${url}/${r.endpoint}/requests/${r.id}/cancel`,
  });

  function advance(r: FalFakeRequest, withLogs: boolean) {
    const stage = r.completed ? "done" : (STAGES[r.polls] ?? "done");
    r.polls += 1;
    const logs = withLogs
      ? [{ message: "loading model", level: "INFO", source: "USER", timestamp: new Date().toISOString() }]
      : [];
    if (stage === "queued-1" || stage === "queued-0")
      return { ...links(r), status: "IN_QUEUE", queue_position: stage === "queued-1" ? 1 : 0 };
    if (stage === "running") return { ...links(r), status: "IN_PROGRESS", logs };
    if (!r.completed) {
      r.completed = true;
      // Like fal, a failed delivery does not change the request's outcome.
      if (r.webhookUrl) void deliver(r).catch(() => {});
    }
    const error = r.failure ? { error: r.failure, error_type: "model_error" } : {};
    return { ...links(r), status: "COMPLETED", logs, metrics: { inference_time: 1.5 }, ...error };
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    jwksUrl: `${url}/.well-known/jwks.json`,
    apiKey,
    requests,
    failNext: (message) => {
      nextFailure = message;
    },
    complete: async (id) => {
      const r = find(id);
      r.completed = true;
      if (r.webhookUrl) await deliver(r);
    },
    deliver: (id) => deliver(find(id)),
    signedHeaders,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function json(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response
    .writeHead(status, { "content-type": "application/json", "x-fal-request-id": randomUUID() })
    .end(text);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** A small picture with a gradient, so a download can be checked as a real PNG. */
function samplePng(): Buffer {
  const png = new PNG({ width: 64, height: 64 });
  for (let i = 0; i < 64 * 64; i += 1) png.data.set([(i % 64) * 4, Math.floor(i / 64) * 4, 160, 255], i * 4);
  return PNG.sync.write(png);
}
