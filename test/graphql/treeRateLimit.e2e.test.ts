import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codesOf, createAgent, startTestApi, type TestApi } from "./apiHarness.ts";
import { EDIT, REGENERATE, treeHarness } from "./treeHarness.ts";

let api: TestApi;
let agentId: string;

beforeAll(async () => {
  api = await startTestApi({ WITHME_MUTATION_RATE_LIMIT: "2" });
  agentId = await createAgent(api.url, "Ivo");
});
afterAll(async () => api?.close());

describe("regenerating and editing", () => {
  it("count against the same limit as sending: RATE_LIMITED with how long to wait", async () => {
    const p = await treeHarness(api, agentId).personWithTurns(1);
    let limited: Awaited<ReturnType<typeof p.call>> | null = null;
    for (let attempt = 0; attempt < 6 && !limited; attempt++) {
      const result = await p.call(REGENERATE, { replyId: p.ids[0]!.reply, clientRequestId: randomUUID() });
      if (codesOf(result).includes("RATE_LIMITED")) limited = result;
    }
    expect(limited?.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    const edit = await p.call(EDIT, {
      messageId: p.ids[0]!.message,
      text: "again",
      clientMessageId: randomUUID(),
    });
    expect(codesOf(edit)).toEqual(["RATE_LIMITED"]);
  });
});
