import { agentDecider } from "../../domain/agent/decider.ts";
import type { AgentState } from "../../domain/agent/state.ts";
import { conversationDecider } from "../../domain/conversation/decider.ts";
import { MESSAGE_MAX } from "../../domain/conversation/events.ts";
import { resolveMacros } from "../../domain/shared/macros.ts";
import { agentStreamId, conversationStreamId, userStreamId } from "../../domain/streamIds.ts";
import { userDecider } from "../../domain/user/decider.ts";
import type { CommandHandler } from "../commandHandler.ts";
import { personaGreeting } from "../persona/personaGreeting.ts";
import { hashText } from "../persona/personaRandom.ts";
import { commandContext, type RequestMeta } from "../users/requestMeta.ts";
import { messageIdFor } from "./messageIds.ts";
import { requireActiveAgent } from "./sendMessage.ts";

export interface OpenedConversation {
  /** The greeting written now; null when the conversation had already started. */
  greetingId: string | null;
}

/**
 * A person opens their conversation with an agent: the first time, the agent greets them with one
 * of its card's greetings (the same one each time for this person) or, without a card, from its
 * persona. Opening it again writes nothing.
 */
export async function openConversation(
  deps: { commands: CommandHandler },
  input: { userId: string; agentId: string },
  meta: RequestMeta,
): Promise<OpenedConversation> {
  await requireActiveAgent(deps.commands, input.agentId);
  const streamId = conversationStreamId(input.userId, input.agentId);
  const { state: conversation } = await deps.commands.load(conversationDecider, streamId);
  if (conversation.started) return { greetingId: null };
  const [{ state: agent }, { state: person }] = await Promise.all([
    deps.commands.load(agentDecider, agentStreamId(input.agentId)),
    deps.commands.load(userDecider, userStreamId(input.userId)),
  ]);
  const now = meta.now.toISOString();
  const text = greetingFor(agent, input.userId, person.profile.displayName || "there", now);
  const messageId = messageIdFor(input.userId, input.agentId, "greeting");
  const result = await deps.commands.handle(
    conversationDecider,
    streamId,
    { type: "GreetPerson", userId: input.userId, agentId: input.agentId, messageId, text, now },
    commandContext(meta, `greet-person:${messageId}`),
  );
  return { greetingId: result.events.length > 0 ? messageId : null };
}

/** One of the card's greetings, picked by the person so it stays theirs, with its macros filled in. */
export function greetingFor(agent: AgentState, userId: string, personName: string, now: string): string {
  const profile = agent.profile!;
  const greetings = agent.card.greetings.filter((g) => g.trim() !== "");
  const chosen = greetings[hashText(`${userId}:${agent.agentId}`) % Math.max(1, greetings.length)];
  const char = agent.card.details.nickname.trim() || profile.name;
  const text = chosen ? resolveMacros(chosen, { char, user: personName }).trim() : "";
  if (text !== "") return Array.from(text).slice(0, MESSAGE_MAX).join("");
  return personaGreeting({
    name: profile.name,
    persona: profile.persona,
    identity: profile.identity,
    personName,
    seed: `${userId}:${agent.agentId}`,
    now,
  });
}
