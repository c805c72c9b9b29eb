import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codesOf, createAgent, gql, startTestApi, type TestApi } from "./apiHarness.ts";

const SEND = `mutation Send($input: SendMessageInput!) {
  sendMessage(input: $input) { duplicate message { id text } }
}`;

let api: TestApi;
let agentId: string;

beforeAll(async () => {
  api = await startTestApi({ WITHME_MUTATION_RATE_LIMIT: "2" });
  agentId = await createAgent(api.url, "Ivo");
});
afterAll(async () => api?.close());

describe("resending a message that was stored already", () => {
  it("answers as the first send did, even while rate-limited, and does not count against the rate", async () => {
    const send = (clientMessageId: string, text = `hello ${clientMessageId}`) =>
      gql(api.url, SEND, { input: { agentId, text, clientMessageId } }, "dev:retrier");
    const first = await send("c1");
    expect(first.errors).toBeUndefined();
    for (let retry = 0; retry < 3; retry++) {
      const again = await send("c1");
      expect(again.errors).toBeUndefined();
      expect(again.data?.sendMessage).toEqual({ ...first.data?.sendMessage, duplicate: true });
    }
    expect((await send("c2")).errors).toBeUndefined();
    expect(codesOf(await send("c3"))).toEqual(["RATE_LIMITED"]);
    const whileLimited = await send("c1");
    expect(whileLimited.errors).toBeUndefined();
    expect(whileLimited.data?.sendMessage).toEqual({ ...first.data?.sendMessage, duplicate: true });
    expect(codesOf(await send("c1", "a different text"))).toEqual(["RATE_LIMITED"]);
  });
});
