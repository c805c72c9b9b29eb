import { z } from "zod";
import type { ReplyModel } from "../../ports/replyModel.ts";
import { extractFacts } from "../memory/factExtractor.ts";
import { listOf, topicsOf } from "./memoryFacts.ts";

const summarySchema = z.object({
  summary: z.string().trim().min(1).max(2000),
  facts: z.array(z.string().trim().min(1).max(300)).max(20),
});

export type MemorySummary = z.infer<typeof summarySchema>;
export type SummaryLine = { author: "person" | "agent"; text: string };

/** What writes a memory summary: a model, or the rules. */
export interface MemorySummaryWriter {
  summarize(lines: readonly SummaryLine[], personName: string, signal?: AbortSignal): Promise<MemorySummary>;
}

/** The offline summary writer: topics and the facts people stated, in their own words. */
export const ruleSummaryWriter: MemorySummaryWriter = {
  summarize: async (lines, personName) => summarizeByRules(lines, personName),
};

/** A model's summary, checked; the rules write it whenever the model cannot. */
export function modelSummaryWriter(model: ReplyModel): MemorySummaryWriter {
  return {
    async summarize(lines, personName, signal) {
      const offline = summarizeByRules(lines, personName);
      try {
        const transcript = lines
          .map((l) => `${l.author === "person" ? personName : "Agent"}: ${l.text}`)
          .join("\n");
        const result = await model.complete(
          {
            messages: [
              {
                role: "system",
                content: `Summarise this stretch of a chat for the agent's long-term memory. Answer with JSON {"summary": string, "facts": string[]}: facts are short third-person statements about ${personName} (names, places, relationships, likes, plans).`,
              },
              { role: "user", content: transcript },
            ],
            json: true,
            maxTokens: 400,
            temperature: 0.2,
            seed: 7,
          },
          signal,
        );
        const parsed = summarySchema.safeParse(JSON.parse(result.text));
        return parsed.success ? parsed.data : offline;
      } catch {
        return offline;
      }
    },
  };
}

/** The offline summary: the topics, and the facts the person stated, in their own words. */
export function summarizeByRules(
  lines: readonly { author: "person" | "agent"; text: string }[],
  personName: string,
): z.infer<typeof summarySchema> {
  const personLines = lines.filter((l) => l.author === "person").map((l) => l.text);
  const facts = [
    ...new Set(personLines.flatMap((text) => extractFacts(text, { personName }).map((fact) => fact.text))),
  ].slice(0, 20);
  const topics = topicsOf(personLines);
  const summary =
    topics.length > 0 ? `${personName} talked about ${listOf(topics)}.` : `${personName} made small talk.`;
  return { summary, facts };
}
