import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { userIdFor } from "../../src/application/users/registerUser.ts";
import { conversationStreamId } from "../../src/domain/streamIds.ts";
import { eventually } from "../support/coreHarness.ts";
import { gql, type Loose, listening, startTestApi, type TestApi, wsClient } from "./apiHarness.ts";

const EVENTS = `subscription($agentId: ID!) { conversationEvents(agentId: $agentId) {
  __typename
  ... on ReplyDelta { replyId text }
  ... on ReplyCompleted { replyId revision message { text } }
  ... on StateChanged { revision mood affinity affinityDelta reason }
} }`;

const TURNS = [
  "Hi! How is your day going?",
  "My sister is called Ana and she lives in Lisbon.",
  "I went hiking with my dog this weekend.",
  "What are you working on right now?",
  "Thanks, you always cheer me up!",
  "The weather here is grey and cold.",
];

/** An hour offset where it is early afternoon now, so the agent answers at full length whenever this runs. */
function daytimeZone(): string {
  const offset = ((13 - new Date().getUTCHours() + 36) % 24) - 12;
  return offset === 0 ? "Etc/GMT" : `Etc/GMT${offset > 0 ? "-" : "+"}${Math.abs(offset)}`;
}

describe("a 30-turn conversation through the API with the offline engine", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ WITHME_OFFLINE_TOKEN_DELAY_MS: "0" }, ["api", "projector", "worker"]);
  });
  afterAll(async () => {
    await api?.close();
  });

  it("streams every reply, moves mood and affinity, summarises, and recalls turn 2 at turn 30", async () => {
    const created = await gql(
      api.url,
      `mutation($input: CreateAgentInput!) { createAgent(input: $input) { agentId } }`,
      {
        input: {
          name: "Mira",
          persona: {
            summary: "A cheerful illustrator who loves long walks and strong coffee.",
            traits: ["warm", "witty"],
            speakingStyle: "Friendly and curious.",
            interests: ["drawing", "hiking"],
          },
          identity: { homeCity: "Berlin", occupation: "Illustrator", timezone: daytimeZone() },
          appearancePrompt: "Curly red hair, round glasses.",
        },
      },
      "dev",
    );
    const agentId = created.data!.createAgent.agentId as string;
    const client = wsClient(api.wsUrl, "dev:sam");
    const deltas = new Map<string, string>();
    const completed = new Map<string, string>();
    const states: Loose[] = [];
    const stop = client.subscribe<Loose>(
      { query: EVENTS, variables: { agentId } },
      {
        next: ({ data }) => {
          const event = data?.conversationEvents;
          if (event?.__typename === "ReplyDelta")
            deltas.set(event.replyId, (deltas.get(event.replyId) ?? "") + event.text);
          if (event?.__typename === "ReplyCompleted") completed.set(event.replyId, event.message.text);
          if (event?.__typename === "StateChanged") states.push(event);
        },
        error: () => {},
        complete: () => {},
      },
    );
    await listening(api, "dev:sam");
    const replies: string[] = [];
    for (let turn = 0; turn < 30; turn++) {
      const text = turn === 29 ? "Do you remember what my sister is called?" : TURNS[turn % TURNS.length]!;
      const sent = await gql(
        api.url,
        `mutation($input: SendMessageInput!) { sendMessage(input: $input) { replyId } }`,
        { input: { agentId, text, clientMessageId: randomUUID() } },
        "dev:sam",
      );
      const replyId = sent.data!.sendMessage.replyId as string;
      replies.push(replyId);
      await eventually(async () => completed.has(replyId), 20_000);
    }
    stop();
    await client.dispose();
    for (const replyId of replies) expect(deltas.get(replyId)).toBe(completed.get(replyId));
    expect(completed.get(replies[29]!)).toContain("Ana");
    expect(states.length).toBeGreaterThanOrEqual(30);

    const streamId = conversationStreamId(userIdFor({ provider: "dev", subject: "dev:sam" }), agentId);
    const summaries = await eventually(async () => {
      const events = await api.system.eventStore.readStream(streamId);
      const found = events.filter((e) => e.type === "MemorySummarized");
      return found.length > 0 ? found : undefined;
    });
    expect((summaries[0]!.data as { facts: string[] }).facts.join(" ")).toContain("Ana");
  }, 120_000);
});
