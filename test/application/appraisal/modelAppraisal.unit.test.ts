import { describe, expect, it } from "vitest";
import type { AppraisalInput } from "../../../src/application/appraisal/appraisalTypes.ts";
import {
  appraisalMessages,
  appraiseWithModel,
  parseVerdict,
  ruleAppraiser,
} from "../../../src/application/appraisal/modelAppraisal.ts";
import { appraiseByRules } from "../../../src/application/appraisal/ruleBasedAppraisal.ts";
import {
  type CompletionRequest,
  type ReplyModel,
  ReplyModelError,
  type ReplyStreamEvent,
} from "../../../src/ports/replyModel.ts";

const input: AppraisalInput = {
  personMessage: "thank you, that really helped",
  reply: "Anytime!",
  mood: { name: "calm", intensity: 0.4 },
  affinity: 30,
  now: "2025-05-02T18:30:00Z",
};

/** A reply model that answers `complete` with a fixed text (or failure), recording the requests. */
function answering(answer: string | Error) {
  const requests: CompletionRequest[] = [];
  const model: ReplyModel = {
    name: "scripted",
    describe: () => ({ adapter: "scripted", model: "scripted-1" }),
    streamReply: (): AsyncIterable<ReplyStreamEvent> => {
      throw new Error("not used");
    },
    complete: async (request) => {
      requests.push(request);
      if (answer instanceof Error) throw answer;
      return {
        text: answer,
        model: "scripted-1",
        usage: { promptTokens: 1, completionTokens: 1 },
        finishReason: "stop",
      };
    },
  };
  return { model, requests };
}

const verdict = (fields: Record<string, unknown>) =>
  JSON.stringify({
    mood: "content",
    intensity: 0.5,
    moodReason: "grateful",
    affinityDelta: 2,
    affinityReason: "thanks",
    ...fields,
  });

describe("model-based appraisal", () => {
  it("asks for a JSON verdict and uses a valid one", async () => {
    const { model, requests } = answering(verdict({}));
    const result = await appraiseWithModel(model, input, { seed: 9 });
    expect(result).toEqual({
      mood: { name: "content", intensity: 0.5, reason: "grateful" },
      affinity: { delta: 2, value: 32, reason: "thanks" },
      source: "model",
      fallback: null,
    });
    expect(requests[0]).toMatchObject({ json: true, seed: 9 });
    expect(requests[0]!.messages[0]!.content).toContain("at most 5 either way");
  });

  it("clamps numbers to the same bounds as the rules", async () => {
    const { model } = answering(verdict({ intensity: 1.7, affinityDelta: 40 }));
    const result = await appraiseWithModel(model, { ...input, affinity: 98 });
    expect(result.mood.intensity).toBe(1);
    expect(result.affinity).toMatchObject({ delta: 2, value: 100 });
    const negative = await appraiseWithModel(
      answering(verdict({ affinityDelta: -12.4, intensity: -1 })).model,
      input,
    );
    expect(negative.affinity.delta).toBe(-5);
    expect(negative.mood.intensity).toBe(0);
  });

  it("accepts a verdict wrapped in a code fence", async () => {
    const result = await appraiseWithModel(answering(`\`\`\`json\n${verdict({})}\n\`\`\``).model, input);
    expect(result.source).toBe("model");
  });

  it.each([
    ["not JSON", "I think they are grateful!", /not JSON/],
    ["an unknown mood", verdict({ mood: "ecstatic" }), /did not fit the verdict \(mood:/],
    ["a missing reason", verdict({ affinityReason: "" }), /affinityReason/],
    ["a string number", verdict({ affinityDelta: "3" }), /affinityDelta/],
  ])("falls back to the rules on %s", async (_, answer, problem) => {
    const result = await appraiseWithModel(answering(answer).model, input);
    expect(result.fallback).toMatch(problem);
    expect({ ...result, fallback: null }).toEqual({ ...appraiseByRules(input), fallback: null });
  });

  it("falls back to the rules when the model fails", async () => {
    const failure = new ReplyModelError("rate_limited", "slow down", { retryable: true });
    const result = await appraiseWithModel(answering(failure).model, input);
    expect(result.source).toBe("rules");
    expect(result.fallback).toContain("slow down");
  });

  it("lets the rules decide offline, and says so", async () => {
    const result = await ruleAppraiser.appraise(input);
    expect(result).toEqual({ ...appraiseByRules(input), fallback: null });
    expect(result.source).toBe("rules");
  });

  it("renders the exchange for the model without losing facts", () => {
    const messages = appraisalMessages({ ...input, previousMessageAt: "2025-04-25T18:30:00Z" });
    expect(JSON.parse(messages[1]!.content)).toMatchObject({
      personMessage: input.personMessage,
      characterReply: "Anytime!",
      affinity: 30,
      daysSincePreviousMessage: 7,
      baselineMood: "calm",
    });
    expect(parseVerdict("{}").ok).toBe(false);
  });
});
