import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replyIdFor } from "../../src/application/conversations/messageIds.ts";
import { eventually } from "../support/coreHarness.ts";
import {
  codesOf,
  collect,
  createAgent,
  gql,
  listening,
  startTestApi,
  type TestApi,
  wsClient,
} from "./apiHarness.ts";
import { reactorStandIn } from "./reactorStandIn.ts";

const SEND = `mutation Send($input: SendMessageInput!) {
  sendMessage(input: $input) { replyId duplicate message { id kind role text status cursor clientMessageId } }
}`;
const EVENTS = `subscription Events($agentId: ID!, $after: Int) {
  conversationEvents(agentId: $agentId, afterRevision: $after) {
    __typename
    ... on MessageAdded { revision message { id text role } }
    ... on ReplyStarted { revision replyId attempt }
    ... on ReplyDelta { replyId text }
    ... on ReplyCompleted { revision replyId message { id text role inReplyTo } }
    ... on StateChanged { revision mood moodIntensity affinity affinityDelta reason }
    ... on Typing { typing }
    ... on ImageJobUpdated { imageJob { id status kind } }
  }
}`;

let api: TestApi;
let agentId: string;
const token = "dev:alice";

beforeAll(async () => {
  api = await startTestApi();
  agentId = await createAgent(api.url);
});
afterAll(async () => api?.close());

async function reply(userId: string, messageId: string, text: string, mood: "content" | "joyful" = "joyful") {
  return reactorStandIn(api.system, userId, agentId).reply(messageId, text, mood);
}

