import { DomainError } from "../shared/decider.ts";
import { charCount } from "../shared/text.ts";
import type { SummarizeMemory } from "./commands.ts";
import type { ConversationEvent } from "./events.ts";
import type { ConversationState, PathState } from "./state.ts";
import { cause, causeOf } from "./treeRules.ts";

const SUMMARY_MAX = 8000;
const FACT_MAX = 500;
const FACTS_MAX = 50;

/**
 * Long-term memory: each summary covers stream revisions after the one before it on the same
 * path, up to the present; of those, only the messages on that path belong to it.
 */

/** The first revision a new summary on the path of `state` (the active one, or `stateAt` a message) may cover. */
export function nextRevisionToSummarize(state: PathState): number {
  return state.memory.lastCoveredRevision === null ? 0 : state.memory.lastCoveredRevision + 1;
}

export function summarizeMemory(command: SummarizeMemory, state: ConversationState): ConversationEvent[] {
  if (state.summaryIds.includes(command.summaryId))
    throw new DomainError("SummaryAlreadyRecorded", "CONFLICT", "This summary is recorded already.");
  const { causedBy, at } = causeOf(state, command.causedBy);
  const { coversFromRevision: from, coversToRevision: to, messageCount } = command;
  if (![from, to, messageCount].every((n) => Number.isInteger(n) && n >= 0) || from > to)
    throw new DomainError(
      "MemorySummaryRangeInvalid",
      "BAD_USER_INPUT",
      "Give the summary a range of revisions whose start is not after its end.",
    );
  if (from < nextRevisionToSummarize(at))
    throw new DomainError(
      "MemorySummaryOverlaps",
      "CONFLICT",
      `The previous summary covers up to revision ${at.memory.lastCoveredRevision}; start after it.`,
    );
  if (to > state.revision)
    throw new DomainError(
      "MemorySummaryBeyondStream",
      "BAD_USER_INPUT",
      `The conversation only reaches revision ${state.revision}; summarize up to there.`,
    );
  const summary = command.summary.trim();
  const facts = command.facts.map((fact) => fact.trim());
  if (
    summary.length === 0 ||
    charCount(summary) > SUMMARY_MAX ||
    facts.length > FACTS_MAX ||
    facts.some((fact) => fact.length === 0 || charCount(fact) > FACT_MAX)
  )
    throw new DomainError(
      "MemorySummaryInvalid",
      "BAD_USER_INPUT",
      `Keep the summary within ${SUMMARY_MAX} characters and give at most ${FACTS_MAX} non-empty facts of ${FACT_MAX} characters.`,
    );
  return [
    {
      type: "MemorySummarized",
      data: {
        summaryId: command.summaryId,
        summary,
        facts,
        coversFromRevision: from,
        coversToRevision: to,
        messageCount,
        ...cause(causedBy),
      },
    },
  ];
}
