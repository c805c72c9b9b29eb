import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conversationStreamId } from "../../src/domain/streamIds.ts";
import { codesOf, createAgent, gql, startTestApi, type TestApi } from "./apiHarness.ts";

const SEND = `mutation Send($input: SendMessageInput!) { sendMessage(input: $input) { message { id text } } }`;

let api: TestApi;
let agentId: string;

beforeAll(async () => {
  api = await startTestApi();
  agentId = await createAgent(api.url, "Vera");
});
afterAll(async () => api?.close());

describe("concurrent sends to one conversation", () => {
  it("stores twenty distinct messages sent at once, none refused with CONFLICT", async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        gql(
          api.url,
          SEND,
          { input: { agentId, text: `at once ${i}`, clientMessageId: `once-${i}` } },
          "dev:quick",
        ),
      ),
    );
    expect(answers.flatMap(codesOf)).toEqual([]);
    const userId = (await gql(api.url, "{ me { id } }", {}, "dev:quick")).data!.me.id as string;
    const stored = await api.system.eventStore.readStream(conversationStreamId(userId, agentId));
    const texts = stored
      .filter((e) => e.type === "UserMessageSent")
      .map((e) => (e.data as { text: string }).text);
    expect(new Set(texts)).toEqual(new Set(Array.from({ length: 20 }, (_, i) => `at once ${i}`)));
  });
});
