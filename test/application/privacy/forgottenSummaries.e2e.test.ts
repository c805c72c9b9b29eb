import { describe, expect, it } from "vitest";
import { listMemorySummaries } from "../../../projections/semantic_memory/queries.ts";
import { userIdFor } from "../../../src/application/users/registerUser.ts";
import { conversationStreamId } from "../../../src/domain/streamIds.ts";
import { memoryNamespace } from "../../../src/ports/vectorIndex.ts";
import { createAgent, gql, type Loose } from "../../graphql/apiHarness.ts";
import { eventually } from "../../support/coreHarness.ts";
import { FORGET, MEMORIES, restartableWithme } from "./restartableWithme.ts";

const TOKEN = "dev:rosa";
const withme = restartableWithme(TOKEN);
const { start, say } = withme;

async function rebuilt(url: string, names: string[]): Promise<void> {
  for (const name of names) {
    const answer = await gql(
      url,
      `mutation($name: String!) { rebuildProjection(name: $name) { started } }`,
      { name },
      "dev",
    );
    expect(answer.data?.rebuildProjection).toEqual({ started: true });
  }
  await eventually(async () => {
    const listed = (await gql(url, "{ projections { name liveGeneration status } }", {}, "dev")).data
      ?.projections as Loose[] | undefined;
    return names.every((name) => {
      const projection = listed?.find((p) => p.name === name);
      return projection?.liveGeneration > 1 && ["running", "idle"].includes(projection?.status);
    });
  }, 60_000);
}

/** The texts memory search finds for a question about the dog, summaries and facts alike. */
async function searched(userId: string, agentId: string): Promise<string[]> {
  const { embedder, vectorIndex } = await withme.system.providers();
  const [vector] = await embedder.embed(["What is my dog called? My dog is called Rex."]);
  const matches = await vectorIndex.query(memoryNamespace(userId, agentId), { vector: vector!, topK: 100 });
  return matches.map((m) => String(m.metadata.text));
}

describe("a summary drawn from a message whose fact was forgotten", () => {
  it("is withdrawn: gone from the export's memories, the summaries read model, memory search and recall, across a rebuild", async () => {
    let url = await start();
    const agentId = await createAgent(url, "Noor");
    const userId = userIdFor({ provider: "dev", subject: TOKEN });
    const streamId = conversationStreamId(userId, agentId);
    await say(url, agentId, "My dog is called Rex.");
    const events = async () => withme.system.eventStore.readStream(streamId);
    const summaries = async () => (await events()).filter((e) => e.type === "MemorySummarized");
    const small = ["I went for a walk today.", "The park was busy.", "I had tea after.", "It rained a bit."];
    for (let turn = 0; turn < 40 && (await summaries()).length === 0; turn++)
      await say(url, agentId, small[turn % small.length]!);
    const [summary] = await eventually(async () => {
      const written = await summaries();
      return written.length > 0 ? written : undefined;
    }, 60_000);
    expect((summary!.data as Loose).summary).toMatch(/rex/i);
    await eventually(
      async () => (await searched(userId, agentId)).some((text) => /rex/i.test(text)) || undefined,
    );
    const memoryId = await eventually(async () => {
      const listed = (await gql(url, MEMORIES, { agentId }, TOKEN)).data?.memories as Loose[] | undefined;
      return listed?.find((m) => /rex/i.test(m.text))?.id as string | undefined;
    });
    expect((await gql(url, FORGET, { input: { agentId, memoryId } }, TOKEN)).errors).toBeUndefined();

    const withdrawal = await eventually(
      async () => (await events()).find((e) => e.type === "MemorySummariesWithdrawn"),
      60_000,
    );
    expect((withdrawal.data as Loose).summaryIds).toContain((summary!.data as Loose).summaryId);
    await eventually(
      async () => (await searched(userId, agentId)).every((text) => !/rex/i.test(text)) || undefined,
    );

    url = await start();
    await rebuilt(url, ["semantic_memory", "memory_facts"]);

    const rows = await listMemorySummaries(withme.system.database.sql, { userId, agentId });
    expect(rows.map((r) => r.id)).not.toContain((summary!.data as Loose).summaryId);
    expect(JSON.stringify(rows)).not.toMatch(/rex/i);
    const listed = (await gql(url, MEMORIES, { agentId }, TOKEN)).data?.memories as Loose[];
    expect(listed.map((m) => m.text).join(" ")).not.toMatch(/rex/i);
    expect((await searched(userId, agentId)).join(" ")).not.toMatch(/rex/i);
    expect(await say(url, agentId, "What's my dog called?")).not.toMatch(/rex/i);
    const exported = (await gql(url, "{ exportMyData }", {}, TOKEN)).data?.exportMyData as Loose;
    const [conversation] = exported.conversations as Loose[];
    expect(JSON.stringify(conversation.memories)).not.toMatch(/rex/i);
    expect(conversation.withdrawnMemories.map((m: Loose) => m.summary)).toContain(
      (summary!.data as Loose).summary,
    );
  }, 240_000);
});
