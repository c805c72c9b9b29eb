import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../support/coreHarness.ts";
import { createAgent, gql, type Loose, startTestApi, type TestApi } from "./apiHarness.ts";

const PERSON = "dev:reader";
const MESSAGES = `query($agentId: ID!) { conversation(agentId: $agentId) {
  messages(last: 20) { edges { node { id text role } } } } }`;

describe("reading one's own writes", () => {
  let api: TestApi;
  let agentId: string;

  beforeAll(async () => {
    api = await startTestApi({}, ["api", "projector", "worker"]);
    agentId = await createAgent(api.url, "Rhea");
  });
  afterAll(async () => {
    await api?.close();
  });

  const shown = async () =>
    ((await gql(api.url, MESSAGES, { agentId }, PERSON)).data!.conversation.messages.edges as Loose[]).map(
      (e) => e.node,
    );
  const request = (name: string, messageId: string) =>
    gql(
      api.url,
      `mutation($input: ConversationMessageRequestInput!) { ${name}(input: $input) { duplicate } }`,
      { input: { agentId, messageId, clientRequestId: randomUUID() } },
      PERSON,
    );

  it("shows a hidden message gone, and an unhidden one back, in the read that follows the change", async () => {
    const sent = await gql(
      api.url,
      `mutation($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }`,
      { input: { agentId, text: "Something to take back", clientMessageId: randomUUID() } },
      PERSON,
    );
    const messageId = sent.data!.sendMessage.message.id as string;
    await eventually(async () =>
      (await shown()).some((m) => m.role === "AGENT" && m.text) ? true : undefined,
    );
    for (let round = 0; round < 3; round++) {
      expect((await request("hideMessage", messageId)).errors).toBeUndefined();
      expect((await shown()).map((m) => m.id)).not.toContain(messageId);
      expect((await request("unhideMessage", messageId)).errors).toBeUndefined();
      expect((await shown()).map((m) => m.id)).toContain(messageId);
    }
  }, 60_000);
});
