import type { ChatMessage, ConversationModel } from "./conversationModel.ts";
import { isTreeNode } from "./pathModel.ts";
import type { TimelineItem } from "./timeline.ts";

/** Which of a message's tree controls the server would take now. */
export interface ControlRules {
  /**
   * Regenerate, alternatives, edit and continue: refused while a reply is written, and they would
   * race a message still being sent or about to be answered.
   */
  pathFree: boolean;
  /** The person's messages still to be answered: hiding one is refused until its reply comes. */
  awaiting: ReadonlySet<string>;
}

/**
 * Offers only what can succeed: nothing changes the path while a reply is being written, a message
 * is still being sent or the agent is about to answer one (a sleeping agent answers later: until
 * then the path is free), and a message still to be answered cannot be hidden.
 */
export function controlRules(
  model: ConversationModel,
  items: readonly TimelineItem[],
  agentAsleep: boolean,
): ControlRules {
  const writing =
    model.typing ||
    items.some(
      (item) => item.type === "stream" || (item.type === "message" && item.message.status === "STREAMING"),
    );
  const sending = Object.values(model.pending).some((pending) => pending.status === "sending");
  const awaiting = new Set<string>();
  // The person's messages after the newest message of the agent (a failed reply counts: it can be
  // retried; so does a reply the person hid: the message was answered).
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]!;
    if (item.type !== "message" || !isTreeNode(item.message) || item.message.status === "STREAMING") continue;
    if (item.message.role !== "USER" || answeredHidden(model, item.message)) break;
    awaiting.add(item.message.id);
  }
  return { pathFree: !writing && !sending && (awaiting.size === 0 || agentAsleep), awaiting };
}

/** The person hid every reply to this message: it was answered (a page read says so after a reload). */
function answeredHidden(model: ConversationModel, message: ChatMessage): boolean {
  return message.hiddenReplyId !== null || hiddenRepliesTo(model, message.id).length > 0;
}

function hiddenRepliesTo(model: ConversationModel, messageId: string) {
  return Object.values(model.messages)
    .filter((m) => m.kind === "REPLY" && m.inReplyTo === messageId && (m.hidden || model.hidden[m.id]))
    .sort((a, b) => b.seq - a.seq);
}

/**
 * The person's newest message when the reply to it was hidden and nothing followed: its hidden reply
 * (a finished one) is the one to write again, so the message gets a new answer ("Answer again").
 */
export function answerAgainOf(
  model: ConversationModel,
  items: readonly TimelineItem[],
): { messageId: string; replyId: string } | null {
  const newest = items
    .flatMap((item) => (item.type === "message" && isTreeNode(item.message) ? [item.message] : []))
    .at(-1);
  if (newest?.role !== "USER") return null;
  const replyId =
    hiddenRepliesTo(model, newest.id).find((m) => m.status === "COMPLETED")?.id ?? newest.hiddenReplyId;
  return replyId ? { messageId: newest.id, replyId } : null;
}
