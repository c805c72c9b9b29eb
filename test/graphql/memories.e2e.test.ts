import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { userIdFor } from "../../src/application/users/registerUser.ts";
import { eventually } from "../support/coreHarness.ts";
import { codesOf, createAgent, gql, type Loose, startTestApi, type TestApi } from "./apiHarness.ts";

let api: TestApi;
let agentId: string;
let messageId: string;
const sam = userIdFor({ provider: "dev", subject: "dev:sam" });

const MEMORIES = `query($agentId: ID!, $userId: ID) {
  memories(agentId: $agentId, userId: $userId) { id text kind recordedAt correctedAt sourceMessageId sourceMessageIds }
}`;
const CORRECT = `mutation($input: CorrectMemoryInput!) { correctMemory(input: $input) { id text correctedAt } }`;
const FORGET = `mutation($input: ForgetMemoryInput!) { forgetMemory(input: $input) { memoryId } }`;

const memoriesOf = async (token: string, userId?: string): Promise<Loose[] | undefined> =>
  (await gql(api.url, MEMORIES, { agentId, ...(userId ? { userId } : {}) }, token)).data?.memories;

/** Sends a message as the person and waits for the agent's completed reply to it. */
async function say(token: string, text: string): Promise<string | undefined> {
  const sent = await gql(
    api.url,
    `mutation($input: SendMessageInput!) { sendMessage(input: $input) { replyId } }`,
    { input: { agentId, text, clientMessageId: randomUUID() } },
    token,
  );
  const replyId = sent.data!.sendMessage.replyId;
  return eventually(async () => {
    const result = await gql(
      api.url,
      `query($agentId: ID!) { conversation(agentId: $agentId) { messages(last: 10) { edges { node { id status text } } } } }`,
      { agentId },
      token,
    );
    const node = result.data?.conversation.messages.edges
      .map((e: Loose) => e.node)
      .find((m: Loose) => m.id === replyId && m.status === "COMPLETED");
    return node?.text as string | undefined;
  }, 60_000);
}

beforeAll(async () => {
  api = await startTestApi({}, ["api", "projector", "worker"]);
  agentId = await createAgent(api.url, "Rin");
  const sent = await gql(
    api.url,
    `mutation($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }`,
    {
      input: {
        agentId,
        text: "I have a dog called Biscuit. Do you like dogs?",
        clientMessageId: randomUUID(),
      },
    },
    "dev:sam",
  );
  messageId = sent.data!.sendMessage.message.id;
}, 60_000);
afterAll(async () => api?.close());

