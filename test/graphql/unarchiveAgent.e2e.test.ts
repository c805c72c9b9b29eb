import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentStreamId } from "../../src/domain/streamIds.ts";
import { eventually } from "../support/coreHarness.ts";
import { codesOf, createAgent, gql, startTestApi, type TestApi } from "./apiHarness.ts";

let api: TestApi;
const person = "dev:ines";
const ARCHIVE = `mutation($input: ArchiveAgentInput!) { archiveAgent(input: $input) { agentId } }`;
const UNARCHIVE = `mutation($input: UnarchiveAgentInput!) {
  unarchiveAgent(input: $input) { agentId agent { id status } }
}`;
const UPDATE = `mutation($input: UpdateAgentInput!) { updateAgent(input: $input) { agentId } }`;
const ONE = "query($id: ID!) { agent(id: $id) { name status } }";
const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }`;

const call = (query: string, input: Record<string, unknown>, token = "dev") =>
  gql(api.url, query, { input }, token);
const typesOf = async (agentId: string) =>
  (await api.system.eventStore.readStream(agentStreamId(agentId))).map((e) => e.type);
const statusOf = async (agentId: string) =>
  (await gql(api.url, ONE, { id: agentId }, "dev")).data?.agent?.status as string | undefined;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.close());

describe("unarchiveAgent", () => {
  it("refuses edits while archived, brings the agent back for an admin, and a retry writes nothing", async () => {
    const agentId = await createAgent(api.url, "Oona");
    expect((await call(ARCHIVE, { agentId })).errors).toBeUndefined();
    const edit = await call(UPDATE, { agentId, name: "Oona B" });
    expect(codesOf(edit)).toEqual(["CONFLICT"]);
    expect(edit.errors?.[0]?.extensions?.reason).toBe("AgentIsArchived");

    const forbidden = await call(UNARCHIVE, { agentId }, person);
    expect(codesOf(forbidden)).toEqual(["FORBIDDEN"]);
    expect(await typesOf(agentId)).not.toContain("AgentUnarchived");

    const first = await call(UNARCHIVE, { agentId });
    expect(first.errors).toBeUndefined();
    expect(first.data?.unarchiveAgent.agentId).toBe(agentId);
    await eventually(async () => (await statusOf(agentId)) === "ACTIVE");
    const again = await call(UNARCHIVE, { agentId });
    expect(again.errors).toBeUndefined();
    expect(again.data?.unarchiveAgent).toEqual({ agentId, agent: { id: agentId, status: "ACTIVE" } });
    expect((await typesOf(agentId)).filter((t) => t === "AgentUnarchived")).toHaveLength(1);

    expect((await call(UPDATE, { agentId, name: "Oona B" })).errors).toBeUndefined();
    const sent = await call(SEND, { agentId, text: "Welcome back", clientMessageId: randomUUID() }, person);
    expect(sent.errors).toBeUndefined();
  }, 60_000);

  it("answers NOT_FOUND for an unknown agent and creates no stream", async () => {
    const agentId = randomUUID();
    expect(codesOf(await call(UNARCHIVE, { agentId }))).toEqual(["NOT_FOUND"]);
    expect(await typesOf(agentId)).toEqual([]);
  }, 60_000);
});
