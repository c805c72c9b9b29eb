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
import { greetingIdFor } from "./messageIds.ts";

export interface OpeningGreeting {
  messageId: string;
  text: string;
}

/**
 * The greeting that opens this person's conversation with the agent, or null when it has started
 * already. The decider writes it only while the conversation has not started, so a stale answer
 * here never greets twice.
 */
export async function openingGreeting(
  commands: CommandHandler,
  address: { userId: string; agentId: string },
  now: string,
): Promise<OpeningGreeting | null> {
  const streamId = conversationStreamId(address.userId, address.agentId);
  if (commands.cachedState(conversationDecider, streamId)?.started) return null;
  const { state: conversation } = await commands.load(conversationDecider, streamId);
  if (conversation.started) return null;
  const [{ state: agent }, { state: person }] = await Promise.all([
    commands.load(agentDecider, agentStreamId(address.agentId)),
    commands.load(userDecider, userStreamId(address.userId)),
  ]);
  const personName = person.profile.displayName || "there";
  return {
    messageId: greetingIdFor(address.userId, address.agentId),
    text: greetingFor(agent, address.userId, personName, now),
  };
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
