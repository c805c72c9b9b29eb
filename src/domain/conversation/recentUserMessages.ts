import { Map as ImmutableMap } from "immutable";
import { withNewest } from "../shared/recent.ts";
import { type ConversationState, RECENT_USER_MESSAGES, type SentMessage } from "./state.ts";

type RecentUserMessages = Pick<ConversationState, "recentUserMessages" | "userMessagesByClientId">;

/**
 * The recent messages with `sent` added, and their index by client id kept to match: every
 * message sent asks whether its client id was seen, and a scan of the whole list (the usual
 * answer is no) costs as much as the list is long.
 */
export function withUserMessage(state: RecentUserMessages, sent: SentMessage): RecentUserMessages {
  const recentUserMessages = withNewest(state.recentUserMessages, sent, RECENT_USER_MESSAGES);
  const dropped = state.recentUserMessages.length + 1 - recentUserMessages.length;
  const userMessagesByClientId = state.userMessagesByClientId.withMutations((index) => {
    for (const old of state.recentUserMessages.slice(0, dropped))
      if (index.get(old.clientMessageId) === old) index.delete(old.clientMessageId);
    // The first message under a client id is the one it stands for; the decider never writes a second.
    if (!index.has(sent.clientMessageId)) index.set(sent.clientMessageId, sent);
  });
  return { recentUserMessages, userMessagesByClientId };
}

/** The index of recent messages by client id, as `withUserMessage` keeps it. */
export function userMessagesByClientId(messages: readonly SentMessage[]): ImmutableMap<string, SentMessage> {
  return ImmutableMap<string, SentMessage>().withMutations((index) => {
    for (const message of messages)
      if (!index.has(message.clientMessageId)) index.set(message.clientMessageId, message);
  });
}
