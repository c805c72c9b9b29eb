import { CommandHandler } from "../../../src/application/commandHandler.ts";
import { EventLog } from "../../../src/application/eventLog.ts";
import { LifeScheduler, type LifeSchedulerConfig } from "../../../src/application/life/lifeScheduler.ts";
import type { IdentityInput } from "../../../src/domain/agent/agentInputs.ts";
import type { AgentCommand } from "../../../src/domain/agent/commands.ts";
import { agentDecider } from "../../../src/domain/agent/decider.ts";
import { createCatalogue } from "../../../src/domain/catalogue.ts";
import type { ConversationCommand } from "../../../src/domain/conversation/commands.ts";
import { conversationDecider } from "../../../src/domain/conversation/decider.ts";
import type { Mood } from "../../../src/domain/shared/mood.ts";
import { agentStreamId, conversationStreamId, userStreamId } from "../../../src/domain/streamIds.ts";
import type { UserCommand } from "../../../src/domain/user/commands.ts";
import { userDecider } from "../../../src/domain/user/decider.ts";
import type { QuietHours } from "../../../src/domain/user/events.ts";
import type { EventStore } from "../../../src/ports/eventStore.ts";
import { EventStoreLifeDirectory } from "../../support/life/eventStoreLifeDirectory.ts";

export interface AgentSeed {
  agentId: string;
  name: string;
  identity: IdentityInput;
  interests: string[];
}

export interface PersonSeed {
  userId: string;
  displayName: string;
  timezone: string;
  quietHours: QuietHours | null;
}

/** Agents, people and conversations written as commands into a real event store, plus the scheduler over them. */
export function lifeWorld(store: EventStore, config: Partial<LifeSchedulerConfig> = {}) {
  const catalogue = createCatalogue();
  const commands = new CommandHandler(new EventLog(store, catalogue));
  const directory = new EventStoreLifeDirectory(store, catalogue);
  const scheduler = new LifeScheduler({ commands, agents: directory, conversations: directory, config });
  let counter = 0;
  const context = (now: Date) => ({
    commandId: `test-${++counter}`,
    actor: "test",
    requestId: null,
    correlationId: "test",
    causationId: null,
    now,
  });
  const agentCommand = (command: AgentCommand, now: Date) =>
    commands.handle(agentDecider, agentStreamId(command.agentId), command, context(now));
  const userCommand = (command: UserCommand, now: Date) =>
    commands.handle(userDecider, userStreamId(command.userId), command, context(now));
  const conversationCommand = (command: ConversationCommand, now: Date) =>
    commands.handle(
      conversationDecider,
      conversationStreamId(command.userId, command.agentId),
      command,
      context(now),
    );

  return {
    commands,
    directory,
    scheduler,
    agentCommand,
    userCommand,
    async createAgent(seed: AgentSeed, now: Date) {
      await agentCommand(
        {
          type: "CreateAgent",
          agentId: seed.agentId,
          name: seed.name,
          persona: {
            summary: `${seed.name} is warm and curious.`,
            traits: ["warm", "curious"],
            speakingStyle: "casual",
            backstory: "",
            interests: seed.interests,
          },
          identity: seed.identity,
          appearancePrompt: "a friendly face",
          source: "manual",
          createdBy: "admin",
          now: now.toISOString(),
        },
        now,
      );
    },
    async registerPerson(seed: PersonSeed, now: Date) {
      const { userId, displayName, timezone, quietHours } = seed;
      await userCommand(
        {
          type: "RegisterUser",
          userId,
          subject: `sub-${userId}`,
          displayName,
          role: "user",
          now: now.toISOString(),
        },
        now,
      );
      await userCommand(
        { type: "UpdateUserProfile", userId, timezone, quietHours, now: now.toISOString() },
        now,
      );
    },
    async setDoNotDisturb(userId: string, doNotDisturb: boolean, now: Date) {
      await userCommand({ type: "UpdateUserProfile", userId, doNotDisturb, now: now.toISOString() }, now);
    },
    /** The person writes, the agent answers at once, affinity grows and the mood lifts. */
    async exchange(userId: string, agentId: string, now: Date, mood?: { mood: Mood; intensity: number }) {
      const id = `${userId}-${agentId}-${now.getTime()}`;
      const at = now.toISOString();
      const base = { userId, agentId, now: at };
      await conversationCommand(
        {
          ...base,
          type: "SendMessage",
          messageId: `m-${id}`,
          clientMessageId: `c-${id}`,
          text: "hey, how are you?",
        },
        now,
      );
      await conversationCommand(
        { ...base, type: "StartReply", replyId: `r-${id}`, messageId: `m-${id}` },
        now,
      );
      await conversationCommand(
        {
          ...base,
          type: "CompleteReply",
          replyId: `r-${id}`,
          text: "Good to hear from you!",
          model: "test",
          usage: { promptTokens: 1, completionTokens: 1 },
        },
        now,
      );
      await conversationCommand(
        { ...base, type: "ChangeAffinity", delta: 5, reason: "a friendly chat" },
        now,
      );
      if (mood) await conversationCommand({ ...base, type: "ShiftMood", ...mood, reason: "the chat" }, now);
    },
  };
}
