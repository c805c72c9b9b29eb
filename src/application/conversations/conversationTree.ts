import type { ConversationCommand } from "../../domain/conversation/commands.ts";
import {
  type ConversationState,
  conversationDecider,
  findMessage,
} from "../../domain/conversation/decider.ts";
import type { ConversationEvent } from "../../domain/conversation/events.ts";
import { conversationStreamId } from "../../domain/streamIds.ts";
import { topics } from "../../ports/liveBus.ts";
import { eventIdFor, type HandledCommand } from "../commandHandler.ts";
import { commandContext, type RequestMeta } from "../users/requestMeta.ts";
import { refusalFor } from "./awaitedReplies.ts";
import { messageIdFor, regeneratedReplyIdFor, replyIdFor } from "./messageIds.ts";
import { type ConversationDeps, requireActiveAgent } from "./sendMessage.ts";

/** Who asks to change which conversation's tree, under which client request id. */
export interface TreeRequest {
  userId: string;
  agentId: string;
  clientRequestId: string;
}

/** Where the conversation stands after a change of its tree. */
export interface TreeChange {
  /** The end of the active path now. */
  leafId: string | null;
  /** The conversation's revision after the change. */
  revision: number;
  /** True when this client request had been handled before: nothing new was written. */
  duplicate: boolean;
}

/** A new reply beside `replyId`, streamed under `replyId` of the result by the reply reactor. */
export async function regenerateReply(
  deps: ConversationDeps,
  input: TreeRequest & { replyId: string },
  meta: RequestMeta,
): Promise<TreeChange & { replyId: string }> {
  await requireActiveAgent(deps.commands, input.agentId);
  const newReplyId = regeneratedReplyIdFor(input.userId, input.agentId, input.clientRequestId);
  const { userId, agentId, replyId, clientRequestId } = input;
  const change = await handle(
    deps,
    { type: "RegenerateReply", userId, agentId, replyId, newReplyId, clientRequestId, now: iso(meta) },
    meta,
    `regenerate-reply:${newReplyId}`,
    "AgentReplyStarted",
  );
  return { ...change, replyId: newReplyId };
}

/** A new message beside `messageId` with `text`; its reply streams under `replyId` of the result. */
export async function editMessage(
  deps: ConversationDeps,
  input: Omit<TreeRequest, "clientRequestId"> & { messageId: string; clientMessageId: string; text: string },
  meta: RequestMeta,
): Promise<
  TreeChange & { messageId: string; parentId: string | null; replyId: string; sentAt: string; text: string }
> {
  await requireActiveAgent(deps.commands, input.agentId);
  const newMessageId = messageIdFor(input.userId, input.agentId, input.clientMessageId);
  const { userId, agentId, messageId, clientMessageId, text } = input;
  const change = await handle(
    deps,
    { type: "EditMessage", userId, agentId, messageId, newMessageId, clientMessageId, text, now: iso(meta) },
    meta,
    `edit-message:${newMessageId}`,
    "UserMessageSent",
  );
  const sent = change.state.recentUserMessages.find((m) => m.messageId === newMessageId);
  return {
    leafId: change.leafId,
    revision: change.revision,
    duplicate: change.duplicate,
    messageId: newMessageId,
    parentId: findMessage(change.state, newMessageId)?.parentId ?? null,
    replyId: replyIdFor(newMessageId, 1),
    sentAt: sent?.sentAt ?? iso(meta),
    text: text.trim(),
  };
}

/** Shows `messageId`, an alternative of a message on the path, with its branch as it was left. */
export function chooseAlternative(
  deps: ConversationDeps,
  input: TreeRequest & { messageId: string },
  meta: RequestMeta,
): Promise<TreeChange> {
  return treeRequest(deps, "ChooseSibling", input, meta);
}

/** Continues the conversation from `messageId`: it becomes the end of the path. */
export function branchFrom(
  deps: ConversationDeps,
  input: TreeRequest & { messageId: string },
  meta: RequestMeta,
): Promise<TreeChange> {
  return treeRequest(deps, "BranchFrom", input, meta);
}

export function hideMessage(
  deps: ConversationDeps,
  input: TreeRequest & { messageId: string },
  meta: RequestMeta,
): Promise<TreeChange> {
  return treeRequest(deps, "HideMessage", input, meta);
}

export function unhideMessage(
  deps: ConversationDeps,
  input: TreeRequest & { messageId: string },
  meta: RequestMeta,
): Promise<TreeChange> {
  return treeRequest(deps, "UnhideMessage", input, meta);
}

async function treeRequest(
  deps: ConversationDeps,
  type: "ChooseSibling" | "BranchFrom" | "HideMessage" | "UnhideMessage",
  input: TreeRequest & { messageId: string },
  meta: RequestMeta,
): Promise<TreeChange> {
  const { userId, agentId, messageId, clientRequestId } = input;
  const commandId = `${type}:${conversationStreamId(userId, agentId)}:${clientRequestId}`;
  const change = await handle(
    deps,
    { type, userId, agentId, messageId, clientRequestId, now: iso(meta) },
    meta,
    commandId,
    null,
  );
  return { leafId: change.leafId, revision: change.revision, duplicate: change.duplicate };
}

/**
 * Runs a tree command; when it wrote a message or reply to answer (`nudgeOn`), tells the reply
 * reactor at once, as sending a message does.
 */
async function handle(
  deps: ConversationDeps,
  command: ConversationCommand,
  meta: RequestMeta,
  commandId: string,
  nudgeOn: ConversationEvent["type"] | null,
): Promise<TreeChange & { state: ConversationState }> {
  const streamId = conversationStreamId(command.userId, command.agentId);
  const context = commandContext(meta, commandId);
  const result: HandledCommand<ConversationState, ConversationEvent> = await deps.commands
    .handle(conversationDecider, streamId, command, context)
    .catch(async (error: unknown) => {
      throw await refusalFor(deps.commands, streamId, command, error);
    });
  const trigger = nudgeOn ? result.events.find((e) => e.type === nudgeOn) : undefined;
  if (trigger && deps.bus) {
    const payload = {
      streamId,
      userId: command.userId,
      agentId: command.agentId,
      causationId: eventIdFor(context.commandId, result.events.indexOf(trigger)),
      correlationId: context.correlationId,
      requestId: context.requestId,
    };
    await deps.bus.publish(topics.replyNudges(), { kind: "conversation.nudge", payload });
  }
  return {
    state: result.state,
    leafId: result.state.activeLeafId,
    revision: result.revision ?? -1,
    duplicate: result.events.length === 0,
  };
}

const iso = (meta: RequestMeta) => meta.now.toISOString();
