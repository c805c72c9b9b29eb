import { describe, expect, it } from "vitest";
import { composeReply } from "../../../src/application/persona/personaComposer.ts";
import { buildReplyPrompt, type ReplyPromptInput } from "../../../src/application/prompt/buildReplyPrompt.ts";
import { miaInput } from "../prompt/promptFixtures.ts";
import { askAgent } from "./dialogues/askAgent.ts";

function replies(overrides: Partial<ReplyPromptInput>, seeds = 8): string[] {
  const context = buildReplyPrompt(miaInput({ personName: "Alex", memories: [], ...overrides })).context;
  return Array.from({ length: seeds }, (_, seed) => composeReply(context, seed));
}

describe("a short answer to what the agent asked", () => {
  it("“idk” to a hard question is met with patience, not small talk", async () => {
    const [, offer, unsure] = await askAgent([
      "hi",
      "i got offered a job in Toronto but my whole family is here. what would you do?",
      "yeah idk",
    ]);
    expect(offer).toMatch(/taking the job in Toronto on one side, and leaving your whole family/);
    expect(unsure).toMatch(/you don't have to know yet/);
    expect(unsure).not.toMatch(/Evenings|favourite part|Fair enough/);
  });

  it("is read against a question that ends with a smiley", () => {
    const recentMessages = [
      { author: "person" as const, text: "I started pottery classes", at: "2025-05-03T18:00:00Z" },
      { author: "agent" as const, text: "Pottery! Do you love it so far? 🙂", at: "2025-05-03T18:00:05Z" },
    ];
    for (const text of replies({ personMessage: "yes", recentMessages }))
      expect(text).toMatch(/I had a feeling|Ha, I knew it|Oh, nice/);
  });
});

describe("a goodbye that asks for tomorrow", () => {
  it("gets a yes with the goodbye", async () => {
    const [, again] = await askAgent(["hi", "can we talk tomorrow too?"]);
    expect(again).toMatch(/Of course we can/);
    expect(again).not.toMatch(/don't know that one|look it up/);
  });
});
