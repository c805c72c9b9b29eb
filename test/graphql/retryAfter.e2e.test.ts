import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Loose, startTestApi, type TestApi } from "./apiHarness.ts";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ WITHME_MUTATION_RATE_LIMIT: "2" });
});
afterAll(async () => api?.close());

async function cancelDeletion(accept: string) {
  const response = await fetch(`${api.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept, authorization: "Bearer dev:hasty" },
    body: JSON.stringify({ query: "mutation { cancelAccountDeletion }" }),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    body: (await response.json()) as Loose,
  };
}

describe("a refused change says when to try again", () => {
  it("RATE_LIMITED comes with a Retry-After header of the seconds in the error", async () => {
    await cancelDeletion("application/json");
    await cancelDeletion("application/json");
    for (const accept of ["application/graphql-response+json", "application/json"]) {
      const refused = await cancelDeletion(accept);
      expect(refused.body.errors[0].extensions.code).toBe("RATE_LIMITED");
      expect(refused.status).toBe(accept === "application/json" ? 200 : 429);
      const seconds = refused.body.errors[0].extensions.retryAfterSeconds;
      expect(refused.retryAfter).toBe(String(seconds));
    }
  });
});
