import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replyIdFor } from "../../src/application/conversations/messageIds.ts";
import { eventually } from "../support/coreHarness.ts";
import {
  codesOf,
  collect,
  createAgent,
  gql,
  type Loose,
  listening,
  startTestApi,
  type TestApi,
  wsClient,
} from "./apiHarness.ts";
import { reactorStandIn } from "./reactorStandIn.ts";

let api: TestApi;
let agentId: string;
const token = "dev:sam";

beforeAll(async () => {
  api = await startTestApi();
  agentId = await createAgent(api.url, "Leo");
  await eventually(async () => (await gql(api.url, "{ agents { id } }", {}, token)).data?.agents.length > 0);
});
afterAll(async () => api?.close());

/** Reads server-sent events from a streaming response until `done` is satisfied. */
async function readSse(response: Response, done: (events: Loose[]) => boolean): Promise<Loose[]> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const events: Loose[] = [];
  let buffer = "";
  while (!done(events)) {
    const { value, done: ended } = await reader.read();
    if (ended) break;
    buffer += decoder.decode(value, { stream: true });
    for (let cut = buffer.indexOf("\n\n"); cut >= 0; cut = buffer.indexOf("\n\n")) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const data = block.split("\n").find((line) => line.startsWith("data:"));
      if (block.startsWith("event: next") && data) events.push(JSON.parse(data.slice(5)));
    }
  }
  await reader.cancel();
  return events;
}

