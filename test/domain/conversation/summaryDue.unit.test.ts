import { describe, expect, it } from "vitest";
import { chatImportDecider } from "../../../src/domain/conversation/chatImport.ts";
import {
  activePath,
  type ConversationState,
  conversationDecider,
  nextRevisionToSummarize,
  summaryDueAt,
} from "../../../src/domain/conversation/decider.ts";
import type { ConversationEvent } from "../../../src/domain/conversation/events.ts";
import type { ImportedChatLine } from "../../../src/domain/conversation/importedChatTurns.ts";
import { CATCH_UP_SUMMARIES } from "../../../src/domain/conversation/memory.ts";
import { pathStateAt } from "../../../src/domain/conversation/summaryMarks.ts";
import { agentId, now, userId } from "./fixtures.ts";

const EVERY = 4;

/** A chat of `messages` lines, greeting first; every fifth reply has two swipes, the first chosen. */
function importedChat(messages: number): { state: ConversationState; events: ConversationEvent[] } {
  const lines = Array.from({ length: messages }, (_, i): ImportedChatLine => {
    const text = `line ${i}`;
    if (i % 2 === 1) return { author: "person", text, alternatives: [], sentAt: null };
    return {
      author: "agent",
      text,
      alternatives: i % 10 === 0 ? [text, `${text}, again`] : [],
      sentAt: null,
    };
  });
  const initial = chatImportDecider.initialState();
  const events = chatImportDecider.decide(
    { type: "ImportChat", userId, agentId, lines, idPrefix: "x", now },
    initial,
  );
  return { state: events.reduce(chatImportDecider.evolve, initial), events };
}

/** What the summary reactor does with each completed reply, in stream order, once the chat is in. */
function caughtUp(start: ConversationState, events: ConversationEvent[]) {
  let state = start;
  const summaries: { replyId: string; messageCount: number }[] = [];
  events.forEach((event, revision) => {
    if (event.type !== "AgentReplyCompleted") return;
    const at = summaryDueAt(state, event.data.replyId, EVERY);
    if (!at) return;
    const messageCount = at.memory.unsummarizedMessages;
    const decided = conversationDecider.decide(
      {
        type: "SummarizeMemory",
        userId,
        agentId,
        now,
        causedBy: event.data.replyId,
        summaryId: `s${revision}`,
        summary: "What was said.",
        facts: [],
        coversFromRevision: nextRevisionToSummarize(at),
        coversToRevision: revision,
        messageCount,
      },
      state,
    );
    state = decided.reduce(conversationDecider.evolve, state);
    summaries.push({ replyId: event.data.replyId, messageCount });
  });
  return { state, summaries };
}

describe("summaryDueAt", () => {
  it("is due at the newest reply once `every` messages of its path are unsummarized", () => {
    const short = importedChat(EVERY - 1).state;
    expect(summaryDueAt(short, short.activeLeafId!, EVERY)).toBeNull();
    const longer = importedChat(EVERY + 1).state;
    expect(summaryDueAt(longer, longer.activeLeafId!, EVERY)?.memory.unsummarizedMessages).toBe(EVERY + 1);
  });

  it("waits for a share of the history that follows a reply already", () => {
    const { state } = importedChat(2_001);
    const path = activePath(state);
    const unsummarized = (id: string) =>
      pathStateAt(state.tree, state.tree.nodes.get(id)!).memory.unsummarizedMessages;
    const replies = path.filter((id) => state.tree.nodes.get(id)!.kind === "reply");
    const early = replies[EVERY]!;
    expect(unsummarized(early)).toBeGreaterThanOrEqual(EVERY);
    expect(summaryDueAt(state, early, EVERY)).toBeNull();
    const shareReached = (id: string) =>
      unsummarized(id) >= Math.floor((path.length - 1 - path.indexOf(id)) / CATCH_UP_SUMMARIES);
    const first = replies.findIndex(shareReached);
    expect(summaryDueAt(state, replies[first - 1]!, EVERY)).toBeNull();
    expect(summaryDueAt(state, replies[first]!, EVERY)).not.toBeNull();
  });

  it("catches up on a long imported chat in a few summaries that cover its path without gaps", () => {
    const messages = 4_001;
    const { state: imported, events } = importedChat(messages);
    const { state, summaries } = caughtUp(imported, events);
    const pathLength = activePath(state).length;
    // Each halving of what is left takes about CATCH_UP_SUMMARIES summaries.
    expect(summaries.length).toBeLessThan(CATCH_UP_SUMMARIES * Math.log2(messages / EVERY));
    const onPath = summaries.filter((s) => activePath(state).includes(s.replyId));
    const covered = onPath.reduce((sum, s) => sum + s.messageCount, 0);
    expect(covered + state.memory.unsummarizedMessages).toBe(pathLength);
    expect(state.memory.unsummarizedMessages).toBeLessThan(EVERY * 2);
  });

  it("leaves an alternative behind a long history for the summaries of the path it branches from", () => {
    const { state: imported, events } = importedChat(801);
    const { state } = caughtUp(imported, events);
    const swipe = [...state.tree.nodes.keys()].find((id) => id.startsWith("x-20-swipe-"))!;
    const parent = state.tree.nodes.get(state.tree.nodes.get(swipe)!.parentId!)!;
    // It holds what the path above it holds, and no summary of its own.
    expect(pathStateAt(state.tree, state.tree.nodes.get(swipe)!).memory.lastCoveredRevision).toBe(
      pathStateAt(state.tree, parent).memory.lastCoveredRevision,
    );
  });
});
