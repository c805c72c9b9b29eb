import { conversationDecider } from "../../domain/conversation/decider.ts";
import { conversationStreamId } from "../../domain/streamIds.ts";
import type { CommandHandler } from "../commandHandler.ts";
import { commandContext, type RequestMeta } from "../users/requestMeta.ts";
import { openingGreeting } from "./conversationGreeting.ts";
import { requireActiveAgent } from "./sendMessage.ts";

export { greetingFor } from "./conversationGreeting.ts";

export interface OpenedConversation {
  /** The greeting written now; null when the conversation had already started. */
  greetingId: string | null;
}

/**
 * A person opens their conversation with an agent: the first time, the agent greets them with one
 * of its card's greetings (the same one each time for this person) or, without a card, from its
 * persona. Opening it again writes nothing. A first message sent without opening is greeted the
 * same way (see sendMessage).
 */
export async function openConversation(
  deps: { commands: CommandHandler },
  input: { userId: string; agentId: string },
  meta: RequestMeta,
): Promise<OpenedConversation> {
  await requireActiveAgent(deps.commands, input.agentId);
  const now = meta.now.toISOString();
  const greeting = await openingGreeting(deps.commands, input, now);
  if (!greeting) return { greetingId: null };
  const result = await deps.commands.handle(
    conversationDecider,
    conversationStreamId(input.userId, input.agentId),
    { type: "GreetPerson", userId: input.userId, agentId: input.agentId, ...greeting, now },
    commandContext(meta, `greet-person:${greeting.messageId}`),
  );
  return { greetingId: result.events.length > 0 ? greeting.messageId : null };
}
