import { agentDecider } from "../../domain/agent/decider.ts";
import { conversationDecider, findMessageByClientId } from "../../domain/conversation/decider.ts";
import { DomainError } from "../../domain/shared/decider.ts";
import { agentStreamId, conversationStreamId } from "../../domain/streamIds.ts";
import { type LiveBus, type ReplyNudge, topics } from "../../ports/liveBus.ts";
import { type CommandHandler, eventIdFor } from "../commandHandler.ts";
import type { EventLog } from "../eventLog.ts";
import type { TurnPriority } from "../processing/turnPriority.ts";
import { commandContext, type RequestMeta } from "../users/requestMeta.ts";
import { openingGreeting } from "./conversationGreeting.ts";
import { messageIdFor, replyIdFor } from "./messageIds.ts";

export interface ConversationDeps {
  commands: CommandHandler;
  events: EventLog;
  /** Tells the reply reactor about the message at once, ahead of the global order catching up. */
  bus?: LiveBus;
  /** Where this process also writes replies. */
  localTurns?: LocalTurns;
}

/** The replies a process writes to the messages it accepts itself. */
export interface LocalTurns {
  /**
   * Counts the reply as one awaiting its first words from the moment its message is accepted, so
   * work that can wait gives way at once; the returned call stops counting it.
   */
  expect: TurnPriority["expect"];
  /** Starts the reads the reply makes that do not depend on the message, so they overlap its commit. */
  warmUp(userId: string, agentId: string): void;
}

export interface SendMessageInput {
  userId: string;
  agentId: string;
  text: string;
  clientMessageId: string;
}

export interface SentMessage {
  messageId: string;
  clientMessageId: string;
  text: string;
  sentAt: string;
  /** The conversation stream's revision of the stored message. */
  revision: number;
  /** The reply that will stream for this message (its first attempt). */
  replyId: string;
  /** True when this client message id had been sent before: nothing new was written. */
  duplicate: boolean;
}

/**
 * Stores the person's message; the reply reactor answers it under `replyId`. A message that starts
 * the conversation comes after the agent's greeting, written with it.
 */
export async function sendMessage(
  deps: ConversationDeps,
  input: SendMessageInput,
  meta: RequestMeta,
): Promise<SentMessage> {
  await requireActiveAgent(deps.commands, input.agentId);
  const messageId = messageIdFor(input.userId, input.agentId, input.clientMessageId);
  const streamId = conversationStreamId(input.userId, input.agentId);
  const replyId = replyIdFor(messageId, 1);
  const now = meta.now.toISOString();
  const greeting = await openingGreeting(deps.commands, input, now);
  const awaited = deps.localTurns?.expect(replyId);
  const storing = deps.commands.handle(
    conversationDecider,
    streamId,
    {
      type: "SendMessage",
      userId: input.userId,
      agentId: input.agentId,
      messageId,
      clientMessageId: input.clientMessageId,
      text: input.text,
      now,
      ...(greeting ? { greeting } : {}),
    },
    commandContext(meta, `send-message:${messageId}`),
  );
  // After the append is on its way, so the reply's reads never go ahead of the commit.
  deps.localTurns?.warmUp(input.userId, input.agentId);
  const result = await storing.catch((error: unknown) => {
    awaited?.();
    throw error;
  });
  const sent = result.events.find((e) => e.type === "UserMessageSent");
  // A message sent before was answered then, or is being answered.
  if (!sent) awaited?.();
  if (sent && deps.bus) {
    const context = commandContext(meta, `send-message:${messageId}`);
    const nudge: ReplyNudge["payload"] = {
      streamId,
      userId: input.userId,
      agentId: input.agentId,
      causationId: eventIdFor(context.commandId, result.events.indexOf(sent)),
      correlationId: context.correlationId,
      requestId: context.requestId,
      ...(result.revision === null ? {} : { revision: result.revision }),
    };
    await deps.bus.publish(topics.replyNudges(), { kind: "conversation.nudge", payload: nudge });
  }
  if (sent) return { ...sent.data, revision: result.revision!, replyId, duplicate: false };
  const earlier = findMessageByClientId(result.state, input.clientMessageId);
  const stored = earlier ? await findStoredMessage(deps.events, streamId, earlier) : null;
  if (!stored)
    throw new DomainError("MessageNotFound", "NOT_FOUND", "The message could not be found; send it again.");
  return { ...stored, replyId: replyIdFor(stored.messageId, 1), duplicate: true };
}

/**
 * How old the agent's cached state may be when a message is checked against it. The check and the
 * message's append are two steps on two streams, so an agent archived by another process a moment
 * before could get a message either way; this process's own writes update the cache at once.
 */
const AGENT_CHECK_FRESH_MS = 1_000;

export async function requireActiveAgent(commands: CommandHandler, agentId: string): Promise<void> {
  const status = await requireKnownAgent(commands, agentId);
  if (status === "archived")
    throw new DomainError("AgentIsArchived", "CONFLICT", "This agent has left; pick another one.");
}

/** Refuses an agent that was never created (NOT_FOUND); an archived one is known still. */
export async function requireKnownAgent(
  commands: CommandHandler,
  agentId: string,
): Promise<"active" | "archived"> {
  const { state } = await commands.load(agentDecider, agentStreamId(agentId), {
    freshWithinMs: AGENT_CHECK_FRESH_MS,
  });
  if (state.status === "absent")
    throw new DomainError("AgentNotFound", "NOT_FOUND", "No such agent; pick one from the list.");
  return state.status;
}

/** The stored message a retried send stands for: one event read at the revision the state remembers. */
async function findStoredMessage(
  events: EventLog,
  streamId: string,
  earlier: { messageId: string; revision: number },
): Promise<Omit<SentMessage, "replyId" | "duplicate"> | null> {
  const [event] = await events.readStream(streamId, { fromRevision: earlier.revision, maxCount: 1 });
  if (event?.type === "UserMessageSent" && event.data.messageId === earlier.messageId)
    return { ...event.data, revision: event.revision };
  return null;
}
