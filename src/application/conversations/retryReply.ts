import { conversationDecider } from "../../domain/conversation/decider.ts";
import { conversationStreamId } from "../../domain/streamIds.ts";
import type { CommandHandler } from "../commandHandler.ts";
import { commandContext, type RequestMeta } from "../users/requestMeta.ts";
import { replyIdFor } from "./messageIds.ts";

export interface RetryReplyInput {
  userId: string;
  agentId: string;
  messageId: string;
}

/**
 * Starts the next attempt at answering a message whose reply failed. Asking twice for the same
 * attempt returns the attempt already started.
 */
export async function retryReply(
  commands: CommandHandler,
  input: RetryReplyInput,
  meta: RequestMeta,
): Promise<{ replyId: string; attempt: number }> {
  const streamId = conversationStreamId(input.userId, input.agentId);
  const { state } = await commands.load(conversationDecider, streamId);
  const message = state.unanswered.find((m) => m.messageId === input.messageId);
  if (message?.status === "replying" && message.attempts > 1 && message.replyId)
    return { replyId: message.replyId, attempt: message.attempts };
  const attempt = (message?.attempts ?? 0) + 1;
  // A regenerated reply's attempts follow from its own id: the message's may be taken already.
  const failed = message?.replyId ?? null;
  const from = failed && failed !== replyIdFor(input.messageId, attempt - 1) ? failed : input.messageId;
  const replyId = replyIdFor(from, attempt);
  await commands.handle(
    conversationDecider,
    streamId,
    {
      type: "RetryReply",
      userId: input.userId,
      agentId: input.agentId,
      messageId: input.messageId,
      replyId,
      now: meta.now.toISOString(),
    },
    commandContext(meta, `retry-reply:${replyId}`),
  );
  return { replyId, attempt };
}
