import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import webpush from "web-push";
import { compilePath, mapAtPath } from "../../../src/application/privacy/personalFields.ts";
import { userIdFor } from "../../../src/application/users/registerUser.ts";
import { personalData } from "../../../src/domain/personalData.ts";
import { conversationStreamId, userStreamId } from "../../../src/domain/streamIds.ts";
import { createAgent, gql, type Loose, startTestApi, type TestApi } from "../../graphql/apiHarness.ts";
import { eventually } from "../../support/coreHarness.ts";
import { browserSubscription } from "../../support/fakes/pushServiceFake.ts";

const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { replyId } }`;
const REGISTER = `mutation($input: RegisterPushSubscriptionInput!) { registerPushSubscription(input: $input) { id } }`;
const MEMORIES = `query($agentId: ID!) { memories(agentId: $agentId) { id text } }`;
const CORRECT = `mutation($input: CorrectMemoryInput!) { correctMemory(input: $input) { id } }`;
const FORGET = `mutation($input: ForgetMemoryInput!) { forgetMemory(input: $input) { __typename } }`;
const TOKEN = "dev:petra";
const vapid = webpush.generateVAPIDKeys();

/** Every value of every personal field in `events`, as the log holds it for the person. */
function personalValues(events: { type: string; data: unknown }[]): { type: string; value: string }[] {
  const found: { type: string; value: string }[] = [];
  for (const event of events) {
    const declaration = personalData[event.type as keyof typeof personalData];
    if (!declaration?.personal) continue;
    for (const field of declaration.fields) {
      const path = typeof field === "string" ? field : field.path;
      mapAtPath(event.data, compilePath(path), (value) => {
        if (typeof value === "string" && value.length > 0) found.push({ type: event.type, value });
        return value;
      });
    }
  }
  return found;
}

describe("exportMyData holds every personal field the log holds about the person", () => {
  let api: TestApi;
  let agentId: string;

  beforeAll(async () => {
    api = await startTestApi(
      {
        WITHME_OFFLINE_TOKEN_DELAY_MS: "0",
        VAPID_PUBLIC_KEY: vapid.publicKey,
        VAPID_PRIVATE_KEY: vapid.privateKey,
        VAPID_SUBJECT: "mailto:ops@withme.example",
      },
      ["api", "projector", "worker"],
    );
    agentId = await createAgent(api.url, "Noor");
  }, 60_000);
  afterAll(async () => api?.close());

  it("messages, facts with their quotes, corrected wordings and forgotten facts, mood and affinity reasons, devices", async () => {
    const userId = userIdFor({ provider: "dev", subject: TOKEN });
    const streamId = conversationStreamId(userId, agentId);
    for (const text of ["My sister Ilse lives in Ghent.", "You are so kind, thank you for listening!"]) {
      const sent = await gql(
        api.url,
        SEND,
        { input: { agentId, text, clientMessageId: randomUUID() } },
        TOKEN,
      );
      expect(sent.errors).toBeUndefined();
    }
    const { endpoint, keys } = browserSubscription("https://push.example.test/send/petra").subscription;
    expect((await gql(api.url, REGISTER, { input: { endpoint, keys } }, TOKEN)).errors).toBeUndefined();
    await eventually(async () => {
      const events = await api.system.eventStore.readStream(streamId);
      return (
        events.filter((e) => e.type === "AgentReplyCompleted").length === 2 &&
        events.some((e) => e.type === "MemoryFactRecorded") &&
        events.some((e) => e.type === "AffinityChanged")
      );
    }, 60_000);

    // A corrected and then forgotten fact is still in the log, in both wordings: the export says so.
    const memoryId = await eventually(async () => {
      const listed = (await gql(api.url, MEMORIES, { agentId }, TOKEN)).data?.memories as Loose[] | undefined;
      return listed?.[0]?.id as string | undefined;
    });
    const corrected = await gql(
      api.url,
      CORRECT,
      { input: { agentId, memoryId, text: "Ilse, my sister, moved to Bruges." } },
      TOKEN,
    );
    expect(corrected.errors).toBeUndefined();
    expect((await gql(api.url, FORGET, { input: { agentId, memoryId } }, TOKEN)).errors).toBeUndefined();

    const exported = await eventually(async () => {
      const result = await gql(api.url, "{ exportMyData }", {}, TOKEN);
      const data = result.data?.exportMyData as Loose;
      return data?.conversations?.length === 1 ? data : undefined;
    });
    const text = JSON.stringify(exported);
    const events = [
      ...(await api.system.eventStore.readStream(userStreamId(userId))),
      ...(await api.system.eventStore.readStream(streamId)),
    ];
    const values = personalValues(events);
    expect(new Set(values.map((v) => v.type))).toEqual(
      new Set([
        "UserRegistered",
        "PushSubscriptionRegistered",
        "UserMessageSent",
        // The greeting that opens the conversation names the person.
        "AgentInitiatedMessage",
        "AgentReplyCompleted",
        "MemoryFactRecorded",
        "MemoryFactCorrected",
        "MoodShifted",
        "AffinityChanged",
      ]),
    );
    const missing = values.filter((v) => !text.includes(JSON.stringify(v.value).slice(1, -1)));
    expect(missing).toEqual([]);
    const [conversation] = exported.conversations as Loose[];
    expect(conversation.facts.map((f: Loose) => f.id)).not.toContain(memoryId);
    expect(conversation.forgottenFacts).toEqual([
      expect.objectContaining({
        id: memoryId,
        text: "Ilse, my sister, moved to Bruges.",
        earlierTexts: [expect.stringContaining("Ilse")],
        forgottenAt: expect.any(String),
      }),
    ]);
  }, 120_000);
});