describe("what the agent remembers, through GraphQL", () => {
  let memoryId: string;

  it("lists the facts taken from the viewer's messages, with the message they came from", async () => {
    const listed = await eventually(async () => {
      const memories = await memoriesOf("dev:sam");
      return memories?.length ? memories : undefined;
    }, 60_000);
    expect(listed).toEqual([
      {
        id: expect.any(String),
        text: expect.stringMatching(/has a dog called Biscuit$/),
        kind: "PET",
        recordedAt: expect.any(String),
        correctedAt: null,
        sourceMessageId: messageId,
        sourceMessageIds: [messageId],
      },
    ]);
    memoryId = listed[0].id;
  });

  it("shows a person only their own memories; an operator may name the person", async () => {
    expect(await memoriesOf("dev:jo")).toEqual([]);
    expect(codesOf(await gql(api.url, MEMORIES, { agentId, userId: sam }, "dev:jo"))).toEqual(["FORBIDDEN"]);
    expect((await memoriesOf("dev", sam))?.map((m) => m.id)).toEqual([memoryId]);
    expect(codesOf(await gql(api.url, MEMORIES, { agentId }, null))).toEqual(["UNAUTHENTICATED"]);
  });

  it("answers NOT_FOUND for an agent that does not exist, to a person and to an operator", async () => {
    for (const unknown of ["no-such-agent", randomUUID()]) {
      expect(codesOf(await gql(api.url, MEMORIES, { agentId: unknown }, "dev:sam"))).toEqual(["NOT_FOUND"]);
      expect(codesOf(await gql(api.url, MEMORIES, { agentId: unknown, userId: sam }, "dev"))).toEqual([
        "NOT_FOUND",
      ]);
    }
  });

  it("refuses to change another person's memory", async () => {
    const input = { agentId, memoryId, text: "Jo was here" };
    expect(codesOf(await gql(api.url, CORRECT, { input }, "dev:jo"))).toEqual(["NOT_FOUND"]);
    expect(codesOf(await gql(api.url, CORRECT, { input: { ...input, userId: sam } }, "dev:jo"))).toEqual([
      "FORBIDDEN",
    ]);
    expect(codesOf(await gql(api.url, FORGET, { input: { agentId, memoryId } }, "dev:jo"))).toEqual([
      "NOT_FOUND",
    ]);
  });

  it("corrects a memory, and refuses an empty one or an unknown id", async () => {
    expect(
      codesOf(await gql(api.url, CORRECT, { input: { agentId, memoryId, text: "  " } }, "dev:sam")),
    ).toEqual(["BAD_USER_INPUT"]);
    expect(
      codesOf(await gql(api.url, CORRECT, { input: { agentId, memoryId: "nope", text: "x" } }, "dev:sam")),
    ).toEqual(["NOT_FOUND"]);
    const corrected = await gql(
      api.url,
      CORRECT,
      { input: { agentId, memoryId, text: "Sam has a cat called Biscuit" } },
      "dev:sam",
    );
    expect(corrected.data?.correctMemory).toMatchObject({
      id: memoryId,
      text: "Sam has a cat called Biscuit",
    });
    expect(corrected.data?.correctMemory.correctedAt).toEqual(expect.any(String));
    await eventually(async () => (await memoriesOf("dev:sam"))?.[0]?.text === "Sam has a cat called Biscuit");
  });

  it("forgets a memory: it leaves the list, cannot be changed, and forgetting it again answers the same", async () => {
    const forgotten = await gql(api.url, FORGET, { input: { agentId, memoryId } }, "dev:sam");
    expect(forgotten.data?.forgetMemory).toEqual({ memoryId });
    await eventually(async () => (await memoriesOf("dev:sam"))?.length === 0);
    expect(await gql(api.url, FORGET, { input: { agentId, memoryId } }, "dev:sam")).toEqual({
      status: 200,
      data: { forgetMemory: { memoryId } },
    });
    expect(
      codesOf(await gql(api.url, CORRECT, { input: { agentId, memoryId, text: "again" } }, "dev:sam")),
    ).toEqual(["NOT_FOUND"]);
  });

  it("does not bring a forgotten fact up again, though the message that told it is still in view", async () => {
    await say("dev:ana", "My sister is called Matilda.");
    const fact = await eventually(async () => (await memoriesOf("dev:ana"))?.[0], 60_000);
    expect(fact.text).toMatch(/Matilda/);
    await gql(api.url, FORGET, { input: { agentId, memoryId: fact.id } }, "dev:ana");
    for (const question of ["What's my sister's name?", "What is my sister called?"])
      expect(await say("dev:ana", question), question).not.toMatch(/Matilda/);
  });

  it("speaks a corrected fact to the person as 'you', though the message that introduced them told the corrected one", async () => {
    await say("dev:dee", "Hi! My name is Dana and I live in Porto.");
    const porto = await eventually(
      async () => (await memoriesOf("dev:dee"))?.find((memory) => /Porto/.test(memory.text)),
      60_000,
    );
    await gql(
      api.url,
      CORRECT,
      { input: { agentId, memoryId: porto.id, text: "Dana lives in Braga" } },
      "dev:dee",
    );
    const reply = await say("dev:dee", "Where do I live?");
    expect(reply).toMatch(/you live in Braga/);
    expect(reply).not.toMatch(/Dana lives/);
  });
});
