import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../support/coreHarness.ts";
import { agentInput, createAgent, gql, type Loose, startTestApi, type TestApi } from "./apiHarness.ts";
import { upload } from "./uploads.ts";

const PERSON = "dev:reader";
const MESSAGES = `query($agentId: ID!) { conversation(agentId: $agentId) {
  messages(last: 20) { edges { node { id text role inReplyTo } } } } }`;

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
    // Its own reply, finished: another message of the agent's (one it started) is no answer to it.
    await eventually(async () =>
      (await shown()).some((m) => m.inReplyTo === messageId && m.text) ? true : undefined,
    );
    for (let round = 0; round < 3; round++) {
      expect((await request("hideMessage", messageId)).errors).toBeUndefined();
      expect((await shown()).map((m) => m.id)).not.toContain(messageId);
      expect((await request("unhideMessage", messageId)).errors).toBeUndefined();
      expect((await shown()).map((m) => m.id)).toContain(messageId);
    }
  }, 60_000);

  it("answers a created, edited or imported agent or book with itself, and lists it in the read that follows", async () => {
    for (let round = 0; round < 5; round++) {
      const name = `Ione${round}`;
      const created = await gql(
        api.url,
        `mutation($input: CreateAgentInput!) { createAgent(input: $input) { agentId agent { id name } } }`,
        { input: agentInput(name) },
        "dev",
      );
      const agentId = created.data!.createAgent.agentId as string;
      expect(created.data!.createAgent.agent).toEqual({ id: agentId, name });
      const renamed = await gql(
        api.url,
        `mutation($input: UpdateAgentInput!) { updateAgent(input: $input) { agent { name } } }`,
        { input: { agentId, name: `${name} B` } },
        "dev",
      );
      expect(renamed.data!.updateAgent.agent).toEqual({ name: `${name} B` });
      const listed = await gql(api.url, "{ agents { id name } }", {}, PERSON);
      expect(listed.data!.agents).toContainEqual({ id: agentId, name: `${name} B` });
      const book = JSON.stringify({
        name: `Book ${round}`,
        entries: { 0: { uid: 0, key: ["tide"], content: "Tides." } },
      });
      const imported = await upload(
        api.url,
        `mutation($file: File!) { importLorebook(file: $file) { lorebookId lorebook { name } } }`,
        { file: null },
        { at: "file", bytes: new TextEncoder().encode(book), name: "book.json" },
      );
      expect(imported.data!.importLorebook.lorebook).toEqual({ name: `Book ${round}` });
      const books = await gql(api.url, "{ lorebooks { id } }", {}, "dev");
      expect(books.data!.lorebooks).toContainEqual({ id: imported.data!.importLorebook.lorebookId });
    }
  }, 60_000);
});
