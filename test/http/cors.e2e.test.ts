import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../graphql/apiHarness.ts";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.close());

describe("GraphQL from another origin", () => {
  it("is answered, but never with the browser's cookies: the bearer token is the only credential", async () => {
    const origin = "https://elsewhere.example";
    const preflight = await fetch(`${api.url}/graphql`, {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization,content-type",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(origin);
    expect(preflight.headers.get("access-control-allow-headers")).toContain("authorization");
    expect(preflight.headers.get("access-control-allow-credentials")).toBeNull();
    const answer = await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { origin, "content-type": "application/json", authorization: "Bearer dev:cors" },
      body: JSON.stringify({ query: "{ me { id } }" }),
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("access-control-allow-credentials")).toBeNull();
  });
});
