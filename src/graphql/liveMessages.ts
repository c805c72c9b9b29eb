import { z } from "zod";
import type { LiveMessage } from "../ports/liveBus.ts";

/**
 * What the reply reactor publishes on `topics.conversation(userId, agentId)` while it writes:
 * `reply.delta` {replyId, text (or delta), index?} for each piece of text, and `agent.typing`
 * {typing?, replyId?}. Other kinds on that topic are notices that something was stored.
 */
export type LiveConversationEvent =
  | { kind: "replyDelta"; replyId: string; text: string; index: number | null }
  | { kind: "typing"; typing: boolean; replyId: string | null };

const delta = z.object({
  replyId: z.string().min(1),
  text: z.string().optional(),
  delta: z.string().optional(),
  index: z.number().int().min(0).optional(),
});

const typing = z.object({ typing: z.boolean().optional(), replyId: z.string().min(1).optional() });

export type LiveClassification =
  | { type: "event"; event: LiveConversationEvent }
  | { type: "notice" }
  | { type: "malformed" };

/** A live event, a "stored something" notice, or a message of a known kind that does not parse. */
export function classifyLiveMessage(message: LiveMessage): LiveClassification {
  if (message.kind === "reply.delta") {
    const parsed = delta.safeParse(message.payload);
    const text = parsed.data?.text ?? parsed.data?.delta;
    if (!parsed.success || text === undefined) return { type: "malformed" };
    const { replyId, index } = parsed.data;
    return { type: "event", event: { kind: "replyDelta", replyId, text, index: index ?? null } };
  }
  if (message.kind === "agent.typing") {
    const parsed = typing.safeParse(message.payload);
    if (!parsed.success) return { type: "malformed" };
    const event = {
      kind: "typing",
      typing: parsed.data.typing ?? true,
      replyId: parsed.data.replyId ?? null,
    } as const;
    return { type: "event", event };
  }
  return { type: "notice" };
}
