import type { ConversationCommand } from "../../domain/conversation/commands.ts";
import { conversationDecider } from "../../domain/conversation/decider.ts";
import { DomainError } from "../../domain/shared/decider.ts";
import type { CommandHandler } from "../commandHandler.ts";
import { replyIdFor } from "./messageIds.ts";

/** The message a tree command names. */
function namedMessage(command: ConversationCommand): string | null {
  if (command.type === "RegenerateReply") return command.replyId;
  return "messageId" in command ? command.messageId : null;
}

/**
 * The refusal to give for `error`: sendMessage hands out its reply's id before the agent starts it
 * (an asleep agent may start it hours later), so a request naming that id while the reply is still
 * owed is asked to wait rather than told the message does not exist.
 */
export async function refusalFor(
  commands: Pick<CommandHandler, "load">,
  streamId: string,
  command: ConversationCommand,
  error: unknown,
): Promise<unknown> {
  const named = namedMessage(command);
  if (!(error instanceof DomainError) || error.reason !== "MessageNotFound" || named === null) return error;
  const { state } = await commands.load(conversationDecider, streamId);
  const owed = state.unanswered.some(
    (m) => m.status !== "failed" && replyIdFor(m.messageId, m.attempts + 1) === named,
  );
  if (!owed) return error;
  return new DomainError(
    "ReplyNotStarted",
    "CONFLICT",
    "The agent has not written this reply yet; wait for it, then try again.",
  );
}
