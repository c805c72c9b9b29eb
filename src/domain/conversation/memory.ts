import { DomainError } from "../shared/decider.ts";
import { charCount } from "../shared/text.ts";
import type { SummarizeMemory } from "./commands.ts";
import type { ConversationEvent } from "./events.ts";
import type { ConversationState, PathState } from "./state.ts";
import { pathStateAt } from "./summaryMarks.ts";
import { branchLeaf, isOnPath, type MessageNode } from "./tree.ts";
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

/** About how many summaries catching up on a long history writes each time what is left of it halves. */
export const CATCH_UP_SUMMARIES = 16;

/**
 * The state of the path through `replyId` when a summary is due there, else null: once `every`
 * messages are unsummarized, or, when a long history follows the reply already (an imported
 * chat, a backlog caught up on), once a share of that history is. A summary belongs to its reply
 * and changes the state of every message after it (through a mark, see summaryMarks.ts): one
 * every few messages of a history of n would be n/every summaries to write, while summaries a
 * share of what follows apart are about `CATCH_UP_SUMMARIES` each time what is left halves,
 * finer as they near the end of the history.
 */
export function summaryDueAt(state: ConversationState, replyId: string, every: number): PathState | null {
  const node = state.tree.nodes.get(replyId);
  if (!node) return null;
  const due = Math.max(every, Math.floor(messagesAfter(state, node) / CATCH_UP_SUMMARIES));
  const at = pathStateAt(state.tree, node);
  return at.memory.unsummarizedMessages >= due ? at : null;
}

/**
 * How much history follows `node`: the messages after it on the branch it opens, or on the active
 * path after its depth when that is longer (an alternative left behind while the chat went on).
 */
function messagesAfter(state: ConversationState, node: MessageNode): number {
  const { tree } = state;
  const onActivePath = Math.max(0, tree.path.size - 1 - node.depth);
  if (node.children.length === 0 || isOnPath(tree, node.id)) return onActivePath;
  return Math.max(onActivePath, tree.nodes.get(branchLeaf(tree, node.id))!.depth - node.depth);
}

export function summarizeMemory(command: SummarizeMemory, state: ConversationState): ConversationEvent[] {
  if (state.summaryIds.includes(command.summaryId))
    throw new DomainError("SummaryAlreadyRecorded", "CONFLICT", "This summary is recorded already.");
  const { causedBy, at } = causeOf(state, command.causedBy);
  const { coversFromRevision: from, coversToRevision: to } = command;
  if (!isRange(command))
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
  return [summarized(command, causedBy)];
}

type SummaryWritten = Pick<
  SummarizeMemory,
  "summaryId" | "summary" | "facts" | "coversFromRevision" | "coversToRevision" | "messageCount"
>;

/** Whether a summary's revisions and message count are whole, not negative, and in order. */
export function isRange(command: SummaryWritten): boolean {
  const { coversFromRevision: from, coversToRevision: to, messageCount } = command;
  return [from, to, messageCount].every((n) => Number.isInteger(n) && n >= 0) && from <= to;
}

/** The `MemorySummarized` a checked summary records (a rewrite adds what it rewrites and leaves out). */
export function summarized(
  command: SummaryWritten,
  causedBy: string | undefined,
  rewrite: { rewrites: string; leavesOut: string[] } | Record<string, never> = {},
): ConversationEvent {
  return {
    type: "MemorySummarized",
    data: {
      summaryId: command.summaryId,
      ...checkedSummaryText(command),
      coversFromRevision: command.coversFromRevision,
      coversToRevision: command.coversToRevision,
      messageCount: command.messageCount,
      ...cause(causedBy),
      ...rewrite,
    },
  };
}

/** The summary and its facts trimmed, or `MemorySummaryInvalid` when empty or too long. */
export function checkedSummaryText(command: { summary: string; facts: readonly string[] }): {
  summary: string;
  facts: string[];
} {
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
  return { summary, facts };
}
