import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OpenAiReplyModel } from "../../../src/adapters/openai/openAiReplyModel.ts";
import { modelReplyComposer } from "../../../src/application/engine/replyComposer.ts";
import { agentDecider } from "../../../src/domain/agent/decider.ts";
import type { LorebookEntryInput } from "../../../src/domain/lorebook/commands.ts";
import { lorebookDecider } from "../../../src/domain/lorebook/decider.ts";
import { agentStreamId, conversationStreamId, lorebookStreamId } from "../../../src/domain/streamIds.ts";
import { eventually } from "../../support/coreHarness.ts";
import { type EngineHarness, startEngineHarness } from "../../support/engineHarness.ts";
import { type OpenAiFake, startOpenAiFake } from "../../support/fakes/openAiFake.ts";
import { createTestAgent, sendTestMessage, testContext } from "../../support/testCommands.ts";

const agentId = "agent-lore";
const LORE = "The Drowned Bell rings under the harbour whenever a storm is coming.";

describe("lorebook entries in the prompt sent to the model", () => {
  let fake: OpenAiFake;
  let h: EngineHarness;

  beforeAll(async () => {
    fake = await startOpenAiFake({ apiKey: "sk-lore-0000000000000" });
    const replyModel = new OpenAiReplyModel({
      apiKey: fake.apiKey,
      baseURL: fake.url,
      model: "gpt-test",
      sleep: async () => {},
    });
    h = await startEngineHarness({ strategies: { replies: modelReplyComposer(replyModel) } });
    const now = h.clock.now();
    await createTestAgent(h.engine.commands, { agentId, name: "Maren" }, now);
    await attachBook("book-harbour", "Harbour lore", [
      { entryId: "bell", keys: ["bell", "drowned"], content: LORE },
      { entryId: "inn", keys: ["inn"], content: "{{char}} drinks at the Salt Inn." },
    ]);
  });
  afterAll(async () => {
    await h?.close();
    await fake?.close();
  });

  /** Creates a lorebook of these entries and attaches it to the agent. */
  async function attachBook(lorebookId: string, name: string, entries: LorebookEntryInput[]): Promise<void> {
    const now = h.clock.now().toISOString();
    await h.engine.commands.handle(
      lorebookDecider,
      lorebookStreamId(lorebookId),
      { type: "CreateLorebook", lorebookId, name, entries, source: "worldInfo", createdBy: "admin", now },
      testContext(h.clock.now()),
    );
    await h.engine.commands.handle(
      agentDecider,
      agentStreamId(agentId),
      { type: "AttachLorebook", agentId, lorebookId, now },
      testContext(h.clock.now()),
    );
  }

  async function promptFor(userId: string, text: string): Promise<string> {
    const before = fake.requests.length;
    await sendTestMessage(h.engine.commands, { userId, agentId, text }, h.clock.now());
    await eventually(async () => {
      const events = await h.events.readStream(conversationStreamId(userId, agentId));
      return events.some((e) => e.type === "AgentReplyCompleted") || undefined;
    }, 60_000);
    const request = fake.requests.slice(before).at(-1)!;
    const messages = request.body.messages as { role: string; content: string }[];
    return messages.find((m) => m.role === "system")!.content;
  }

  it("puts an entry in the prompt when the person's message names its key", async () => {
    const system = await promptFor("u-bell", "Did you hear the bell last night?");
    expect(system).toContain(LORE);
    expect(system).not.toContain("Salt Inn");
  });

  it("gives up a pattern key too costly to run, and still reads the book's other entries", async () => {
    const costly = "/(a?){1300}b/";
    const entries = [
      {
        entryId: "dock",
        keys: ["dock"],
        content: "The east dock floods at every spring tide.",
        priority: 10,
      },
      { entryId: "eater", keys: Array(100).fill(costly), content: "The lantern-eaters wake.", priority: 1 },
    ];
    await attachBook("book-costly", "Costly patterns", entries);
    // The pattern matches this message, but only after millions of steps, once per key.
    const system = await promptFor("u-costly", `${"a".repeat(3_900)} b, down at the dock`);
    expect(system).toContain("The east dock floods");
    expect(system).not.toContain("lantern-eaters");
  });

  it("writes {{user}} in an entry as the name the person asked to be called", async () => {
    await attachBook("book-ferry", "Ferry lore", [
      { entryId: "ferry", keys: ["ferry"], content: "{{user}} owes {{char}} a ferry ticket." },
    ]);
    const system = await promptFor("u-nora", "Hi, I'm Nora! Did you take the ferry today?");
    expect(system).toContain("Nora owes Maren a ferry ticket.");
  });

  it("leaves the entries out when nothing names them", async () => {
    const system = await promptFor("u-quiet", "How was your day?");
    expect(system).not.toContain(LORE);
    expect(system).not.toContain("Salt Inn");
  });
});
