import { describe, expect, it } from "vitest";
import {
  factHook,
  modelInitiationWriter,
  templateInitiationText,
} from "../../../src/application/life/initiationText.ts";
import type { CompletionRequest, ReplyModel } from "../../../src/ports/replyModel.ts";

const base = {
  agentName: "Lena",
  personName: "Sam",
  lifeEvent: {
    title: "Dawn from the ward window",
    description: "Watched dawn break over Berlin from a ward window between rounds.",
  },
  rememberedFact: "Sam loves hiking in the mountains.",
  seed: "init-1",
};

describe("templateInitiationText", () => {
  it("tells the life event in the agent's words", () => {
    const text = templateInitiationText({ ...base, trigger: "life_event" });
    expect(text).toContain("watched dawn break over Berlin from a ward window between rounds.");
  });

  it("is the same for the same seed and varies across seeds", () => {
    const one = templateInitiationText({ ...base, trigger: "check_in" });
    expect(templateInitiationText({ ...base, trigger: "check_in" })).toBe(one);
    const many = new Set(
      Array.from({ length: 20 }, (_, i) =>
        templateInitiationText({ ...base, trigger: "check_in", seed: `s${i}` }),
      ),
    );
    expect(many.size).toBeGreaterThan(2);
  });

  it("greets by name and follows up without repeating the remembered fact", () => {
    expect(
      templateInitiationText({ ...base, trigger: "morning_greeting", lifeEvent: null, rememberedFact: null }),
    ).toMatch(/Sam/);
    for (let i = 0; i < 10; i++)
      expect(templateInitiationText({ ...base, trigger: "follow_up", seed: `f${i}` })).not.toMatch(
        /remembered/,
      );
  });
});

describe("factHook", () => {
  it("turns a remembered fact about the person into second person", () => {
    expect(factHook("Sam loves hiking in the mountains.", "Sam")).toBe(
      "I remembered you love hiking in the mountains; any news there?",
    );
    expect(factHook("Sam's sister is called Ana.", "Sam")).toBe(
      "I remembered your sister is called Ana; any news there?",
    );
    expect(factHook("Sam is learning Portuguese", "Sam")).toBe(
      "I remembered you are learning Portuguese; any news there?",
    );
    expect(factHook("Sam studies law", "Sam")).toBe("I remembered you study law; any news there?");
    expect(factHook("Has a cat called Miso", "Sam")).toBe(
      "Also, I remembered something you told me: has a cat called Miso.",
    );
  });
});

describe("modelInitiationWriter", () => {
  const model = (answer: (request: CompletionRequest) => string): ReplyModel => ({
    name: "test",
    describe: () => ({ adapter: "test", model: "test-model" }),
    streamReply: () => {
      throw new Error("not used");
    },
    complete: async (request) => ({
      text: answer(request),
      model: "test-model",
      usage: { promptTokens: 1, completionTokens: 1 },
      finishReason: "stop",
    }),
  });

  it("uses the model's message and falls back to the templates when it is unusable", async () => {
    const good = modelInitiationWriter(model(() => "Saw the sunrise from the ward and thought of you."));
    expect(await good.write({ ...base, trigger: "life_event" })).toBe(
      "Saw the sunrise from the ward and thought of you.",
    );
    const empty = modelInitiationWriter(model(() => "  "));
    expect(await empty.write({ ...base, trigger: "life_event" })).toBe(
      templateInitiationText({ ...base, trigger: "life_event" }),
    );
    const failing = modelInitiationWriter(
      model(() => {
        throw new Error("down");
      }),
    );
    expect(await failing.write({ ...base, trigger: "check_in" })).toBe(
      templateInitiationText({ ...base, trigger: "check_in" }),
    );
  });
});
