import { serverAudits } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./apiHarness.ts";

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.close());

describe("GraphQL over HTTP compliance (graphql-http audits)", () => {
  it("passes every audit, MUST, SHOULD and MAY alike", async () => {
    const results = [];
    for (const audit of serverAudits({ url: `${api.url}/graphql` })) {
      const result = await audit.fn();
      results.push({
        name: audit.name,
        status: result.status,
        reason: result.status === "ok" ? null : result.reason,
      });
    }
    expect(results.filter((r) => r.status === "error")).toEqual([]);
    expect(results.filter((r) => r.status === "warn")).toEqual([]);
  });
});