describe("GraphQL contract", () => {
  it("registers the viewer on the first call and lists agents", async () => {
    const me = await gql(api.url, "{ me { id displayName role } }", {}, token);
    expect(me.data?.me).toMatchObject({ displayName: "Alice", role: "USER" });
    const agents = await eventually(async () => {
      const result = await gql(
        api.url,
        "{ agents { id name localTime { label timezone } availability { status } } }",
        {},
        token,
      );
      return result.data?.agents.length ? result.data.agents : undefined;
    });
    expect(agents[0]).toMatchObject({ id: agentId, name: "Mia", localTime: { timezone: "Europe/Lisbon" } });
    const one = await gql(
      api.url,
      "query($id: ID!) { agent(id: $id) { name identity { homeCity } } }",
      { id: agentId },
      token,
    );
    expect(one.data?.agent).toEqual({ name: "Mia", identity: { homeCity: "Lisbon" } });
  });

  it("sends a message at once, with the reply id, and a retry with the same client id is the same message", async () => {
    const input = { agentId, text: "Hello there!", clientMessageId: "c-1" };
    const first = await gql(api.url, SEND, { input }, token);
    expect(first.errors).toBeUndefined();
    const sent = first.data!.sendMessage;
    expect(sent).toMatchObject({
      duplicate: false,
      message: { text: "Hello there!", kind: "USER", role: "USER", status: "SENT" },
    });
    expect(sent.replyId).toBe(replyIdFor(sent.message.id, 1));
    const again = await gql(api.url, SEND, { input }, token);
    expect(again.data!.sendMessage).toMatchObject({
      duplicate: true,
      replyId: sent.replyId,
      message: { id: sent.message.id },
    });
    const clash = await gql(api.url, SEND, { input: { ...input, text: "Something else" } }, token);
    expect(codesOf(clash)).toEqual(["CONFLICT"]);
    const me = await gql(api.url, "{ me { id } }", {}, token);
    await reply(me.data!.me.id, sent.message.id, "Hi to you", "content");
  });

  it("streams the person's message, the reply, mood and affinity over WebSocket, and replays what a reconnect missed", async () => {
    const me = await gql(api.url, "{ me { id } }", {}, token);
    const userId = me.data!.me.id as string;
    const client = wsClient(api.wsUrl, token);
    const live = collect(client, EVENTS, { agentId }, (items) =>
      items.some(
        (i) => i.conversationEvents.__typename === "StateChanged" && i.conversationEvents.affinity === 6,
      ),
    );
    await listening(api, token);
    const sent = await gql(
      api.url,
      SEND,
      { input: { agentId, text: "How are you?", clientMessageId: "c-2" } },
      token,
    );
    const messageId = sent.data!.sendMessage.message.id as string;
    await eventually(async () => live.items.some((i) => i.conversationEvents.message?.id === messageId));
    const replyId = await reply(userId, messageId, "Doing great thanks");
    const events = (await live.finished).map((i) => i.conversationEvents);
    const kinds = events.map((e) => e.__typename);
    expect(kinds[0]).toBe("MessageAdded");
    expect(kinds).toEqual(
      expect.arrayContaining(["ReplyStarted", "Typing", "ReplyDelta", "ReplyCompleted", "StateChanged"]),
    );
    expect(
      events
        .filter((e) => e.__typename === "ReplyDelta")
        .map((e) => e.text)
        .join(""),
    ).toBe("Doing great thanks ");
    expect(events.find((e) => e.__typename === "ReplyCompleted")).toMatchObject({
      replyId,
      message: { text: "Doing great thanks", inReplyTo: messageId },
    });
    expect(events.at(-1)).toMatchObject({ mood: "JOYFUL", affinity: 6, affinityDelta: 3, reason: "warmth" });
    const revisions = events.filter((e) => e.revision !== undefined).map((e) => e.revision as number);
    expect(revisions).toEqual([...revisions].sort((a, b) => a - b));

    // A client that saw only the message comes back with its revision and gets the rest, stored events only.
    const seen = events[0]!.revision as number;
    const replay = collect(wsClient(api.wsUrl, token), EVENTS, { agentId, after: seen }, (items) =>
      items.some((i) => i.conversationEvents.affinity === 6),
    );
    const missed = (await replay.finished).map((i) => i.conversationEvents);
    expect(missed.map((e) => e.__typename)).toEqual([
      "ReplyStarted",
      "ReplyCompleted",
      "StateChanged",
      "StateChanged",
    ]);
    expect(missed.every((e) => e.revision > seen)).toBe(true);

    // A revision the conversation never reached is refused, not waited for; the connection stays usable.
    const last = Math.max(...missed.map((e) => e.revision as number));
    const past = collect(wsClient(api.wsUrl, token), EVENTS, { agentId, after: last + 1 }, () => true);
    const refusal = await past.finished.then(
      () => null,
      (error: { extensions?: { code?: string } }[]) => error[0]?.extensions?.code,
    );
    expect(refusal).toBe("BAD_USER_INPUT");
    const atEnd = collect(past.client, EVENTS, { agentId, after: last - 1 }, (items) => items.length > 0);
    expect((await atEnd.finished)[0]!.conversationEvents.revision).toBe(last);
    await client.dispose();
    await replay.client.dispose();
    await past.client.dispose();
  });

  it("shows the conversation's state and pages messages newest last", async () => {
    const conversation = await eventually(async () => {
      const result = await gql(
        api.url,
        `query($agentId: ID!) { conversation(agentId: $agentId) {
          state { mood moodIntensity affinity revision availability { status } localTime { time } }
          messages(last: 2) { edges { cursor node { text role } } pageInfo { hasPreviousPage startCursor } }
        } }`,
        { agentId },
        token,
      );
      return result.data?.conversation.state.affinity === 6 ? result.data.conversation : undefined;
    });
    expect(conversation.state).toMatchObject({ mood: "JOYFUL", moodIntensity: 0.8, affinity: 6 });
    expect(conversation.messages.edges.map((e: { node: { text: string } }) => e.node.text)).toEqual([
      "How are you?",
      "Doing great thanks",
    ]);
    expect(conversation.messages.pageInfo.hasPreviousPage).toBe(true);
    const earlier = await gql(
      api.url,
      `query($agentId: ID!, $before: String) { conversation(agentId: $agentId) { messages(last: 5, before: $before) { edges { node { text } } pageInfo { hasPreviousPage } } } }`,
      { agentId, before: conversation.messages.pageInfo.startCursor },
      token,
    );
    expect(
      earlier.data!.conversation.messages.edges.map((e: { node: { text: string } }) => e.node.text),
    ).toEqual([expect.any(String), "Hello there!", "Hi to you"]);
  });
});
