import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAgent, gql, type Loose, startTestApi, type TestApi } from "../../graphql/apiHarness.ts";
import { eventually } from "../../support/coreHarness.ts";
import { type OpenAiFake, startOpenAiFake } from "../../support/fakes/openAiFake.ts";

const MESSAGES = `query($agentId: ID!) { conversation(agentId: $agentId) {
  messages(last: 10) { edges { node { role status text } } } } }`;

describe("text from a language model that PostgreSQL cannot store", () => {
  let fake: OpenAiFake;
  let api: TestApi;

  beforeAll(async () => {
    fake = await startOpenAiFake();
    api = await startTestApi(
      { OPENAI_API_KEY: fake.apiKey, OPENAI_BASE_URL: fake.url, OPENAI_MODEL: "gpt-test" },
      ["api", "projector", "worker"],
    );
  });
  afterAll(async () => {
    await api?.close();
    await fake?.close();
  });

  it("is stored without the NUL and with broken Unicode replaced, and every read model keeps running", async () => {
    const agentId = await createAgent(api.url, "Nora");
    // Every call the model gets answers the same: the reply, and whatever else asks it.
    fake.script(
      ...Array.from({ length: 12 }, () => ({
        kind: "reply" as const,
        deltas: ["Hello", "\u0000", " there", " \ud800friend."],
      })),
    );
    const sent = await gql(
      api.url,
      `mutation($input: SendMessageInput!) { sendMessage(input: $input) { replyId } }`,
      { input: { agentId, text: "Hi Nora!", clientMessageId: randomUUID() } },
      "dev:nul",
    );
    expect(sent.errors).toBeUndefined();
    const failedReadModels = async () =>
      (await gql(api.url, "{ projections { name status } }", {}, "dev"))
        .data!.projections.filter((p: Loose) => p.status === "failed")
        .map((p: Loose) => p.name);
    const reply = await eventually(async () => {
      const failed = await failedReadModels();
      if (failed.length > 0) return { failed };
      const edges = (await gql(api.url, MESSAGES, { agentId }, "dev:nul")).data?.conversation.messages.edges;
      return edges
        ?.map((e: Loose) => e.node)
        .find((n: Loose) => n.role === "AGENT" && n.status === "COMPLETED");
    }, 30_000);
    expect(reply).toEqual({ role: "AGENT", status: "COMPLETED", text: "Hello there \ufffdfriend." });
    expect(await failedReadModels()).toEqual([]);
  }, 60_000);
});
