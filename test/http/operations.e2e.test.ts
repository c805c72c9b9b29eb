import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql, type Loose, startTestApi, type TestApi } from "../graphql/apiHarness.ts";
import { eventually } from "../support/coreHarness.ts";

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.close());

describe("operations endpoints", () => {
  it("answers /health while the process is up", async () => {
    const response = await fetch(`${api.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("is ready once the database, event store and projections answer", async () => {
    const body = await eventually(async () => {
      const response = await fetch(`${api.url}/ready`);
      return response.status === 200 ? ((await response.json()) as Record<string, Loose>) : undefined;
    });
    expect(body.checks).toMatchObject({
      database: { ok: true },
      eventStore: { ok: true },
      projections: { ok: true, failed: [] },
    });
  });

  it("reports version, adapters and projection lag on /status", async () => {
    const body = (await (await fetch(`${api.url}/status`)).json()) as Record<string, Loose>;
    expect(body).toMatchObject({ name: "withme", version: "0.1.0", eventStore: "postgres" });
    expect(body.adapters.map((a: { port: string }) => a.port)).toContain("Authenticator");
    expect(body.projections.map((p: { name: string }) => p.name)).toContain("messages");
    expect(body.projections[0]).toHaveProperty("lagEvents");
  });

  it("exposes Prometheus metrics: requests, latency, subscriptions and projection lag", async () => {
    await gql(api.url, "{ me { id } }", {}, "dev:metrics");
    const text = await (await fetch(`${api.url}/metrics`)).text();
    expect(text).toMatch(/withme_http_requests_total\{method="POST",route="\/graphql",status="200"\} \d+/);
    expect(text).toContain("withme_http_request_duration_seconds_bucket");
    expect(text).toContain("withme_graphql_operations_total");
    expect(text).toContain("withme_active_subscriptions");
    expect(text).toMatch(/withme_projection_lag\{projection="users",unit="events"\}/);
  });

  it("echoes a given request id, makes one otherwise, and says 404 and 405 plainly", async () => {
    const given = await fetch(`${api.url}/health`, { headers: { "x-request-id": "trace-123" } });
    expect(given.headers.get("x-request-id")).toBe("trace-123");
    const made = await fetch(`${api.url}/health`);
    expect(made.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect((await fetch(`${api.url}/nowhere`)).status).toBe(404);
    const wrong = await fetch(`${api.url}/health`, { method: "POST" });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET");
  });

  it("serves GraphiQL at GET /graphql to a browser", async () => {
    const response = await fetch(`${api.url}/graphql`, { headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/graphiql/i);
  });
});
