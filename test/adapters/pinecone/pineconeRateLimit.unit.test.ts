import { describe, expect, it } from "vitest";
import { retryingOnRateLimit } from "../../../src/adapters/pinecone/pineconeRateLimit.ts";

/** A stand-in network that answers with the given statuses in turn. */
function network(statuses: number[], headers: Record<string, string> = {}) {
  const seen: string[] = [];
  const fetch = (async (input: string | URL | Request) => {
    seen.push(String(input));
    return new Response("{}", { status: statuses[seen.length - 1] ?? 200, headers });
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

describe("retryingOnRateLimit", () => {
  it("retries 429 until it gets another answer", async () => {
    const { fetch, seen } = network([429, 429, 200], { "retry-after": "0" });
    const response = await retryingOnRateLimit(fetch, 3)("http://pinecone/query", {
      method: "POST",
      body: "{}",
    });
    expect(response.status).toBe(200);
    expect(seen).toHaveLength(3);
  });

  it("hands back the last 429 after its retries", async () => {
    const { fetch, seen } = network([429, 429, 429, 429], { "retry-after": "0" });
    expect((await retryingOnRateLimit(fetch, 2)("http://pinecone/query")).status).toBe(429);
    expect(seen).toHaveLength(3);
  });

  it("backs off without Retry-After and leaves other statuses alone", async () => {
    const limited = network([429, 200]);
    expect((await retryingOnRateLimit(limited.fetch, 1, 1)("http://pinecone/query")).status).toBe(200);
    expect(limited.seen).toHaveLength(2);
    const broken = network([500]);
    expect((await retryingOnRateLimit(broken.fetch, 3)("http://pinecone/query")).status).toBe(500);
    expect(broken.seen).toHaveLength(1);
  });
});
