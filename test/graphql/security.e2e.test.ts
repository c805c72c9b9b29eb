import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../support/coreHarness.ts";
import {
  codesOf,
  collect,
  createAgent,
  gql,
  JWT_SECRET,
  listening,
  signToken,
  startTestApi,
  type TestApi,
  wsClient,
} from "./apiHarness.ts";
import { reactorStandIn } from "./reactorStandIn.ts";

const SEND = `mutation Send($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }`;
const MESSAGES = `query($agentId: ID!) { conversation(agentId: $agentId) { messages(last: 20) { edges { node { text } } } } }`;

let api: TestApi;
let agentId: string;

beforeAll(async () => {
  api = await startTestApi();
  agentId = await createAgent(api.url, "Kai");
  await eventually(async () => (await gql(api.url, "{ agents { id } }", {}, "dev")).data?.agents.length > 0);
});
afterAll(async () => api?.close());

async function userIdOf(token: string): Promise<string> {
  return (await gql(api.url, "{ me { id } }", {}, token)).data!.me.id as string;
}

/** A picture job for one person, requested the way the image reactor would. */
async function imageJobFor(userId: string): Promise<string> {
  const imageJobId = crypto.randomUUID();
  await reactorStandIn(api.system, userId, agentId).imageJob(imageJobId, {
    type: "RequestImageJob",
    kind: "variation",
    agentId,
    userId,
    prompt: "a selfie at the beach",
    basePortraitUrl: "/media/portrait.png",
    requestedBy: "reactor:image",
  });
  return imageJobId;
}

describe("who sees what", () => {
  it("keeps one person's conversation and pictures from another, by query and by subscription", async () => {
    const alice = await signToken({ sub: "alice-subject", name: "Alice" });
    const bob = await signToken({ sub: "bob-subject", name: "Bob" });
    const bobsEvents = collect(
      wsClient(api.wsUrl, bob),
      `subscription($agentId: ID!) { conversationEvents(agentId: $agentId) {
        __typename ... on MessageAdded { message { text } } } }`,
      { agentId },
      () => false,
    );
    await listening(api, bob);
    const sent = await gql(
      api.url,
      SEND,
      { input: { agentId, text: "A secret for Kai", clientMessageId: "a-1" } },
      alice,
    );
    expect(sent.errors).toBeUndefined();
    const aliceJob = await imageJobFor(await userIdOf(alice));

    const bobsView = await gql(api.url, MESSAGES, { agentId }, bob);
    expect(bobsView.data!.conversation.messages.edges).toEqual([]);
    expect(
      codesOf(await gql(api.url, "query($id: ID!) { imageJob(id: $id) { id } }", { id: aliceJob }, bob)),
    ).toEqual(["NOT_FOUND"]);
    const retry = await gql(
      api.url,
      `mutation($input: RetryReplyInput!) { retryReply(input: $input) { replyId } }`,
      { input: { agentId, messageId: sent.data!.sendMessage.message.id } },
      bob,
    );
    expect(codesOf(retry)).toEqual(["NOT_FOUND"]);
    const bobWatchesJob = collect(
      wsClient(api.wsUrl, bob),
      `subscription($id: ID!) { imageJobUpdated(id: $id) { id } }`,
      { id: aliceJob },
      () => false,
    );
    await expect(bobWatchesJob.finished).rejects.toMatchObject([{ extensions: { code: "NOT_FOUND" } }]);

    const aliceSees = await gql(
      api.url,
      "query($id: ID!) { imageJob(id: $id) { id status kind } }",
      { id: aliceJob },
      alice,
    );
    expect(aliceSees.data!.imageJob).toEqual({ id: aliceJob, status: "REQUESTED", kind: "VARIATION" });
    // Bob's own message reaches him after everything of Alice's: had any of hers leaked, it was there first.
    const own = await gql(
      api.url,
      SEND,
      { input: { agentId, text: "Bob here", clientMessageId: "b-1" } },
      bob,
    );
    expect(own.errors).toBeUndefined();
    await eventually(async () =>
      bobsEvents.items.some((i) => i.conversationEvents.message?.text === "Bob here"),
    );
    expect(
      bobsEvents.items.map((i) => i.conversationEvents.message?.text ?? i.conversationEvents.__typename),
    ).not.toContain("A secret for Kai");
    expect(JSON.stringify(bobsEvents.items)).not.toContain("secret");
    await bobsEvents.client.dispose();
    await bobWatchesJob.client.dispose();
  });

  it("asks for a sign-in, and refuses admin operations to a person", async () => {
    expect(codesOf(await gql(api.url, "{ me { id } }"))).toEqual(["UNAUTHENTICATED"]);
    const plain = await gql(
      api.url,
      `mutation($name: String!) { rebuildProjection(name: $name) { started } }`,
      { name: "users" },
      "dev:mallory",
    );
    expect(codesOf(plain)).toEqual(["FORBIDDEN"]);
    expect(codesOf(await gql(api.url, `{ stream(streamId: "user-x") { id } }`, {}, "dev:mallory"))).toEqual([
      "FORBIDDEN",
    ]);
    const create = await gql(
      api.url,
      `mutation { regenerateBasePortrait(agentId: "x") { agentId } }`,
      {},
      "dev:mallory",
    );
    expect(codesOf(create)).toEqual(["FORBIDDEN"]);
  });

  it("refuses expired and forged tokens over HTTP and WebSocket", async () => {
    const expired = await signToken({ sub: "late", expiresIn: Math.floor(Date.now() / 1000) - 60 });
    const forged = await signToken({ sub: "eve", secret: `${JWT_SECRET}-not` });
    for (const token of [expired, forged, "garbage.token.here"]) {
      const result = await gql(api.url, "{ me { id } }", {}, token);
      expect(result.status).toBe(401);
      expect(codesOf(result)).toEqual(["UNAUTHENTICATED"]);
    }
    const closed = new Promise<number>((resolve) => wsClient(api.wsUrl, forged, resolve));
    expect(await closed).toBe(4403);
  });

  it("ends a subscription when its token expires", async () => {
    const shortLived = await signToken({ sub: "brief", expiresIn: Math.floor(Date.now() / 1000) + 2 });
    const closed = new Promise<number>((resolve) => {
      const client = wsClient(api.wsUrl, shortLived, resolve);
      collect(
        client,
        `subscription($agentId: ID!) { conversationEvents(agentId: $agentId) { __typename } }`,
        { agentId },
        () => false,
      );
    });
    expect(await closed).toBe(4401);
  });
});
