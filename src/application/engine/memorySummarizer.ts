import {
  conversationDecider,
  nextRevisionToSummarize,
  summaryDueAt,
  visibleOnPathTo,
} from "../../domain/conversation/decider.ts";
import { userStreamId } from "../../domain/streamIds.ts";
import { userDecider } from "../../domain/user/decider.ts";
import { uuidv5 } from "../nameUuid.ts";
import { personNameInMemory } from "../prompt/calledName.ts";
import { defineReactor, type Reactor } from "../reactors/reactor.ts";
import { reactionContext } from "./conversationDriver.ts";
import type { EngineDependencies } from "./engineDependencies.ts";
import { loadAgentState } from "./replyDeferral.ts";

const SUMMARY_NAMESPACE = "8d3c5b1a-6e4f-4a2b-9c7d-0e1f2a3b4c5d";

/** Every few messages, writes what the conversation was about and what the person told about themselves. */
export function memorySummaryReactor(deps: EngineDependencies): Reactor {
  return defineReactor({
    name: "memory-summary",
    canHandle: ["AgentReplyCompleted"],
    // Summaries are CPU work that no one waits for: a couple at a time leaves the loop to replies.
    concurrency: 2,
    background: true,
    async handle(event, signal) {
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
      const [{ state: user }, agent] = await Promise.all([
        deps.commands.load(userDecider, userStreamId(state.userId), {
          freshWithinMs: deps.settings.contextFreshMs,
        }),
        loadAgentState(deps, state.agentId),
      ]);
      // The name the message facts use, so that a fact the summary repeats is known as the same one.
      const personName = personNameInMemory(state.memoryFacts.values(), user.profile.displayName);
      const written = await deps.summaries.summarize(
        lines,
        { personName, ...(agent.profile ? { agentName: agent.profile.name } : {}) },
        signal,
      );
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
