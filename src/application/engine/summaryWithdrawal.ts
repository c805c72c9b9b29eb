import type { WithdrawMemorySummaries } from "../../domain/conversation/commands.ts";
import { type ConversationState, conversationDecider } from "../../domain/conversation/decider.ts";
import { withdrawnSummaryIds } from "../../domain/conversation/summaryWithdrawal.ts";
import type { StoredEventOf } from "../eventLog.ts";
import { defineReactor, type Reactor } from "../reactors/reactor.ts";
import type { EngineDependencies } from "./engineDependencies.ts";
import { summarySources, summaryVectorId } from "./memoryIndexer.ts";
import { reactionContext } from "./reactionContext.ts";

/**
 * Once a fact is forgotten or corrected, withdraws every summary drawn from a message it was told
 * in: a summary's own words (a model's above all) may still say it. Handling the event again
 * withdraws nothing twice.
 */
export function summaryWithdrawalReactor(deps: EngineDependencies): Reactor {
  return defineReactor({
    name: "memory-summary-withdrawal",
    canHandle: ["MemoryFactForgotten", "MemoryFactCorrected"],
    concurrency: 2,
    background: true,
    async handle(event) {
      const { state } = await deps.commands.load(conversationDecider, event.streamId, {
        atLeastRevision: event.revision,
      });
      const fact = state.memoryFacts.get(event.data.factId);
      if (!state.userId || !state.agentId || !fact) return;
      const summaryIds = await summariesDrawnFrom(deps, event.streamId, state, fact.sourceMessageIds);
      if (summaryIds.length === 0) return;
      const now = deps.clock.now();
      const command: WithdrawMemorySummaries = {
        type: "WithdrawMemorySummaries",
        userId: state.userId,
        agentId: state.agentId,
        now: now.toISOString(),
        factId: event.data.factId,
        summaryIds,
      };
      await deps.commands.handleAll(
        conversationDecider,
        event.streamId,
        [command],
        reactionContext(event, `withdraw-summaries:${event.id}`, now, "system:memory"),
      );
    },
  });
}

/** The summaries, not withdrawn yet, whose source messages include any of `messageIds`. */
async function summariesDrawnFrom(
  deps: Pick<EngineDependencies, "events">,
  streamId: string,
  state: ConversationState,
  messageIds: readonly string[],
): Promise<string[]> {
  const told = new Set(messageIds);
  const withdrawn = withdrawnSummaryIds(state);
  const found: string[] = [];
  for (const summary of await writtenSummaries(deps, streamId)) {
    if (withdrawn.has(summary.data.summaryId)) continue;
    const sources = await summarySources(deps, summary, async () => state);
    if (sources.some((id) => told.has(id))) found.push(summary.data.summaryId);
  }
  return found;
}

async function writtenSummaries(
  deps: Pick<EngineDependencies, "events">,
  streamId: string,
): Promise<StoredEventOf<"MemorySummarized">[]> {
  const events = await deps.events.readStream(streamId);
  return events.filter((e): e is StoredEventOf<"MemorySummarized"> => e.type === "MemorySummarized");
}

/** Removes withdrawn summaries from the vector index. */
export async function unindexSummaries(
  deps: Pick<EngineDependencies, "events" | "vectorIndex">,
  namespace: string,
  event: StoredEventOf<"MemorySummariesWithdrawn">,
): Promise<void> {
  const withdrawn = new Set(event.data.summaryIds);
  const ids = (await writtenSummaries(deps, event.streamId))
    .filter((summary) => withdrawn.has(summary.data.summaryId))
    .map((summary) => summaryVectorId(summary.id));
  if (ids.length > 0) await deps.vectorIndex.delete(namespace, ids);
}
