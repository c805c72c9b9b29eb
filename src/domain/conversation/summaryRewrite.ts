import { DomainError } from "../shared/decider.ts";
import { MEMORY_SUMMARY_LEFT_OUT_MAX } from "./effectEvents.ts";
import type { ConversationEvent } from "./events.ts";
import { isRange, summarized } from "./memory.ts";
import type { RewriteMemorySummary } from "./memoryFactCommands.ts";
import type { ConversationState } from "./state.ts";
import { withdrawnSummaryIds } from "./summaryWithdrawal.ts";
import { causeOf } from "./treeRules.ts";

/**
 * A withdrawn summary's stretch, written again without the messages that told a fact since
 * forgotten or corrected: what else the person said there is remembered again. Only a withdrawn
 * summary is rewritten, and each rewrite once (its id is derived from the one it rewrites).
 */
export function rewriteMemorySummary(
  command: RewriteMemorySummary,
  state: ConversationState,
): ConversationEvent[] {
  if (state.summaryIds.includes(command.summaryId))
    throw new DomainError("SummaryAlreadyRecorded", "CONFLICT", "This summary is recorded already.");
  if (!withdrawnSummaryIds(state).has(command.rewrites))
    throw new DomainError(
      "MemorySummaryNotWithdrawn",
      "CONFLICT",
      "Only a summary withdrawn after a memory was forgotten or corrected is written again.",
    );
  const leavesOut = [...new Set(command.leavesOut)];
  if (leavesOut.length === 0 || leavesOut.length > MEMORY_SUMMARY_LEFT_OUT_MAX)
    throw new DomainError(
      "MemorySummaryRewriteInvalid",
      "BAD_USER_INPUT",
      `Name from 1 to ${MEMORY_SUMMARY_LEFT_OUT_MAX} messages the rewritten summary leaves out.`,
    );
  const { causedBy } = causeOf(state, command.causedBy);
  if (!isRange(command) || command.coversToRevision > state.revision)
    throw new DomainError(
      "MemorySummaryRangeInvalid",
      "BAD_USER_INPUT",
      "Give the rewritten summary the range of revisions of the summary it rewrites.",
    );
  return [summarized(command, causedBy, { rewrites: command.rewrites, leavesOut })];
}