describe("subscriptions", () => {
  it("delivers conversation events over SSE as well", async () => {
    const controller = new AbortController();
    const response = await fetch(`${api.url}/graphql`, {
      method: "POST",
      signal: controller.signal,
      headers: {
        "content-type": "application/json",
        accept: "text/event-stream",
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({
        query: `subscription($agentId: ID!) { conversationEvents(agentId: $agentId) { __typename ... on MessageAdded { message { text } } } }`,
        variables: { agentId },
      }),
    });
    expect(response.headers.get("content-type")).toMatch(/text\/event-stream/);
    const said = (event: Loose) => event.data.conversationEvents.message?.text;
    // The agent's greeting, which opens the conversation, arrives first.
    const reading = readSse(response, (events) => events.some((e) => said(e) === "Over SSE"));
    await listening(api, token);
    await gql(
      api.url,
      `mutation($input: SendMessageInput!) { sendMessage(input: $input) { replyId } }`,
      { input: { agentId, text: "Over SSE", clientMessageId: "sse-1" } },
      token,
    );
    const events = await reading;
    controller.abort();
    expect(events.map((e) => e.data.conversationEvents)).toEqual([
      { __typename: "MessageAdded", message: { text: expect.any(String) } },
      { __typename: "MessageAdded", message: { text: "Over SSE" } },
    ]);
  });

  it("asks for a picture, retries a failed reply, and shows the picture's job as it progresses", async () => {
    const userId = (await gql(api.url, "{ me { id } }", {}, token)).data!.me.id as string;
    // The previous test's stream has ended on the server before this one starts.
    await eventually(async () => api.system.api!.openSubscriptionsOf(userId) === 0);
    const client = wsClient(api.wsUrl, token);
    const events = collect(
      client,
      `subscription($agentId: ID!) { conversationEvents(agentId: $agentId) {
        __typename ... on ReplyFailed { replyId retryable } ... on ReplyStarted { replyId attempt }
        ... on ImageJobUpdated { imageJob { id status url } } } }`,
      { agentId },
      (items) => items.some((i) => i.conversationEvents.imageJob?.status === "SUCCEEDED"),
    );
    await listening(api, token);
    const first = await gql(
      api.url,
      `{ conversation(agentId: "${agentId}") { state { revision } } }`,
      {},
      token,
    );
    expect(first.errors).toBeUndefined();
    const asked = await gql(
      api.url,
      `mutation($input: RequestImageInput!) { requestImage(input: $input) { replyId message { id text } } }`,
      { input: { agentId, prompt: "at the beach", clientRequestId: "pic-1" } },
      token,
    );
    const { message } = asked.data!.requestImage;
    expect(message.text).toBe("Send me a picture: at the beach");
    const reactor = reactorStandIn(api.system, userId, agentId);
    // The previous test's message is answered first, as the reply reactor would.
    const sseMessage = await eventually(async () => {
      const page = await gql(
        api.url,
        `{ conversation(agentId: "${agentId}") { messages(last: 5) { edges { node { id text } } } } }`,
        {},
        token,
      );
      return page.data?.conversation.messages.edges.find(
        (e: { node: { text: string } }) => e.node.text === "Over SSE",
      );
    });
    for (const messageId of [sseMessage.node.id as string, message.id as string]) {
      const replyId = replyIdFor(messageId, 1);
      await reactor.conversation({ type: "StartReply", replyId, messageId }, `s:${replyId}`);
      const failure = { reason: "timeout", message: "took too long", retryable: true } as const;
      await reactor.conversation({ type: "FailReply", replyId, ...failure }, `f:${replyId}`);
    }
    const sseRetry = replyIdFor(sseMessage.node.id, 2);
    await reactor.conversation(
      { type: "RetryReply", replyId: sseRetry, messageId: sseMessage.node.id },
      "r:sse",
    );
    const usage = { promptTokens: 1, completionTokens: 1 };
    await reactor.conversation(
      { type: "CompleteReply", replyId: sseRetry, text: "Sorry, I'm here", model: "t", usage },
      "c:sse",
    );

    const retried = await gql(
      api.url,
      `mutation($input: RetryReplyInput!) { retryReply(input: $input) { replyId attempt } }`,
      { input: { agentId, messageId: message.id } },
      token,
    );
    expect(retried.data!.retryReply).toEqual({ replyId: replyIdFor(message.id, 2), attempt: 2 });
    const twice = await gql(
      api.url,
      `mutation($input: RetryReplyInput!) { retryReply(input: $input) { replyId attempt } }`,
      { input: { agentId, messageId: message.id } },
      token,
    );
    expect(twice.data!.retryReply).toEqual(retried.data!.retryReply);

    const imageJobId = crypto.randomUUID();
    const grant = {
      requestId: `req-${imageJobId}`,
      imageJobId,
      scenePrompt: "beach selfie",
      inReplyTo: message.id,
    };
    await reactor.conversation({ type: "GrantImageRequest", ...grant }, `g:${imageJobId}`);
    await reactor.imageJob(imageJobId, {
      type: "RequestImageJob",
      kind: "variation",
      agentId,
      userId,
      prompt: "beach selfie",
      basePortraitUrl: "/media/p.png",
      requestedBy: "reactor:image",
    });
    const watched = collect(
      wsClient(api.wsUrl, token),
      `subscription($id: ID!) { imageJobUpdated(id: $id) { status url } }`,
      { id: imageJobId },
      () => false,
    );
    await reactor.imageJob(imageJobId, {
      type: "SubmitImageJob",
      provider: "local",
      providerRequestId: "p-1",
      attempt: 1,
    });
    const result = { url: "/media/beach.png", contentType: "image/png", sizeBytes: 100 };
    await reactor.imageJob(imageJobId, { type: "CompleteImageJob", providerRequestId: "p-1", ...result });
    const seen = (await events.finished).map((i) => i.conversationEvents);
    expect(seen.filter((e) => e.__typename === "ReplyFailed")).toHaveLength(2);
    expect(seen).toContainEqual({
      __typename: "ReplyStarted",
      replyId: replyIdFor(message.id, 2),
      attempt: 2,
    });
    expect(seen.at(-1)).toEqual({
      __typename: "ImageJobUpdated",
      imageJob: {
        id: imageJobId,
        status: "SUCCEEDED",
        url: expect.stringMatching(/^\/media\/beach\.png\?expires=\d+&signature=[\w-]{43}$/),
      },
    });
    const statuses = (await watched.finished).map((i) => i.imageJobUpdated.status);
    expect(statuses.at(-1)).toBe("SUCCEEDED");
    expect(codesOf(await gql(api.url, `query { imageJob(id: "missing") { id } }`, {}, token))).toEqual([
      "NOT_FOUND",
    ]);
    await eventually(
      async () =>
        (await gql(api.url, `query($id: ID!) { imageJob(id: $id) { status } }`, { id: imageJobId }, token))
          .data?.imageJob.status === "SUCCEEDED",
    );
    await client.dispose();
    await watched.client.dispose();
  });
});
