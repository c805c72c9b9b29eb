import { DomainError } from "../shared/decider.ts";
import type { ConversationEvent } from "./events.ts";
import type { WithdrawMemorySummaries } from "./memoryFactCommands.ts";
import { MEMORY_SUMMARIES_WITHDRAWN_MAX } from "./memoryFactEvents.ts";
import type { ConversationState } from "./state.ts";

/** Every summary withdrawn so far, whichever fact it was withdrawn for. */
export function withdrawnSummaryIds(state: Pick<ConversationState, "memoryFacts">): Set<string> {
  const withdrawn = new Set<string>();
  for (const fact of state.memoryFacts.values())
    for (const id of fact.withdrawnSummaryIds ?? []) withdrawn.add(id);
  return withdrawn;
}

/**
 * Withdraws summaries once a fact told in their messages is forgotten or corrected. Summaries
 * withdrawn already (a retry, or for another fact of the same message) are left out; when none
 * is left nothing is written.
 */
export function withdrawMemorySummaries(
  command: WithdrawMemorySummaries,
  state: ConversationState,
): ConversationEvent[] {
  const fact = state.memoryFacts.get(command.factId);
  if (!fact)
    throw new DomainError(
      "MemoryFactNotFound",
      "NOT_FOUND",
      "There is no such memory in this conversation; list the memories to find its id.",
    );
  if (!fact.forgotten && fact.correctedAt === null)
    throw new DomainError(
      "MemoryFactStillRemembered",
      "CONFLICT",
      "This memory is remembered as it was recorded; forget or correct it before withdrawing summaries.",
    );
  const asked = [...new Set(command.summaryIds)];
  if (asked.length === 0 || asked.length > MEMORY_SUMMARIES_WITHDRAWN_MAX)
    throw new DomainError(
      "MemorySummaryWithdrawalInvalid",
      "BAD_USER_INPUT",
      `Name from 1 to ${MEMORY_SUMMARIES_WITHDRAWN_MAX} summaries to withdraw.`,
    );
  const withdrawn = withdrawnSummaryIds(state);
  const summaryIds = asked.filter((id) => !withdrawn.has(id));
  if (summaryIds.length === 0) return [];
  return [
    {
      type: "MemorySummariesWithdrawn",
      data: { factId: command.factId, summaryIds, withdrawnAt: command.now },
    },
  ];
}
