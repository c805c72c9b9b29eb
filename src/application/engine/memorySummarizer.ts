import { v5 as uuidv5 } from "uuid";
import { z } from "zod";
import { conversationDecider, nextRevisionToSummarize } from "../../domain/conversation/decider.ts";
import { userStreamId } from "../../domain/streamIds.ts";
import { userDecider } from "../../domain/user/decider.ts";
import { defineReactor, type Reactor } from "../reactors/reactor.ts";
import { reactionContext } from "./conversationDriver.ts";
import type { EngineDependencies } from "./engineDependencies.ts";
import { extractFacts, topicsOf } from "./memoryFacts.ts";

const SUMMARY_NAMESPACE = "8d3c5b1a-6e4f-4a2b-9c7d-0e1f2a3b4c5d";
export const memorySummaryTaskName = "memory-summary";

const summarySchema = z.object({
  summary: z.string().trim().min(1).max(2000),
  facts: z.array(z.string().trim().min(1).max(300)).max(20),
});

/** Every few messages, writes what the conversation was about and what the person told about themselves. */
export function memorySummaryReactor(deps: EngineDependencies): Reactor {
  return defineReactor({
    name: "memory-summary",
    canHandle: ["AgentReplyCompleted"],
    async handle(event, signal) {
      const { state } = await deps.commands.load(conversationDecider, event.streamId);
      if (!state.userId || !state.agentId) return;
      if (state.memory.unsummarizedMessages < deps.settings.summarizeEvery) return;
      const from = nextRevisionToSummarize(state);
      const to = state.revision;
      const events = await deps.events.readStream(event.streamId, {
        fromRevision: from,
        maxCount: to - from + 1,
      });
      const lines: { author: "person" | "agent"; text: string }[] = [];
      for (const stored of events) {
        if (stored.type === "UserMessageSent") lines.push({ author: "person", text: stored.data.text });
        if (stored.type === "AgentReplyCompleted") lines.push({ author: "agent", text: stored.data.text });
      }
      if (lines.length === 0) return;
      const { state: user } = await deps.commands.load(userDecider, userStreamId(state.userId));
      const personName = user.profile.displayName || "The person";
      const written = await summarize(deps, lines, personName, signal);
      const summaryId = uuidv5(`${event.streamId}:${to}`, SUMMARY_NAMESPACE);
      await deps.commands.handle(
        conversationDecider,
        event.streamId,
        {
          type: "SummarizeMemory",
          userId: state.userId,
          agentId: state.agentId,
          summaryId,
          summary: written.summary,
          facts: written.facts,
          coversFromRevision: from,
          coversToRevision: to,
          messageCount: lines.length,
          now: deps.clock.now().toISOString(),
        },
        reactionContext(event, `summarize:${summaryId}`, deps.clock.now(), "system:memory"),
      );
    },
  });
}

async function summarize(
  deps: EngineDependencies,
  lines: { author: "person" | "agent"; text: string }[],
  personName: string,
  signal: AbortSignal,
): Promise<z.infer<typeof summarySchema>> {
  const offline = summarizeByRules(lines, personName);
  if (deps.replyModel.describe().offline) return offline;
  try {
    const transcript = lines
      .map((l) => `${l.author === "person" ? personName : "Agent"}: ${l.text}`)
      .join("\n");
    const result = await deps.replyModel.complete(
      {
        task: { name: memorySummaryTaskName, input: { lines, personName } },
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
}

/** The offline summary: the topics, and the facts the person stated, in their own words. */
export function summarizeByRules(
  lines: readonly { author: "person" | "agent"; text: string }[],
  personName: string,
): z.infer<typeof summarySchema> {
  const personLines = lines.filter((l) => l.author === "person").map((l) => l.text);
  const facts = [...new Set(personLines.flatMap((text) => extractFacts(text, personName)))].slice(0, 20);
  const topics = topicsOf(personLines);
  const summary =
    topics.length > 0
      ? `${personName} talked about ${topics.join(", ")} over ${lines.length} messages.`
      : `${personName} and the agent exchanged ${lines.length} messages.`;
  return { summary, facts };
}
