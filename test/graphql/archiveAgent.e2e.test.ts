import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentStreamId } from "../../src/domain/streamIds.ts";
import { eventually } from "../support/coreHarness.ts";
import { codesOf, createAgent, gql, startTestApi, type TestApi } from "./apiHarness.ts";

let api: TestApi;
const person = "dev:rosa";
const ARCHIVE = `mutation($input: ArchiveAgentInput!) {
  archiveAgent(input: $input) { agentId agent { id status } }
}`;
const ONE = "query($id: ID!) { agent(id: $id) { status } }";
const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }`;
const HISTORY = `query($agentId: ID!) { conversation(agentId: $agentId) { messages(last: 10) { edges { node { text } } } } }`;

const archive = (agentId: string, token: string) => gql(api.url, ARCHIVE, { input: { agentId } }, token);
const send = (agentId: string, text: string) =>
  gql(api.url, SEND, { input: { agentId, text, clientMessageId: randomUUID() } }, person);
const archivings = async (agentId: string) =>
  (await api.system.eventStore.readStream(agentStreamId(agentId))).filter((e) => e.type === "AgentArchived");

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.close());

describe("archiveAgent", () => {
  it("archives for an admin, and a retry answers the same and writes nothing", async () => {
    const agentId = await createAgent(api.url, "Vera");
    const first = await archive(agentId, "dev");
    expect(first.errors).toBeUndefined();
    expect(first.data?.archiveAgent).toMatchObject({ agentId });
    await eventually(
      async () => (await gql(api.url, ONE, { id: agentId }, "dev")).data?.agent?.status === "ARCHIVED",
    );

    const again = await archive(agentId, "dev");
    expect(again.errors).toBeUndefined();
    expect(again.data?.archiveAgent).toEqual({
      agentId,
      agent: { id: agentId, status: "ARCHIVED" },
    });
    const stored = await archivings(agentId);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.data).toMatchObject({
      agentId,
      archivedBy: expect.stringMatching(/^admin:/),
      reason: null,
    });
  }, 60_000);

  it("is forbidden to a plain user and changes nothing", async () => {
    const agentId = await createAgent(api.url, "Nils");
    const refused = await archive(agentId, person);
    expect(codesOf(refused)).toEqual(["FORBIDDEN"]);
    expect(await archivings(agentId)).toEqual([]);
  }, 60_000);

  it("answers NOT_FOUND for an unknown agent and creates no stream", async () => {
    const agentId = randomUUID();
    expect(codesOf(await archive(agentId, "dev"))).toEqual(["NOT_FOUND"]);
    expect(await api.system.eventStore.readStream(agentStreamId(agentId))).toEqual([]);
  }, 60_000);

  it("leaves a conversation readable to the person who had it, and refuses new messages with CONFLICT", async () => {
    const agentId = await createAgent(api.url, "Ada");
    expect((await send(agentId, "Hello Ada")).errors).toBeUndefined();
    expect((await archive(agentId, "dev")).errors).toBeUndefined();

    const refused = await send(agentId, "Still there?");
    expect(codesOf(refused)).toEqual(["CONFLICT"]);
    expect(refused.errors?.[0]?.extensions?.reason).toBe("AgentIsArchived");
    await eventually(async () => {
      const history = await gql(api.url, HISTORY, { agentId }, person);
      const texts = (history.data?.conversation.messages.edges ?? []).map(
        (e: { node: { text: string } }) => e.node.text,
      );
      return texts.includes("Hello Ada") && !texts.includes("Still there?");
    });
  }, 60_000);
});
