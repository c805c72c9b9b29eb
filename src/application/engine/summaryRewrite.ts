import {
  type ConversationState,
  conversationDecider,
  visibleOnPathTo,
} from "../../domain/conversation/decider.ts";
import { MEMORY_SUMMARY_LEFT_OUT_MAX } from "../../domain/conversation/events.ts";
import { DomainError } from "../../domain/shared/decider.ts";
import type { StoredEventOf, WithmeStoredEvent } from "../eventLog.ts";
import { plainWording } from "../memory/plainWording.ts";
import { uuidv5 } from "../nameUuid.ts";
import { reactionContext } from "./conversationDriver.ts";
import type { EngineDependencies } from "./engineDependencies.ts";
import type { MemorySummary, SummaryLine } from "./memorySummaryWriter.ts";
import { summaryNamesOf } from "./summaryNames.ts";
import { summarySourcesIn, writtenSummaries } from "./summarySources.ts";

const REWRITE_NAMESPACE = "3f6e2d1c-8b7a-4c5d-9e0f-1a2b3c4d5e6f";

/** The id of the summary that stands in for `summaryId` once that one is withdrawn: one per summary. */
export function rewrittenSummaryId(summaryId: string): string {
  return uuidv5(`rewrite:${summaryId}`, REWRITE_NAMESPACE);
}

/**
 * Writes each withdrawn summary's stretch again from the messages left in it: without those that
 * told a fact forgotten or corrected by now (nor the agent's answers to them, nor any line that
 * still quotes such a fact), so the rest of what the person said there is remembered again.
 * A summary rewritten already, or with nothing of the person's left, is passed over.
 */
export async function rewriteWithdrawnSummaries(
  deps: EngineDependencies,
  event: StoredEventOf<"MemorySummariesWithdrawn">,
  signal?: AbortSignal,
): Promise<void> {
  const { state } = await deps.commands.load(conversationDecider, event.streamId, {
    atLeastRevision: event.revision,
  });
  const { userId, agentId } = state;
  if (!userId || !agentId) return;
  const pending = new Set(
    event.data.summaryIds.filter((id) => !state.summaryIds.includes(rewrittenSummaryId(id))),
  );
  if (pending.size === 0) return;
  const stream = await deps.events.readStream(event.streamId);
  const changed = changedFacts(state);
  const names = await summaryNamesOf(deps, { ...state, userId, agentId });
  for (const summary of writtenSummaries(stream)) {
    if (!pending.has(summary.data.summaryId)) continue;
    const stretch = remainingStretch(stream, summary, state, changed);
    if (!stretch) continue;
    const written = withoutChangedFacts(
      await deps.summaries.summarize(stretch.lines, names, signal),
      changed,
    );
    const summaryId = rewrittenSummaryId(summary.data.summaryId);
    const now = deps.clock.now();
    try {
      await deps.commands.handle(
        conversationDecider,
        event.streamId,
        {
          type: "RewriteMemorySummary",
          userId,
          agentId,
          summaryId,
          rewrites: summary.data.summaryId,
          leavesOut: stretch.leavesOut,
          summary: written.summary,
          facts: written.facts,
          coversFromRevision: summary.data.coversFromRevision,
          coversToRevision: summary.data.coversToRevision,
          messageCount: stretch.lines.length,
          ...(summary.data.causedBy ? { causedBy: summary.data.causedBy } : {}),
          now: now.toISOString(),
        },
        reactionContext(event, `rewrite-summary:${summaryId}`, now, "system:memory"),
      );
    } catch (error) {
      // Written by an earlier attempt at this event: nothing is left to do for it.
      if (!(error instanceof DomainError && error.reason === "SummaryAlreadyRecorded")) throw error;
    }
  }
}

interface ChangedFacts {
  messageIds: Set<string>;
  /** Each changed fact's wordings (as recorded, as corrected, the person's quote), as `plainWording` spells them. */
  wordings: string[];
}

function changedFacts(state: ConversationState): ChangedFacts {
  const messageIds = new Set<string>();
  const wordings = new Set<string>();
  for (const fact of state.memoryFacts.values()) {
    if (!fact.forgotten && fact.correctedAt === null) continue;
    for (const id of fact.sourceMessageIds) messageIds.add(id);
    for (const text of [fact.recordedText ?? fact.text, fact.quote ?? ""]) {
      const plain = plainWording(text);
      if (plain) wordings.add(plain);
    }
  }
  return { messageIds, wordings: [...wordings] };
}

function quotesChanged(text: string, changed: ChangedFacts): boolean {
  const plain = ` ${plainWording(text)} `;
  return changed.wordings.some((wording) => plain.includes(` ${wording} `));
}

/** The lines of a summary's stretch left once the changed facts' messages are out, or null when none of the person's is. */
function remainingStretch(
  stream: readonly WithmeStoredEvent[],
  summary: StoredEventOf<"MemorySummarized">,
  state: ConversationState,
  changed: ChangedFacts,
): { lines: SummaryLine[]; leavesOut: string[] } | null {
  const { coversFromRevision: from, coversToRevision: to, causedBy } = summary.data;
  const sources = new Set(summarySourcesIn(stream, summary, state));
  const leftOut = new Set(summary.data.leavesOut);
  const visible = causedBy ? visibleOnPathTo(state, causedBy) : null;
  const lines: SummaryLine[] = [];
  for (const e of stream) {
    if (e.revision < from || e.revision > to) continue;
    if (e.type === "UserMessageSent" && sources.has(e.data.messageId)) {
      if (changed.messageIds.has(e.data.messageId) || quotesChanged(e.data.text, changed))
        leftOut.add(e.data.messageId);
      else lines.push({ author: "person", text: e.data.text });
    }
    if (
      e.type === "AgentReplyCompleted" &&
      (!visible || visible(e.data.replyId) !== undefined) &&
      !leftOut.has(e.data.inReplyTo) &&
      !changed.messageIds.has(e.data.inReplyTo) &&
      !quotesChanged(e.data.text, changed)
    )
      lines.push({ author: "agent", text: e.data.text });
  }
  if (leftOut.size === 0 || !lines.some((line) => line.author === "person")) return null;
  return { lines, leavesOut: [...leftOut].slice(-MEMORY_SUMMARY_LEFT_OUT_MAX) };
}

/** A model may still name a changed fact from what was left: such facts are dropped from its list. */
function withoutChangedFacts(written: MemorySummary, changed: ChangedFacts): MemorySummary {
  return { ...written, facts: written.facts.filter((fact) => !quotesChanged(fact, changed)) };
}
