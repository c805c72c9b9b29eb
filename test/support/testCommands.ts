import { randomUUID } from "node:crypto";
import type { CommandContext, CommandHandler } from "../../src/application/commandHandler.ts";
import { messageIdFor } from "../../src/application/conversations/messageIds.ts";
import type { CreateAgent } from "../../src/domain/agent/commands.ts";
import { agentDecider } from "../../src/domain/agent/decider.ts";
import { conversationDecider } from "../../src/domain/conversation/decider.ts";
import { agentStreamId, conversationStreamId, userStreamId } from "../../src/domain/streamIds.ts";
import { userDecider } from "../../src/domain/user/decider.ts";

/** A fresh context for a command a test issues directly. */
export function testContext(now: Date = new Date(), actor = "test"): CommandContext {
  return {
    commandId: randomUUID(),
    actor,
    requestId: null,
    correlationId: randomUUID(),
    causationId: null,
    now,
  };
}

export type TestAgent = Partial<Omit<CreateAgent, "type" | "agentId" | "now">> & {
  agentId: string;
  name: string;
};

/** Creates an agent with sensible defaults for whatever the test does not care about. */
export async function createTestAgent(commands: CommandHandler, agent: TestAgent, now: Date = new Date()) {
  await commands.handle(
    agentDecider,
    agentStreamId(agent.agentId),
    {
      type: "CreateAgent",
      persona: {
        summary: "A friendly local.",
        traits: ["warm"],
        speakingStyle: "Relaxed.",
        backstory: "",
        interests: [],
      },
      identity: { homeCity: "Lisbon", occupation: "Barista", timezone: "Europe/Lisbon" },
      appearancePrompt: "Short dark hair, green apron.",
      source: "manual",
      createdBy: "admin",
      ...agent,
      now: now.toISOString(),
    },
    testContext(now),
  );
}

/** Sends a person's message as the API would; returns its message id. */
export async function sendTestMessage(
  commands: CommandHandler,
  message: { userId: string; agentId: string; text: string },
  now: Date = new Date(),
): Promise<string> {
  const clientMessageId = randomUUID();
  const messageId = messageIdFor(message.userId, message.agentId, clientMessageId);
  await commands.handle(
    conversationDecider,
    conversationStreamId(message.userId, message.agentId),
    { type: "SendMessage", ...message, messageId, clientMessageId, now: now.toISOString() },
    testContext(now, `user:${message.userId}`),
  );
  return messageId;
}

/** Sam, a registered person, and Mira, an agent: the cast of tests that only need someone to talk. */
export async function registerTestPersonAndAgent(
  commands: CommandHandler,
  ids: { userId: string; agentId: string },
  now: Date = new Date(),
): Promise<void> {
  await commands.handle(
    userDecider,
    userStreamId(ids.userId),
    {
      type: "RegisterUser",
      userId: ids.userId,
      subject: "dev:sam",
      displayName: "Sam",
      role: "user",
      now: now.toISOString(),
    },
    testContext(now),
  );
  await createTestAgent(commands, { agentId: ids.agentId, name: "Mira" }, now);
}
