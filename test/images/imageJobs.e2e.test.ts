import { randomUUID } from "node:crypto";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { userIdFor } from "../../src/application/users/registerUser.ts";
import { conversationDecider } from "../../src/domain/conversation/decider.ts";
import { conversationStreamId } from "../../src/domain/streamIds.ts";
import {
  collect,
  gql,
  type Loose,
  listening,
  startTestApi,
  type TestApi,
  wsClient,
} from "../graphql/apiHarness.ts";
import { eventually } from "../support/coreHarness.ts";
import { testContext } from "../support/testCommands.ts";

const CREATE = `mutation($input: CreateAgentInput!) { createAgent(input: $input) { agentId basePortraitJobId } }`;
const EVENTS = `subscription($agentId: ID!) { conversationEvents(agentId: $agentId) {
  __typename
  ... on ImageJobUpdated { imageJob { id status kind url width height } }
  ... on ReplyCompleted { message { text } }
} }`;

/** A fixed-offset zone where it is early afternoon now, so the agent is awake whenever the test runs. */
function daytimeZone(): string {
  const offset = 13 - new Date().getUTCHours();
  const wrapped = ((offset + 12 + 24) % 24) - 12;
  return wrapped === 0 ? "Etc/GMT" : `Etc/GMT${wrapped > 0 ? "-" : "+"}${Math.abs(wrapped)}`;
}

const pathOf = (url: string) => url.split("?")[0]!;

/** What the server answers for the picture's path alone and for it with a forged signature. */
async function refusedWithoutItsLink(api: TestApi, url: string): Promise<number[]> {
  const bare = new URL(pathOf(url), api.url);
  const forged = new URL(url, api.url);
  forged.searchParams.set("signature", "A".repeat(43));
  return [(await fetch(bare)).status, (await fetch(forged)).status];
}

describe("images through the running system (offline renderer, local media)", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ WITHME_OFFLINE_TOKEN_DELAY_MS: "0" }, ["api", "projector", "worker"]);
  });
  afterAll(async () => {
    await api?.close();
  });

  it("draws a base portrait served from /media, then a selfie that streams its progress", async () => {
    const created = await gql(
      api.url,
      CREATE,
      {
        input: {
          name: "Ines",
          persona: {
            summary: "A ceramicist who loves early swims.",
            traits: ["warm"],
            speakingStyle: "Gentle.",
          },
          identity: { homeCity: "Lisbon", occupation: "Ceramicist", timezone: daytimeZone() },
          appearancePrompt: "Short silver hair, brown eyes, linen shirt, small hoop earrings.",
        },
      },
      "dev",
    );
    expect(created.errors).toBeUndefined();
    const { agentId, basePortraitJobId } = created.data!.createAgent as {
      agentId: string;
      basePortraitJobId: string;
    };
    expect(basePortraitJobId).toEqual(expect.any(String));

    const agent = await eventually(async () => {
      const found = (
        await gql(
          api.url,
          `query($id: ID!) { agent(id: $id) { basePortraitUrl } }`,
          { id: agentId },
          "dev:maya",
        )
      ).data?.agent as Loose;
      return found?.basePortraitUrl ? found : undefined;
    }, 30_000);
    const portrait = await fetch(new URL(agent.basePortraitUrl, api.url));
    expect(portrait.status).toBe(200);
    expect(portrait.headers.get("content-type")).toBe("image/png");
    expect(portrait.headers.get("cache-control")).toContain("immutable");
    const png = PNG.sync.read(Buffer.from(await portrait.arrayBuffer()));
    expect(png.width).toBeGreaterThanOrEqual(256);
    expect(await refusedWithoutItsLink(api, agent.basePortraitUrl)).toEqual([403, 403]);

    const userId = userIdFor({ provider: "dev", subject: "dev:maya" });
    const streamId = conversationStreamId(userId, agentId);
    const say = (text: string) =>
      gql(
        api.url,
        `mutation($input: SendMessageInput!) { sendMessage(input: $input) { replyId } }`,
        { input: { agentId, text, clientMessageId: randomUUID() } },
        "dev:maya",
      );
    const answered = () =>
      eventually(async () => {
        const { state } = await api.system.commands.load(conversationDecider, streamId);
        return state.unanswered.length === 0;
      }, 30_000);
    for (let turn = 0; turn < 4; turn++) {
      await say("Thank you, talking to you is lovely!");
      await answered();
      const { state } = await api.system.commands.load(conversationDecider, streamId);
      await api.system.commands.handle(
        conversationDecider,
        streamId,
        {
          type: "ChangeAffinity",
          userId,
          agentId,
          delta: 5,
          reason: "a warm chat",
          now: new Date().toISOString(),
        },
        testContext(),
      );
      void state;
    }

    const client = wsClient(api.wsUrl, "dev:maya");
    const watched = collect<Loose>(client, EVENTS, { agentId }, (items) =>
      items.some((i) => i.conversationEvents.imageJob?.status === "SUCCEEDED"),
    );
    await listening(api, "dev:maya");
    const asked = await gql(
      api.url,
      `mutation($input: RequestImageInput!) { requestImage(input: $input) { replyId message { text } } }`,
      { input: { agentId, prompt: "you at the studio", clientRequestId: randomUUID() } },
      "dev:maya",
    );
    expect(asked.errors).toBeUndefined();
    const events = await watched.finished;
    await client.dispose();
    const statuses = events
      .map((e) => e.conversationEvents.imageJob?.status)
      .filter((s): s is string => Boolean(s))
      .filter((s, i, all) => all[i - 1] !== s);
    expect(statuses.at(-1)).toBe("SUCCEEDED");
    expect(statuses.indexOf("SUCCEEDED")).toBeGreaterThan(0);
    const done = events.map((e) => e.conversationEvents.imageJob).find((j) => j?.status === "SUCCEEDED");
    expect(done).toMatchObject({ kind: "VARIATION", url: expect.stringMatching(/^\/media\/agents\//) });
    const selfie = await fetch(new URL(done.url, api.url));
    expect(selfie.headers.get("cache-control")).toMatch(/^private, /);
    expect(PNG.sync.read(Buffer.from(await selfie.arrayBuffer())).height).toBeGreaterThan(0);
    expect(await refusedWithoutItsLink(api, done.url)).toEqual([403, 403]);
    const othersView = await gql(
      api.url,
      `query($id: ID!) { imageJob(id: $id) { url } }`,
      { id: done.id },
      "dev:tom",
    );
    expect(othersView.errors?.map((e) => e.extensions?.code)).toEqual(["NOT_FOUND"]);

    const timeline = await eventually(async () => {
      const conversation = (
        await gql(
          api.url,
          `query($id: ID!) { conversation(agentId: $id) { messages(last: 5) { edges { node { kind status image { url } } } } } }`,
          { id: agentId },
          "dev:maya",
        )
      ).data?.conversation as Loose;
      const image = conversation?.messages.edges
        .map((e: Loose) => e.node)
        .find((n: Loose) => n.kind === "IMAGE");
      return image?.status === "SUCCEEDED" ? image : undefined;
    }, 20_000);
    expect(pathOf(timeline.image.url)).toBe(pathOf(done.url));
  }, 120_000);
});
