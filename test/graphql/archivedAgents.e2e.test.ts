import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentDecider } from "../../src/domain/agent/decider.ts";
import { agentStreamId, conversationStreamId } from "../../src/domain/streamIds.ts";
import { eventually } from "../support/coreHarness.ts";
import { testContext } from "../support/testCommands.ts";
import { codesOf, createAgent, gql, startTestApi, type TestApi } from "./apiHarness.ts";
import { upload } from "./uploads.ts";

let api: TestApi;
const person = "dev:ines";
const LIST = "{ agents(includeArchived: true) { id status } }";
const ONE = "query($id: ID!) { agent(id: $id) { id name } }";
const CONVERSATION = "query($agentId: ID!) { conversation(agentId: $agentId) { agent { name } } }";

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.close());

describe("archived agents", () => {
  it("are shown to a person only when they have a conversation with one; to admins all of them", async () => {
    const talkedTo = await createAgent(api.url, "Lena");
    const stranger = await createAgent(api.url, "Otto");
    const sent = await gql(
      api.url,
      `mutation($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }`,
      { input: { agentId: talkedTo, text: "Hello Lena", clientMessageId: randomUUID() } },
      person,
    );
    expect(sent.errors).toBeUndefined();
    for (const agentId of [talkedTo, stranger])
      await api.system.commands.handle(
        agentDecider,
        agentStreamId(agentId),
        { type: "ArchiveAgent", agentId, archivedBy: "admin", now: new Date().toISOString() },
        testContext(),
      );
    const listed = async (token: string) =>
      ((await gql(api.url, LIST, {}, token)).data?.agents ?? []) as { id: string; status: string }[];
    await eventually(async () => (await listed("dev")).filter((a) => a.status === "ARCHIVED").length === 2);
    await eventually(async () => (await listed(person)).some((a) => a.id === talkedTo));

    expect((await listed(person)).map((a) => a.id)).toEqual([talkedTo]);
    expect((await gql(api.url, ONE, { id: talkedTo }, person)).data?.agent?.name).toBe("Lena");
    expect((await gql(api.url, ONE, { id: stranger }, person)).data?.agent).toBeNull();
    const strangers = await gql(api.url, CONVERSATION, { agentId: stranger }, person);
    expect(codesOf(strangers)).toEqual(["NOT_FOUND"]);
    expect(
      (await gql(api.url, CONVERSATION, { agentId: talkedTo }, person)).data?.conversation.agent.name,
    ).toBe("Lena");
    expect((await gql(api.url, ONE, { id: stranger }, "dev")).data?.agent?.name).toBe("Otto");
  }, 60_000);

  it("are not named to a person who never talked with one, by export, memories or subscription", async () => {
    const agentId = await createAgent(api.url, "Greta");
    const talker = "dev:talker";
    const sent = await gql(
      api.url,
      `mutation($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }`,
      { input: { agentId, text: "Hello Greta", clientMessageId: randomUUID() } },
      talker,
    );
    expect(sent.errors).toBeUndefined();
    await api.system.commands.handle(
      agentDecider,
      agentStreamId(agentId),
      { type: "ArchiveAgent", agentId, archivedBy: "admin", now: new Date().toISOString() },
      testContext(),
    );
    const EXPORT = "query($agentId: ID!) { exportChat(agentId: $agentId) }";
    const MEMORIES = "query($agentId: ID!) { memories(agentId: $agentId) { id } }";
    const strangerExport = await gql(api.url, EXPORT, { agentId }, person);
    expect(codesOf(strangerExport)).toEqual(["NOT_FOUND"]);
    expect(JSON.stringify(strangerExport)).not.toContain("Greta");
    expect(codesOf(await gql(api.url, MEMORIES, { agentId }, person))).toEqual(["NOT_FOUND"]);
    const events = await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${person}`,
        accept: "text/event-stream",
        "content-type": "application/json",
      },
      body: JSON.stringify({
        query: "subscription($agentId: ID!) { conversationEvents(agentId: $agentId) { __typename } }",
        variables: { agentId },
      }),
    });
    expect(await events.text()).toContain('"code":"NOT_FOUND"');

    expect((await gql(api.url, EXPORT, { agentId }, talker)).data?.exportChat).toContain("Greta");
    expect((await gql(api.url, MEMORIES, { agentId }, talker)).errors).toBeUndefined();
    expect((await gql(api.url, EXPORT, { agentId }, "dev")).errors).toBeUndefined();
  }, 60_000);
});

describe("an archived agent, to a person who never talked with it", () => {
  it("is answered as an unknown agent by every change that names it, an import too, with nothing written", async () => {
    const agentId = await createAgent(api.url, "Bruno");
    const talker = `dev:t${randomUUID().slice(0, 8)}`;
    const SEND = `mutation($agentId: ID!) {
      sendMessage(input: { agentId: $agentId, text: "Hello", clientMessageId: "hello-1" }) { message { id } }
    }`;
    expect((await gql(api.url, SEND, { agentId }, talker)).errors).toBeUndefined();
    await api.system.commands.handle(
      agentDecider,
      agentStreamId(agentId),
      { type: "ArchiveAgent", agentId, archivedBy: "admin", now: new Date().toISOString() },
      testContext(),
    );
    const changes = [
      SEND,
      `mutation($agentId: ID!) { requestImage(input: { agentId: $agentId }) { replyId } }`,
      `mutation($agentId: ID!) { openConversation(agentId: $agentId) { greetingId } }`,
      `mutation($agentId: ID!) {
        editMessage(input: { agentId: $agentId, messageId: "m-1", clientMessageId: "e-1", text: "Hi" }) { replyId }
      }`,
      `mutation($agentId: ID!) {
        regenerateReply(input: { agentId: $agentId, replyId: "r-1", clientRequestId: "g-1" }) { replyId }
      }`,
    ];
    const answer = (result: Awaited<ReturnType<typeof gql>>) =>
      (result.errors ?? []).map((e) => [e.extensions?.code, e.message]);
    for (const change of changes) {
      const stranger = `dev:s${randomUUID().slice(0, 8)}`;
      const archived = await gql(api.url, change, { agentId }, stranger);
      const unknown = await gql(api.url, change, { agentId: randomUUID() }, stranger);
      expect(answer(archived), change).toEqual(answer(unknown));
      expect(codesOf(archived), change).toEqual(["NOT_FOUND"]);
      const strangerId = (await gql(api.url, "{ me { id } }", {}, stranger)).data!.me.id as string;
      expect(
        await api.system.eventStore.streamRevision(conversationStreamId(strangerId, agentId)),
      ).toBeNull();
    }
    const IMPORT = "mutation($input: ImportChatInput!) { importChat(input: $input) { __typename } }";
    const lines = [
      { user_name: "Me", character_name: "Bruno", chat_metadata: {} },
      { name: "Me", is_user: true, mes: "Hello again", send_date: "2024-01-01T10:00:00.000Z" },
    ];
    const chat = {
      at: "input.file",
      bytes: new TextEncoder().encode(`${lines.map((line) => JSON.stringify(line)).join("\n")}\n`),
      name: "chat.jsonl",
    };
    const importer = `dev:s${randomUUID().slice(0, 8)}`;
    const archivedImport = await upload(api.url, IMPORT, { input: { agentId, file: null } }, chat, importer);
    const unknownImport = await upload(
      api.url,
      IMPORT,
      { input: { agentId: randomUUID(), file: null } },
      chat,
      importer,
    );
    expect(answer(archivedImport)).toEqual(answer(unknownImport));
    expect(codesOf(archivedImport)).toEqual(["NOT_FOUND"]);
    // The person who had the conversation is told the agent has left.
    expect(codesOf(await gql(api.url, SEND, { agentId }, talker))).toEqual(["CONFLICT"]);
  }, 60_000);
});
