import { z } from "zod";
import type { ReplyModel } from "../../ports/replyModel.ts";
import { extractFacts } from "../memory/factExtractor.ts";
import { listOf, rankTopics, topicsIn } from "./memoryFacts.ts";

const summarySchema = z.object({
  summary: z.string().trim().min(1).max(2000),
  facts: z.array(z.string().trim().min(1).max(300)).max(20),
});

export type MemorySummary = z.infer<typeof summarySchema>;
export type SummaryLine = { author: "person" | "agent"; text: string };
/**
 * Who is talking: facts name the person, and what is said to or about the agent (by its name)
 * is no fact about the person.
 */
export type SummaryNames = { personName: string; agentName?: string };

/** What writes a memory summary: a model, or the rules. */
export interface MemorySummaryWriter {
  summarize(lines: readonly SummaryLine[], names: SummaryNames, signal?: AbortSignal): Promise<MemorySummary>;
}

/** The offline summary writer: topics and the facts people stated, in their own words. */
export const ruleSummaryWriter: MemorySummaryWriter = {
  summarize: (lines, names) => summarizeByRulesInTurns(lines, names),
};

/** A model's summary, checked; the rules (`offline`) write it whenever the model cannot. */
export function modelSummaryWriter(
  model: ReplyModel,
  offline: MemorySummaryWriter = ruleSummaryWriter,
): MemorySummaryWriter {
  return {
    async summarize(lines, names, signal) {
      const { personName } = names;
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
        if (parsed.success) return parsed.data;
      } catch {}
      return offline.summarize(lines, names, signal);
    },
  };
}

/** The offline summary: the topics, and the facts the person stated, in their own words. */
export function summarizeByRules(lines: readonly SummaryLine[], names: SummaryNames): MemorySummary {
  const texts = personTexts(lines);
  return summaryOf(
    texts.map((text) => readMessage(text, names)),
    names.personName,
  );
}

/**
 * `summarizeByRules` a message per turn of the event loop: reading a dozen messages takes tens of
 * milliseconds, which replies being written would otherwise wait for.
 */
export async function summarizeByRulesInTurns(
  lines: readonly SummaryLine[],
  names: SummaryNames,
): Promise<MemorySummary> {
  const read: MessageReading[] = [];
  for (const text of personTexts(lines)) {
    await new Promise((resolve) => setImmediate(resolve));
    read.push(readMessage(text, names));
  }
  return summaryOf(read, names.personName);
}

interface MessageReading {
  facts: string[];
  topics: string[];
}

function personTexts(lines: readonly SummaryLine[]): string[] {
  return lines.filter((l) => l.author === "person").map((l) => l.text);
}

function readMessage(text: string, names: SummaryNames): MessageReading {
  return { facts: extractFacts(text, names).map((fact) => fact.text), topics: topicsIn(text) };
}

function summaryOf(read: readonly MessageReading[], personName: string): MemorySummary {
  const facts = [...new Set(read.flatMap((r) => r.facts))].slice(0, 20);
  const topics = rankTopics(read.map((r) => r.topics));
  const summary =
    topics.length > 0 ? `${personName} talked about ${listOf(topics)}.` : `${personName} made small talk.`;
  return { summary, facts };
}
