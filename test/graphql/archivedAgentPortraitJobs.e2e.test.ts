import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentDecider } from "../../src/domain/agent/decider.ts";
import { agentStreamId } from "../../src/domain/streamIds.ts";
import { testContext } from "../support/testCommands.ts";
import { agentInput, CREATE_AGENT, codesOf, gql, startTestApi, type TestApi } from "./apiHarness.ts";

let api: TestApi;
const stranger = "dev:stranger";
const talker = "dev:talker";
const JOB = "query($id: ID!) { imageJob(id: $id) { id kind url } }";

beforeAll(async () => {
  api = await startTestApi();
}, 60_000);
afterAll(async () => api?.close());

/** `imageJobUpdated(id)` over SSE, as the token's bearer sees it: the whole answer once it ends. */
async function jobUpdates(id: string, token: string): Promise<string> {
  const response = await fetch(`${api.url}/graphql`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${token}`,
      accept: "text/event-stream",
      "content-type": "application/json",
    },
    body: JSON.stringify({
      query: "subscription($id: ID!) { imageJobUpdated(id: $id) { id } }",
      variables: { id },
    }),
  });
  return response.text();
}

describe("an archived agent's base-portrait job", () => {
  it("is an unknown job to a person who never talked with the agent, by query and subscription", async () => {
    const created = await gql(api.url, CREATE_AGENT, { input: agentInput("Hedda") }, "dev");
    const { agentId, basePortraitJobId: jobId } = created.data!.createAgent as Record<string, string>;
    const sent = await gql(
      api.url,
      `mutation($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }`,
      { input: { agentId, text: "Hello Hedda", clientMessageId: randomUUID() } },
      talker,
    );
    expect(sent.errors).toBeUndefined();
    // While the agent is active, its portrait is anyone's to see.
    expect((await gql(api.url, JOB, { id: jobId }, stranger)).data?.imageJob?.kind).toBe("BASE_PORTRAIT");

    await api.system.commands.handle(
      agentDecider,
      agentStreamId(agentId!),
      { type: "ArchiveAgent", agentId: agentId!, archivedBy: "admin", now: new Date().toISOString() },
      testContext(),
    );
    const hidden = await gql(api.url, JOB, { id: jobId }, stranger);
    expect(codesOf(hidden)).toEqual(["NOT_FOUND"]);
    expect(hidden.data?.imageJob ?? null).toBeNull();
    const streamed = await jobUpdates(jobId!, stranger);
    expect(streamed).toContain('"code":"NOT_FOUND"');
    expect(streamed).not.toContain(jobId);

    expect((await gql(api.url, JOB, { id: jobId }, talker)).data?.imageJob?.id).toBe(jobId);
    expect((await gql(api.url, JOB, { id: jobId }, "dev")).data?.imageJob?.id).toBe(jobId);
  }, 60_000);
});
