import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codesOf, createAgent, gql, startTestApi, type TestApi } from "./apiHarness.ts";

const SEND = `mutation Send($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }`;

let api: TestApi;
let agentId: string;

beforeAll(async () => {
  api = await startTestApi();
  agentId = await createAgent(api.url, "Iris");
});
afterAll(async () => api?.close());

describe("limits", () => {
  it("refuses a 1 MB message with 413 and a clear code", async () => {
    const text = "x".repeat(1024 * 1024);
    const result = await gql(
      api.url,
      SEND,
      { input: { agentId, text, clientMessageId: "big" } },
      "dev:alice",
    );
    expect(result.status).toBe(413);
    expect(result.errors![0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
    expect(result.errors![0]!.message).toMatch(/larger than 100 KB/);
  });

  it("refuses a message over the length limit with the field named", async () => {
    const result = await gql(
      api.url,
      SEND,
      { input: { agentId, text: "y".repeat(4001), clientMessageId: "long" } },
      "dev:alice",
    );
    expect(codesOf(result)).toEqual(["BAD_USER_INPUT"]);
    expect(result.errors![0]!.message).toMatch(/text: must be at most 4000 characters/);
  });

  it("refuses a query 50 levels deep", async () => {
    const query = `{ ${"agents { ".repeat(50)}id${" }".repeat(50)} }`;
    const result = await gql(api.url, query, {}, "dev");
    expect(result.data ?? null).toBeNull();
    expect(new Set(codesOf(result))).toEqual(new Set(["BAD_USER_INPUT"]));
    expect(result.errors!.some((e) => /depth limit of 12/i.test(e.message))).toBe(true);
  });

  it("rate-limits a burst of mutations with RATE_LIMITED and retryAfterSeconds", async () => {
    const burst = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        gql(
          api.url,
          `mutation($input: RetryReplyInput!) { retryReply(input: $input) { replyId } }`,
          { input: { agentId, messageId: `none-${i}` } },
          "dev:burst",
        ),
      ),
    );
    const limited = burst.filter((r) => codesOf(r).includes("RATE_LIMITED"));
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]!.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(burst.filter((r) => codesOf(r).includes("NOT_FOUND")).length).toBe(30);
  });
});
