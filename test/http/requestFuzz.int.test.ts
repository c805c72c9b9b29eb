import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAgent, startTestApi, type TestApi } from "../graphql/apiHarness.ts";
import { Rng } from "../projections/workload/random.ts";
import { eventually } from "../support/coreHarness.ts";
import { exchange, inBatches } from "./fuzz/exchange.ts";
import { graphqlBody, rawCase } from "./fuzz/httpCases.ts";
import { runSocketCase, socketMessages } from "./fuzz/socketCases.ts";

/** What a client may see in `extensions.code`; anything else is off the contract. */
const CONTRACT_CODES = new Set([
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "BAD_USER_INPUT",
  "NOT_FOUND",
  "CONFLICT",
  "RATE_LIMITED",
  "PERSISTED_QUERY_NOT_FOUND",
]);

let api: TestApi;
let port: number;
let agentId: string;
let serverErrorsBefore: Map<string, number>;

/** The 5xx counts of `/metrics`, by their labels. */
async function serverErrorCounts(): Promise<Map<string, number>> {
  const metrics = await (await fetch(`${api.url}/metrics`)).text();
  const counts = new Map<string, number>();
  for (const [, labels, count] of metrics.matchAll(
    /^withme_http_requests_total\{([^}]*status="5\d\d"[^}]*)\} (\d+)$/gm,
  ))
    counts.set(labels!, Number(count));
  return counts;
}

beforeAll(async () => {
  api = await startTestApi({ WITHME_MUTATION_RATE_LIMIT: "100000" });
  port = Number(new URL(api.url).port);
  agentId = await createAgent(api.url, "Fuzz");
  // Traffic comes once the server says it is ready (its 503s until then are answers, not errors);
  // once ready it stays ready, so from here every 5xx is a server error.
  await eventually(async () => (await fetch(`${api.url}/ready`)).status === 200, 60_000);
  serverErrorsBefore = await serverErrorCounts();
}, 120_000);
afterAll(async () => api?.close());

async function alive(): Promise<void> {
  const response = await fetch(`${api.url}/health`);
  expect(response.status).toBe(200);
}

// Thousands of bounded cases; the timeouts only bound a hang on a loaded machine.
describe("request fuzzing on loopback: no request, however malformed, stops the server or gets a 5xx", {
  timeout: 240_000,
}, () => {
  it("answers thousands of malformed request lines, headers, bodies and upgrades with 4xx at worst", async () => {
    const rng = new Rng(0xf022);
    const cases = Array.from({ length: 3_000 }, () => rawCase(rng));
    const serverErrors: string[] = [];
    let answered = 0;
    await inBatches(cases, 16, async (fuzz) => {
      const { status } = await exchange(port, fuzz.bytes);
      if (status !== null) answered++;
      if (status !== null && status >= 500) serverErrors.push(`${status} ${fuzz.label}`);
    });
    expect(serverErrors).toEqual([]);
    expect(answered).toBeGreaterThan(cases.length / 2);
    await alive();
  });

  it.each(["a b", "[", "a:b:c", "%zz"])(
    "answers a request with Host %j on every route and on an upgrade",
    async (host) => {
      for (const path of ["/health", "/graphql", "/ready", "/nowhere"]) {
        const { status } = await exchange(port, Buffer.from(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\n\r\n`));
        expect(status, path).toBeLessThan(500);
      }
      const body = '{"query":"{ __typename }"}';
      const post = await exchange(
        port,
        Buffer.from(
          `POST /graphql HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
        ),
      );
      expect(post.status).toBe(200);
      const upgrade = await exchange(
        port,
        Buffer.from(
          `GET /graphql HTTP/1.1\r\nHost: ${host}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n`,
        ),
      );
      expect(upgrade.status).toBe(101);
      await alive();
    },
  );

  it("refuses request targets that are not paths with 400", async () => {
    for (const target of ["http://[", "http://[::1", "//[/x", "health", "*"]) {
      const { status } = await exchange(port, Buffer.from(`GET ${target} HTTP/1.1\r\nHost: a\r\n\r\n`));
      expect([400, null]).toContain(status);
    }
    const upgrade = await exchange(
      port,
      Buffer.from(
        "GET http://[ HTTP/1.1\r\nHost: a\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n",
      ),
    );
    expect([400, 404, null]).toContain(upgrade.status);
    await alive();
  });

  it("answers GraphQL documents and variables of every kind with contract codes and no 5xx", async () => {
    const rng = new Rng(0x6a9);
    const cases = Array.from({ length: 1_200 }, () => ({
      get: rng.chance(0.2),
      body: graphqlBody(rng).replaceAll('"x"', JSON.stringify(agentId)),
      accept: rng.pick([
        "application/graphql-response+json",
        "application/json",
        "*/*",
        "text/html",
        "text/event-stream",
        "multipart/mixed",
      ]),
      token: rng.pick(["dev:fuzz", "dev", "not-a-token", null]),
    }));
    const problems: string[] = [];
    await inBatches(cases, 8, async (fuzz) => {
      const headers: Record<string, string> = { accept: fuzz.accept };
      if (fuzz.token) headers.authorization = `Bearer ${fuzz.token}`;
      const init: RequestInit = fuzz.get
        ? { method: "GET", headers }
        : { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: fuzz.body };
      const target = fuzz.get
        ? `${api.url}/graphql?query=${encodeURIComponent(fuzz.body)}`
        : `${api.url}/graphql`;
      const response = await fetch(target, init);
      const type = response.headers.get("content-type") ?? "";
      if (response.status >= 500) problems.push(`${response.status} ${fuzz.body.slice(0, 200)}`);
      if (!type.includes("json")) return void (await response.body?.cancel());
      const body = (await response.json()) as { errors?: { extensions?: { code?: unknown } }[] };
      for (const error of body.errors ?? [])
        if (!CONTRACT_CODES.has(String(error.extensions?.code)))
          problems.push(`${String(error.extensions?.code)} ${fuzz.body.slice(0, 200)}`);
    });
    expect(problems).toEqual([]);
    await alive();
  });

  it("keeps WebSocket connections and the server alive through broken graphql-ws messages", async () => {
    const rng = new Rng(0x3e5);
    const cases = Array.from({ length: 300 }, () => socketMessages(rng, "dev:fuzz"));
    const problems: string[] = [];
    await inBatches(cases, 8, async (messages) => {
      const outcome = await runSocketCase(api.wsUrl, messages);
      if (
        outcome.closeCode === 1011 ||
        outcome.closeCode === 4500 ||
        ((outcome.closeCode ?? 0) >= 500 && (outcome.closeCode ?? 0) < 600)
      )
        problems.push(`closed ${outcome.closeCode} after ${JSON.stringify(messages.map(String))}`);
      for (const code of outcome.errorCodes)
        if (!CONTRACT_CODES.has(String(code)))
          problems.push(`${String(code)} after ${JSON.stringify(messages.map(String))}`);
    });
    expect(problems).toEqual([]);
    await alive();
  });

  it("counted no server error while fuzzed", async () => {
    expect(await serverErrorCounts()).toEqual(serverErrorsBefore);
    const metrics = await (await fetch(`${api.url}/metrics`)).text();
    expect(metrics).not.toMatch(/withme_graphql_errors_total\{code="INTERNAL_SERVER_ERROR"\} [1-9]/);
  });
});
