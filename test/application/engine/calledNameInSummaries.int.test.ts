import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conversationDecider } from "../../../src/domain/conversation/decider.ts";
import { conversationStreamId } from "../../../src/domain/streamIds.ts";
import { eventually } from "../../support/coreHarness.ts";
import { type EngineHarness, startEngineHarness } from "../../support/engineHarness.ts";
import { registerTestPersonAndAgent, sendTestMessage, testContext } from "../../support/testCommands.ts";

describe("a person who goes by another name than their display name, summarised (PostgreSQL)", () => {
  let h: EngineHarness;

  beforeAll(async () => {
    h = await startEngineHarness({ settings: { summarizeEvery: 4 } });
  });
  afterAll(async () => {
    await h?.close();
  });

  /** A person (display name "Sam") talking with an agent of their own. */
  async function person(userId: string, agentId: string) {
    await registerTestPersonAndAgent(h.engine.commands, { userId, agentId }, h.clock.now());
    const streamId = conversationStreamId(userId, agentId);
    const facts = async () =>
      [...(await h.engine.commands.load(conversationDecider, streamId)).state.memoryFacts.entries()].map(
        ([factId, fact]) => ({ factId, ...fact }),
      );
    const factAbout = (word: string) => async () =>
      (await facts()).find((fact) => fact.text.includes(word) && !fact.forgotten);
    return {
      factAbout,
      remembered: async () => (await facts()).filter((fact) => !fact.forgotten).map((fact) => fact.text),
      say: (text: string) => sendTestMessage(h.engine.commands, { userId, agentId, text }, h.clock.now()),
      forget: (factId: string) =>
        h.engine.commands.handle(
          conversationDecider,
          streamId,
          {
            type: "ForgetMemoryFact",
            userId,
            agentId,
            factId,
            by: "person",
            now: h.clock.now().toISOString(),
          },
          testContext(h.clock.now(), `user:${userId}`),
        ),
      /** Fillers until a summary is written, then a fact that shows the facts reactor has read it. */
      summarise: async () => {
        for (const text of ["nice weather today", "what are you up to", "sounds fun", "haha ok"])
          await sendTestMessage(h.engine.commands, { userId, agentId, text }, h.clock.now());
        await eventually(
          async () =>
            (await h.store.readStream(streamId)).some((e) => e.type === "MemorySummarized")
              ? true
              : undefined,
          60_000,
        );
        await sendTestMessage(
          h.engine.commands,
          { userId, agentId, text: "My sister is called Ana." },
          h.clock.now(),
        );
        await eventually(factAbout("Ana"), 30_000);
      },
    };
  }

  it("keeps a fact they forgot forgotten, and lists each fact once, when the summary repeats it", async () => {
    const nora = await person("7e1a4b2c-3d5f-4e6a-8b7c-9d0e1f2a3b4c", "8f2b5c3d-4e6a-4f7b-9c8d-0e1f2a3b4c5d");
    await nora.say("Hi! I'm Nora.");
    await eventually(nora.factAbout("likes to be called Nora"), 30_000);
    await nora.say("I have a dog named Biscuit.");
    const dog = await eventually(nora.factAbout("Biscuit"), 30_000);
    expect(dog.text).toBe("Nora has a dog named Biscuit");
    await nora.say("My brother Tomas lives in Madrid.");
    await eventually(nora.factAbout("Tomas"), 30_000);
    await nora.forget(dog.factId);
    await nora.summarise();
    const remembered = await nora.remembered();
    expect(remembered.filter((text) => text.includes("Biscuit"))).toEqual([]);
    expect(remembered.filter((text) => text.includes("Tomas"))).toEqual([
      "Nora's brother Tomas lives in Madrid",
    ]);
  }, 120_000);

  it("knows a fact told before they gave their name when the summary names them by it", async () => {
    const kit = await person("9a3c6d4e-5f7b-4a8c-8d9e-1f2a3b4c5d6e", "0b4d7e5f-6a8c-4b9d-9e0f-2a3b4c5d6e7f");
    await kit.say("I have a cat named Miso.");
    const cat = await eventually(kit.factAbout("Miso"), 30_000);
    expect(cat.text).toBe("Sam has a cat named Miso");
    await kit.say("Call me Kit.");
    await eventually(kit.factAbout("likes to be called Kit"), 30_000);
    await kit.forget(cat.factId);
    await kit.summarise();
    expect((await kit.remembered()).filter((text) => text.includes("Miso"))).toEqual([]);
  }, 120_000);
});
