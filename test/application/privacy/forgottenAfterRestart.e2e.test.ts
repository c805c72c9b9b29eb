import { describe, expect, it } from "vitest";
import { userIdFor } from "../../../src/application/users/registerUser.ts";
import { conversationStreamId } from "../../../src/domain/streamIds.ts";
import { createAgent, gql, type Loose } from "../../graphql/apiHarness.ts";
import { eventually } from "../../support/coreHarness.ts";
import { FORGET, MEMORIES, restartableWithme } from "./restartableWithme.ts";

const TOKEN = "dev:ines";
const withme = restartableWithme(TOKEN);
const { start, say } = withme;

describe("a fact the person had the agent forget", () => {
  it("stays forgotten across a restart and a rebuild: in memories, replies and the export", async () => {
    let url = await start();
    const agentId = await createAgent(url, "Noor");
    const streamId = conversationStreamId(userIdFor({ provider: "dev", subject: TOKEN }), agentId);
    await say(url, agentId, "My dog is called Biscuit.");
    const summaries = async () =>
      (await withme.system.eventStore.readStream(streamId)).filter((e) => e.type === "MemorySummarized");
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
