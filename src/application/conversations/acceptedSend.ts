import { conversationDecider, findMessageByClientId } from "../../domain/conversation/decider.ts";
import { checkMessageText, isRetriedSend } from "../../domain/conversation/messages.ts";
import { DomainError } from "../../domain/shared/decider.ts";
import { conversationStreamId } from "../../domain/streamIds.ts";
import type { CommandHandler } from "../commandHandler.ts";
import type { SendMessageInput } from "./sendMessage.ts";

/**
 * Whether this message was accepted before under the same client id and text: resending it is a
 * retry, answered as the first send was and never counted as a new change.
 */
export async function isAcceptedSend(
  commands: CommandHandler,
  input: SendMessageInput,
  options: { cachedOnly: boolean },
): Promise<boolean> {
  // A cached state that holds the message is proof enough (the log only grows), and costs no read.
  const streamId = conversationStreamId(input.userId, input.agentId);
  const state = options.cachedOnly
    ? commands.cachedState(conversationDecider, streamId)
    : (await commands.load(conversationDecider, streamId)).state;
  if (!state) return false;
  try {
    return isRetriedSend(
      findMessageByClientId(state, input.clientMessageId),
      checkMessageText(input.text),
      null,
    );
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
}
