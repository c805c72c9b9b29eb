import type { WithdrawMemorySummaries } from "../../domain/conversation/commands.ts";
import { type ConversationState, conversationDecider } from "../../domain/conversation/decider.ts";
import { withdrawnSummaryIds } from "../../domain/conversation/summaryWithdrawal.ts";
import type { StoredEventOf } from "../eventLog.ts";
import { defineReactor, type Reactor } from "../reactors/reactor.ts";
import type { EngineDependencies } from "./engineDependencies.ts";
import { summaryVectorId } from "./memoryVectorIds.ts";
import { reactionContext } from "./reactionContext.ts";
import { summarySources, summarySourcesIn, writtenSummaries } from "./summarySources.ts";

/**
 * Once a fact is forgotten or corrected, withdraws every summary drawn from a message it was told
 * in: a summary's own words (a model's above all) may still say it. A summary written from such a
 * message after that (its writer read the message before the fact changed) is withdrawn as it
 * arrives, as recall already leaves it out. Handling an event again withdraws nothing twice.
 */
export function summaryWithdrawalReactor(deps: EngineDependencies): Reactor {
  return defineReactor({
    name: "memory-summary-withdrawal",
    canHandle: ["MemoryFactForgotten", "MemoryFactCorrected", "MemorySummarized"],
    concurrency: 2,
    background: true,
    async handle(event) {
      const { state } = await deps.commands.load(conversationDecider, event.streamId, {
        atLeastRevision: event.revision,
      });
      const { userId, agentId } = state;
      if (!userId || !agentId) return;
      const withdrawals =
        event.type === "MemorySummarized"
          ? await changedFactsOf(deps, event, state)
          : await withdrawalFor(deps, event.streamId, state, event.data.factId);
      if (withdrawals.length === 0) return;
      const now = deps.clock.now();
      await deps.commands.handleAll(
        conversationDecider,
        event.streamId,
        withdrawals.map(
          (w): WithdrawMemorySummaries => ({
            type: "WithdrawMemorySummaries",
            userId,
            agentId,
            now: now.toISOString(),
            ...w,
          }),
        ),
        reactionContext(event, `withdraw-summaries:${event.id}`, now, "system:memory"),
      );
    },
  });
}

type Withdrawal = { factId: string; summaryIds: string[] };

async function withdrawalFor(
  deps: Pick<EngineDependencies, "events">,
  streamId: string,
  state: ConversationState,
  factId: string,
): Promise<Withdrawal[]> {
  const fact = state.memoryFacts.get(factId);
  if (!fact) return [];
  const summaryIds = await summariesDrawnFrom(deps, streamId, state, fact.sourceMessageIds);
  return summaryIds.length > 0 ? [{ factId, summaryIds }] : [];
}

/** A new summary drawn from the message of a fact forgotten or corrected already: the first such fact. */
async function changedFactsOf(
  deps: Pick<EngineDependencies, "events">,
  summary: StoredEventOf<"MemorySummarized">,
  state: ConversationState,
): Promise<Withdrawal[]> {
  const summaryId = summary.data.summaryId;
  const changed = [...state.memoryFacts].filter(([, f]) => f.forgotten || f.correctedAt !== null);
  if (changed.length === 0 || withdrawnSummaryIds(state).has(summaryId)) return [];
  const sources = new Set(await summarySources(deps, summary, async () => state));
  const told = changed.find(([, fact]) => fact.sourceMessageIds.some((id) => sources.has(id)));
  return told ? [{ factId: told[0], summaryIds: [summaryId] }] : [];
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
  const stream = await deps.events.readStream(streamId);
  for (const summary of writtenSummaries(stream)) {
    if (withdrawn.has(summary.data.summaryId)) continue;
    const sources = summarySourcesIn(stream, summary, state);
    if (sources.some((id) => told.has(id))) found.push(summary.data.summaryId);
  }
  return found;
}

/** Removes withdrawn summaries from the vector index. */
export async function unindexSummaries(
  deps: Pick<EngineDependencies, "events" | "vectorIndex">,
  namespace: string,
  event: StoredEventOf<"MemorySummariesWithdrawn">,
): Promise<void> {
  const withdrawn = new Set(event.data.summaryIds);
  const ids = writtenSummaries(await deps.events.readStream(event.streamId))
    .filter((summary) => withdrawn.has(summary.data.summaryId))
    .map((summary) => summaryVectorId(summary.id));
  if (ids.length > 0) await deps.vectorIndex.delete(namespace, ids);
}
