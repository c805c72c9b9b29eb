import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { userIdFor } from "../../../src/application/users/registerUser.ts";
import { loadConfig } from "../../../src/config/config.ts";
import { conversationStreamId } from "../../../src/domain/streamIds.ts";
import { type System, startWithme } from "../../../src/main.ts";
import { createAgent, gql, type Loose } from "../../graphql/apiHarness.ts";
import { eventually } from "../../support/coreHarness.ts";
import { createTestDatabase, type TestDatabase } from "../../support/testDatabase.ts";

const TOKEN = "dev:ines";
const MEMORIES = `query($agentId: ID!) { memories(agentId: $agentId) { id text } }`;
const FORGET = `mutation($input: ForgetMemoryInput!) { forgetMemory(input: $input) { memoryId } }`;
const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { replyId } }`;
const REPLIES = `query($agentId: ID!) { conversation(agentId: $agentId) { messages(last: 10) { edges { node { id status text } } } } }`;

let database: TestDatabase;
let dataDir: string;
let system: System | undefined;

async function start(): Promise<string> {
  const config = loadConfig(
    {
      DATABASE_URL: database.url,
      WITHME_DATA_DIR: dataDir,
      PORT: "0",
      HOST: "127.0.0.1",
      WITHME_LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
      WITHME_ASLEEP_REPLIES: "drowsy",
      WITHME_OFFLINE_TOKEN_DELAY_MS: "0",
      WITHME_MUTATION_RATE_LIMIT: "1000",
    },
    { envFile: false },
  );
  system = await startWithme(config, ["api", "projector", "worker"]);
  return system.api!.url;
}

async function say(url: string, agentId: string, text: string): Promise<string> {
  const sent = await gql(url, SEND, { input: { agentId, text, clientMessageId: randomUUID() } }, TOKEN);
  expect(sent.errors, text).toBeUndefined();
  const replyId = sent.data!.sendMessage.replyId as string;
  return eventually(async () => {
    const edges = (await gql(url, REPLIES, { agentId }, TOKEN)).data?.conversation.messages.edges as Loose[];
    const reply = edges?.map((e) => e.node).find((m) => m.id === replyId && m.status === "COMPLETED");
    return reply?.text as string | undefined;
  }, 60_000);
}

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = await mkdtemp(path.join(tmpdir(), "withme-forgotten-"));
}, 60_000);
afterAll(async () => {
  await system?.lifecycle.stop();
  await database?.drop();
  await rm(dataDir, { recursive: true, force: true });
});

describe("a fact the person had the agent forget", () => {
  it("stays forgotten across a restart and a rebuild: in memories, replies and the export", async () => {
    let url = await start();
    const agentId = await createAgent(url, "Noor");
    const streamId = conversationStreamId(userIdFor({ provider: "dev", subject: TOKEN }), agentId);
    await say(url, agentId, "My dog is called Biscuit.");
    const summaries = async () =>
      (await system!.eventStore.readStream(streamId)).filter((e) => e.type === "MemorySummarized");
    // Turns until a summary is written, which lists the fact again.
    const small = ["I went for a walk today.", "The park was busy.", "I had tea after.", "It rained a bit."];
    for (let turn = 0; turn < 40 && (await summaries()).length === 0; turn++)
      await say(url, agentId, small[turn % small.length]!);
    await eventually(async () => (await summaries()).length > 0, 60_000);
    expect(JSON.stringify((await summaries())[0]!.data)).toMatch(/Biscuit/);
    const memoryId = await eventually(async () => {
      const listed = (await gql(url, MEMORIES, { agentId }, TOKEN)).data?.memories as Loose[] | undefined;
      return listed?.find((m) => /Biscuit/.test(m.text))?.id as string | undefined;
    });
    expect((await gql(url, FORGET, { input: { agentId, memoryId } }, TOKEN)).errors).toBeUndefined();

    await system!.lifecycle.stop();
    url = await start();
    // The memories list is a read model: built again from the log, it must still leave the fact out.
    const rebuild = `mutation { rebuildProjection(name: "memory_facts") { started } }`;
    expect((await gql(url, rebuild, {}, "dev")).data?.rebuildProjection).toEqual({ started: true });
    await eventually(async () => {
      const listed = (await gql(url, "{ projections { name liveGeneration status } }", {}, "dev")).data
        ?.projections as Loose[] | undefined;
      const memoryFacts = listed?.find((p) => p.name === "memory_facts");
      return memoryFacts?.liveGeneration > 1 && memoryFacts?.status === "running";
    }, 60_000);

    const listed = (await gql(url, MEMORIES, { agentId }, TOKEN)).data?.memories as Loose[];
    expect(listed.map((m) => m.text).join(" ")).not.toMatch(/Biscuit/);
    for (const question of ["What's my dog called?", "What is my dog's name?"])
      expect(await say(url, agentId, question), question).not.toMatch(/Biscuit/);
    const exported = (await gql(url, "{ exportMyData }", {}, TOKEN)).data?.exportMyData as Loose;
    const [conversation] = exported.conversations as Loose[];
    expect(JSON.stringify(conversation.facts)).not.toMatch(/Biscuit/);
    expect(JSON.stringify(conversation.memories)).not.toMatch(/Biscuit/);
    expect(conversation.forgottenFacts.map((f: Loose) => f.id)).toContain(memoryId);
  }, 240_000);
});
