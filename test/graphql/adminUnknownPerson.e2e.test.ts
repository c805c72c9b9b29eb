import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../support/coreHarness.ts";
import { codesOf, createAgent, gql, startTestApi, type TestApi } from "./apiHarness.ts";

let api: TestApi;
let agentId: string;
const READS = {
  conversation:
    "query($agentId: ID!, $userId: ID) { conversation(agentId: $agentId, userId: $userId) { agent { id } } }",
  exportChat: "query($agentId: ID!, $userId: ID) { exportChat(agentId: $agentId, userId: $userId) }",
  memories: "query($agentId: ID!, $userId: ID) { memories(agentId: $agentId, userId: $userId) { id } }",
  conversationHistory:
    "query($agentId: ID!, $userId: ID!) { conversationHistory(agentId: $agentId, userId: $userId) { mood { at } } }",
  chatImportAgents: "query($userId: ID) { chatImportAgents(userId: $userId) { id } }",
};
const FORGET = `mutation($input: ForgetMemoryInput!) { forgetMemory(input: $input) { memoryId } }`;

beforeAll(async () => {
  api = await startTestApi();
  agentId = await createAgent(api.url, "Ada");
  await eventually(async () =>
    (await gql(api.url, "{ agents { id } }", {}, "dev")).data?.agents.some(
      (a: { id: string }) => a.id === agentId,
    ),
  );
}, 60_000);
afterAll(async () => api?.close());

describe("an admin's reads of a person by userId", () => {
  it("answer NOT_FOUND for a person who never signed in, as forgetMemory does", async () => {
    const nobody = randomUUID();
    for (const [name, query] of Object.entries(READS)) {
      const answer = await gql(api.url, query, { agentId, userId: nobody }, "dev");
      expect({ name, codes: codesOf(answer) }).toEqual({ name, codes: ["NOT_FOUND"] });
      expect(answer.errors?.[0]?.message).toContain("No such person");
    }
    const forgot = await gql(
      api.url,
      FORGET,
      { input: { agentId, memoryId: randomUUID(), userId: nobody } },
      "dev",
    );
    expect(codesOf(forgot)).toEqual(["NOT_FOUND"]);
  }, 60_000);

  it("answer for a person who signed in, with or without a conversation", async () => {
    const known = (await gql(api.url, "{ me { id } }", {}, "dev:known")).data?.me.id as string;
    for (const [name, query] of Object.entries(READS)) {
      const answer = await gql(api.url, query, { agentId, userId: known }, "dev");
      expect({ name, errors: answer.errors }).toEqual({ name, errors: undefined });
    }
  }, 60_000);
});
