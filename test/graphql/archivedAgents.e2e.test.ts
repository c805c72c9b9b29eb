import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentDecider } from "../../src/domain/agent/decider.ts";
import { agentStreamId } from "../../src/domain/streamIds.ts";
import { eventually } from "../support/coreHarness.ts";
import { testContext } from "../support/testCommands.ts";
import { codesOf, createAgent, gql, startTestApi, type TestApi } from "./apiHarness.ts";

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
