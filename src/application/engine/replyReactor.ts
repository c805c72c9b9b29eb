import { conversationDecider } from "../../domain/conversation/decider.ts";
import { topics } from "../../ports/liveBus.ts";
import { defineReactor, type Reactor } from "../reactors/reactor.ts";
import { driveConversation } from "./conversationDriver.ts";
import { wakeDeferredReplies } from "./deferredReplyWaker.ts";
import type { EngineDependencies } from "./engineDependencies.ts";

/**
 * Answers people: on a new message (or a retry) it writes the replies the conversation is owed,
 * streaming them live, one conversation at a time in order and many conversations at once. Only
 * messages on the path shown are owed: a path change may leave a waiting message behind, or show
 * one again, which is then answered (or waits for the agent to wake up) like a new one. The
 * API announces new messages on the live bus, so a reply starts before the message is visible in
 * the global order of events; the event itself then finds nothing left to do.
 */
export function replyReactor(deps: EngineDependencies): Reactor {
  return defineReactor({
    name: "reply",
    canHandle: ["UserMessageSent", "AgentReplyStarted", "ActivePathChanged"],
    concurrency: 64,
    async handle(event, signal) {
      const { state } = await deps.commands.load(conversationDecider, event.streamId, {
        atLeastRevision: event.revision,
      });
      if (!state.userId || !state.agentId) return;
      await driveConversation(
        deps,
        { streamId: event.streamId, userId: state.userId, agentId: state.agentId },
        event,
        signal,
        event.revision,
      );
    },
    whileLeased(signal, enqueue) {
      void wakeDeferredReplies(deps, enqueue, signal);
      void (async () => {
        for await (const { payload: nudge } of deps.bus.subscribe(topics.replyNudges(), signal)) {
          const cause = {
            id: nudge.causationId,
            metadata: { requestId: nudge.requestId, correlationId: nudge.correlationId },
          };
          enqueue(nudge.streamId, (workSignal) =>
            driveConversation(
              deps,
              { streamId: nudge.streamId, userId: nudge.userId, agentId: nudge.agentId },
              cause,
              workSignal,
              nudge.revision,
            ),
          );
        }
      })().catch((error) => deps.logger.warn({ err: error }, "reply nudges stopped"));
    },
  });
}
