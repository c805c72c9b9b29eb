import type { CommandHandler } from "../../src/application/commandHandler.ts";
import { messageIdFor, replyIdFor } from "../../src/application/conversations/messageIds.ts";
import type { ConversationCommand } from "../../src/domain/conversation/commands.ts";
import { conversationDecider, nextRevisionToSummarize } from "../../src/domain/conversation/decider.ts";
import { conversationStreamId } from "../../src/domain/streamIds.ts";

const TURNS_PER_APPEND = 50;
const EVENTS_PER_TURN = 5;

export interface SeedOptions {
  /**
   * Writes a memory summary after the reply that brings this many messages since the last one,
   * as the memory reactor does in a live conversation (absent: no summaries).
   */
  summarizeEvery?: number;
}

/**
 * Whole turns (the person's message, the reply started and completed, a mood shift, an affinity
 * change) decided by the conversation decider and appended many at a time, until the conversation
 * holds at least `events` events. Returns the last revision.
 */
export async function seedConversation(
  commands: CommandHandler,
  userId: string,
  agentId: string,
  events: number,
  options: SeedOptions = {},
): Promise<number> {
  const streamId = conversationStreamId(userId, agentId);
  const start = Date.parse("2025-01-06T08:00:00.000Z");
  const loaded = await commands.load(conversationDecider, streamId);
  let revision = loaded.revision ?? -1;
  // Folded here too, so a summary can name the revisions it covers before they are stored.
  let state = loaded.state;
  // Past every turn number used so far, since each turn adds at least one event.
  const firstTurn = revision + 1;
  for (let batch = 0; revision + 1 < events; batch++) {
    const turns = Math.min(TURNS_PER_APPEND, Math.ceil((events - revision - 1) / EVENTS_PER_TURN));
    const decided: ConversationCommand[] = [];
    const add = (...steps: ConversationCommand[]) => {
      for (const step of steps) {
        decided.push(step);
        state = conversationDecider.decide(step, state).reduce(conversationDecider.evolve, state);
      }
    };
    for (let t = 0; t < turns; t++) {
      const turn = firstTurn + batch * TURNS_PER_APPEND + t;
      const address = { userId, agentId, now: new Date(start + turn * 60_000).toISOString() };
      const messageId = messageIdFor(userId, agentId, `seed-${turn}`);
      const replyId = replyIdFor(messageId, 1);
      add(
        { ...address, type: "SendMessage", messageId, clientMessageId: `seed-${turn}`, text: `Turn ${turn}` },
        { ...address, type: "StartReply", replyId, messageId },
        {
          ...address,
          type: "CompleteReply",
          replyId,
          text: `Reply ${turn}, a few words long.`,
          model: "seed",
          usage: { promptTokens: 10, completionTokens: 8 },
        },
      );
      const completedAt = state.revision;
      add(
        { ...address, type: "ShiftMood", mood: "content", intensity: 0.4, reason: "seed", causedBy: replyId },
        {
          ...address,
          type: "ChangeAffinity",
          delta: turn % 2 === 0 ? 1 : -1,
          reason: "seed",
          causedBy: replyId,
        },
      );
      const { unsummarizedMessages } = state.memory;
      if (options.summarizeEvery && unsummarizedMessages >= options.summarizeEvery)
        add({
          ...address,
          type: "SummarizeMemory",
          causedBy: replyId,
          summaryId: `${streamId}:summary:${completedAt}`,
          summary: `They talked about turns up to ${turn}.`,
          facts: [],
          coversFromRevision: nextRevisionToSummarize(state),
          coversToRevision: completedAt,
          messageCount: unsummarizedMessages,
        });
    }
    const handled = await commands.handleAll(conversationDecider, streamId, decided, {
      commandId: `seed-${userId}-${agentId}-${firstTurn}-${batch}`,
      actor: userId,
      requestId: null,
      correlationId: `seed-${batch}`,
      causationId: null,
      now: new Date(start + (batch + 1) * TURNS_PER_APPEND * 60_000),
    });
    revision = handled.revision ?? revision;
  }
  return revision;
}
