import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LexicalEmbedder } from "../../../../src/adapters/local/lexicalEmbedder.ts";
import { OpenAiEmbedder } from "../../../../src/adapters/openai/openAiEmbedder.ts";
import { createOpenAiEmbeddingsHandler } from "../../../support/fakes/openAiEmbeddingsFake.ts";
import { type OpenAiFake, startOpenAiFake } from "../../../support/fakes/openAiFake.ts";
import { loadWordVectorEmbedder } from "../../../support/fakes/wordVectors.ts";
import { scriptedConversations } from "./conversations.ts";
import { measureRecall, type RecallResult } from "./recallHarness.ts";

/**
 * Long-term memory measured on three scripted conversations (ten facts planted early, forty-odd
 * turns of chat, then ten questions that paraphrase the facts), through the real reply path.
 * Targets: the fact, in a line about it, in the prompt for ≥ 9 of 10 questions with a semantic
 * embedder and ≥ 7 of 10 with the offline lexical one; no near-duplicate memory lines; no turn
 * recalling the very message it answers.
 */
function report(embedder: string, results: readonly RecallResult[]): void {
  const lines = results.map(
    (r) =>
      `  ${r.person.padEnd(6)} fact in a memory line ${r.inFactLine}/${r.questions}, anywhere in the prompt ${r.anywhere}/${r.questions}, near-duplicate pairs ${r.redundantPairs}, turns recalling their own message ${r.ownMessageInMemory}/${r.turns}${r.misses.length ? `\n    missed: ${r.misses.join("\n    missed: ")}` : ""}`,
  );
  console.log(`memory recall, ${embedder}\n${lines.join("\n")}`);
}

function expectTargets(results: readonly RecallResult[], least: number): void {
  for (const result of results) {
    expect(result.inFactLine, result.person).toBeGreaterThanOrEqual(least);
    expect(result.redundantPairs, result.person).toBe(0);
    expect(result.ownMessageInMemory, result.person).toBe(0);
  }
}

describe("memory recall on scripted conversations", () => {
  it.each(["rules", "model"] as const)(
    "with the offline lexical embedder, summaries written by %s: ≥ 7 of 10 per conversation",
    async (summaries) => {
      const results = await measureRecall(new LexicalEmbedder(), scriptedConversations, summaries);
      report(`offline lexical embedder, summaries by ${summaries}`, results);
      expectTargets(results, 7);
    },
    600_000,
  );

  describe("with word vectors behind the OpenAI-compatible endpoint", () => {
    let fake: OpenAiFake;
    beforeAll(async () => {
      const vectors = await loadWordVectorEmbedder();
      fake = await startOpenAiFake({ handlers: [createOpenAiEmbeddingsHandler({ vectors })] });
    }, 120_000);
    afterAll(async () => {
      await fake?.close();
    });

    it("through the real OpenAI embedder adapter: ≥ 9 of 10 per conversation", async () => {
      const embedder = new OpenAiEmbedder({
        apiKey: fake.apiKey,
        baseURL: fake.url,
        model: "glove-sif-100d",
        dimensions: 100,
      });
      const results = await measureRecall(embedder, scriptedConversations, "model");
      report("word-vector embedder (OpenAI-compatible endpoint), summaries by model", results);
      expectTargets(results, 9);
    }, 600_000);
  });
});
