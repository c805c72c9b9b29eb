import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OpenAiReplyModel } from "../../../src/adapters/openai/openAiReplyModel.ts";
import { modelReplyComposer } from "../../../src/application/engine/replyComposer.ts";
import { conversationStreamId } from "../../../src/domain/streamIds.ts";
import { eventually } from "../../support/coreHarness.ts";
import { type EngineHarness, startEngineHarness } from "../../support/engineHarness.ts";
import { type OpenAiFake, startOpenAiFake } from "../../support/fakes/openAiFake.ts";
import { createTestAgent, sendTestMessage } from "../../support/testCommands.ts";

const userId = "u-failures";
const agentId = "agent-failures";

describe("a reply the model provider refuses", () => {
  let fake: OpenAiFake;
  let h: EngineHarness;

  beforeAll(async () => {
    fake = await startOpenAiFake({ apiKey: "sk-the-right-key-000000" });
    const replyModel = new OpenAiReplyModel({
      apiKey: "sk-a-wrong-key-1234567",
      baseURL: fake.url,
      model: "gpt-test",
      sleep: async () => {},
    });
    h = await startEngineHarness({ strategies: { replies: modelReplyComposer(replyModel) } });
    await createTestAgent(h.engine.commands, { agentId, name: "Ada" }, h.clock.now());
  });
  afterAll(async () => {
    await h?.close();
    await fake?.close();
  });

  it("tells the person a plain sentence: no endpoint, address, key or provider wording", async () => {
    await sendTestMessage(h.engine.commands, { userId, agentId, text: "Hello?" }, h.clock.now());
    const failed = await eventually(async () => {
      const events = await h.events.readStream(conversationStreamId(userId, agentId));
      return events.flatMap((e) => (e.type === "AgentReplyFailed" ? [e.data] : []))[0];
    });
    const port = new URL(fake.url).port;
    expect(failed.reason).toBe("provider_error");
    expect(failed.retryable).toBe(false);
    for (const internal of ["127.0.0.1", port, "API key", "OPENAI", "endpoint", "sk-"])
      expect(failed.message).not.toContain(internal);
    expect(failed.message).toMatch(/^[A-Z].*\.$/);
  });
});
