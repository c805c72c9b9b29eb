import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { userIdFor } from "../../src/application/users/registerUser.ts";
import { eventually } from "../support/coreHarness.ts";
import { codesOf, createAgent, gql, startTestApi, type TestApi } from "./apiHarness.ts";
import { reactorStandIn } from "./reactorStandIn.ts";

let api: TestApi;
let agentId: string;
const userId = userIdFor({ provider: "dev", subject: "dev:rin" });

const CONVERSATIONS = `query($agentId: ID!) { conversationsWithAgent(agentId: $agentId) { streamId userId affinity } }`;
const HISTORY = `query($userId: ID!, $agentId: ID!) {
  conversationHistory(userId: $userId, agentId: $agentId) {
    mood { mood intensity reason } affinity { delta value reason }
  }
}`;

beforeAll(async () => {
  api = await startTestApi();
  agentId = await createAgent(api.url, "Rin");
  const sent = await gql(
    api.url,
    `mutation($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }`,
    { input: { agentId, text: "Hello Rin, you are lovely", clientMessageId: randomUUID() } },
    "dev:rin",
  );
  await reactorStandIn(api.system, userId, agentId).reply(sent.data!.sendMessage.message.id, "Hi!");
});
afterAll(async () => api?.close());

describe("mood and affinity history for operators", () => {
  it("lists an agent's conversations and charts one from the read models", async () => {
    const listed = await eventually(async () => {
      const result = await gql(api.url, CONVERSATIONS, { agentId }, "dev");
      return result.data?.conversationsWithAgent.length === 1
        ? result.data.conversationsWithAgent
        : undefined;
    });
    expect(listed).toEqual([{ streamId: `conversation-${userId}-${agentId}`, userId, affinity: 3 }]);
    const history = await eventually(async () => {
      const result = await gql(api.url, HISTORY, { userId, agentId }, "dev");
      const found = result.data?.conversationHistory;
      return found?.mood.length && found.affinity.length ? found : undefined;
    });
    expect(history).toEqual({
      mood: [{ mood: "JOYFUL", intensity: 0.8, reason: "a kind message" }],
      affinity: [{ delta: 3, value: 3, reason: "warmth" }],
    });
  });

  it("is for admins only", async () => {
    expect(codesOf(await gql(api.url, HISTORY, { userId, agentId }, "dev:rin"))).toEqual(["FORBIDDEN"]);
    expect(codesOf(await gql(api.url, CONVERSATIONS, { agentId }, "dev:rin"))).toEqual(["FORBIDDEN"]);
    const lifeEvents = `query($agentId: ID!) { agentLifeEvents(agentId: $agentId) { title } }`;
    expect(codesOf(await gql(api.url, lifeEvents, { agentId }, "dev:rin"))).toEqual(["FORBIDDEN"]);
    expect((await gql(api.url, lifeEvents, { agentId }, "dev")).data).toEqual({ agentLifeEvents: [] });
  });
});
