import {
  conversationDecider,
  nextRevisionToSummarize,
  summaryDueAt,
  visibleOnPathTo,
} from "../../domain/conversation/decider.ts";
import { uuidv5 } from "../nameUuid.ts";
import { defineReactor, type Reactor } from "../reactors/reactor.ts";
import { reactionContext } from "./conversationDriver.ts";
import type { EngineDependencies } from "./engineDependencies.ts";
import { summaryNamesOf } from "./summaryNames.ts";
import { rewriteWithdrawnSummaries } from "./summaryRewrite.ts";

const SUMMARY_NAMESPACE = "8d3c5b1a-6e4f-4a2b-9c7d-0e1f2a3b4c5d";

/**
 * Every few messages, writes what the conversation was about and what the person told about
 * themselves; and writes a withdrawn summary's stretch again without the forgotten fact's messages.
 */
export function memorySummaryReactor(deps: EngineDependencies): Reactor {
  return defineReactor({
    name: "memory-summary",
    canHandle: ["AgentReplyCompleted", "MemorySummariesWithdrawn"],
    // Summaries are CPU work that no one waits for: a couple at a time leaves the loop to replies.
    concurrency: 2,
    background: true,
    async handle(event, signal) {
      if (event.type === "MemorySummariesWithdrawn") return rewriteWithdrawnSummaries(deps, event, signal);
      const { state } = await deps.commands.load(conversationDecider, event.streamId, {
        atLeastRevision: event.revision,
      });
      if (!state.userId || !state.agentId) return;
      // The summary belongs to the path through this reply, whichever path is shown by now.
      const replyId = event.data.replyId;
      const at = summaryDueAt(state, replyId, deps.settings.summarizeEvery);
      if (!at) return;
      const from = nextRevisionToSummarize(at);
      const to = event.revision;
      if (from > to) return;
      const visible = visibleOnPathTo(state, replyId);
      const onPath = (id: string) => visible(id) !== undefined;
      const events = await deps.events.readStream(event.streamId, {
        fromRevision: from,
        maxCount: to - from + 1,
      });
      const lines: { author: "person" | "agent"; text: string }[] = [];
      for (const stored of events) {
        if (stored.type === "UserMessageSent" && onPath(stored.data.messageId))
          lines.push({ author: "person", text: stored.data.text });
        if (stored.type === "AgentReplyCompleted" && onPath(stored.data.replyId))
          lines.push({ author: "agent", text: stored.data.text });
      }
      if (lines.length === 0) return;
      const names = await summaryNamesOf(deps, { ...state, userId: state.userId, agentId: state.agentId });
      const written = await deps.summaries.summarize(lines, names, signal);
      const summaryId = uuidv5(`${event.streamId}:${to}`, SUMMARY_NAMESPACE);
      await deps.commands.handle(
        conversationDecider,
        event.streamId,
        {
          type: "SummarizeMemory",
          userId: state.userId,
          agentId: state.agentId,
          causedBy: replyId,
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
