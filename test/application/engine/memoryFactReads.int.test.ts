import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conversationDecider } from "../../../src/domain/conversation/decider.ts";
import { conversationStreamId, userStreamId } from "../../../src/domain/streamIds.ts";
import { eventually } from "../../support/coreHarness.ts";
import { type EngineHarness, startEngineHarness } from "../../support/engineHarness.ts";
import { registerTestPersonAndAgent, sendTestMessage } from "../../support/testCommands.ts";

const userId = "6d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6";
const agentId = "7e2f3a4b-5c6d-4e7f-9081-92a3b4c5d6e7";
const streamId = conversationStreamId(userId, agentId);

describe("facts recorded from each message (PostgreSQL)", () => {
  let h: EngineHarness;
  let personReads = 0;

  beforeAll(async () => {
    // Nothing another process writes changes the person meanwhile: what is known stays fresh.
    h = await startEngineHarness({ settings: { summarizeEvery: 1_000, contextFreshMs: 600_000 } });
    await registerTestPersonAndAgent(h.engine.commands, { userId, agentId }, h.clock.now());
    const readStream = h.engine.events.readStream.bind(h.engine.events);
    h.engine.events.readStream = ((id: string, options?: object) => {
      if (id === userStreamId(userId)) personReads++;
      return readStream(id, options);
    }) as typeof h.engine.events.readStream;
  });
  afterAll(async () => {
    await h?.close();
  });

  const facts = async () => {
    const { state } = await h.engine.commands.load(conversationDecider, streamId);
    return [...state.memoryFacts.values()].map((fact) => fact.text);
  };

  it("reads the person's stream once for a run of messages, not once per message", async () => {
    const said = ["I have a dog named Rex", "I live in Porto", "I work as a nurse", "I love jazz"];
    for (const text of said) {
      // Counted before sending: a fact recorded before the count would otherwise be waited for again.
      const before = (await facts()).length;
      await sendTestMessage(h.engine.commands, { userId, agentId, text }, h.clock.now());
      await eventually(async () => ((await facts()).length > before ? true : undefined), 30_000);
    }
    expect((await facts()).length).toBeGreaterThanOrEqual(said.length);
    expect(personReads).toBeLessThanOrEqual(1);
  });
});
