import type { ConversationAddress } from "./address.ts";

/*
 * The person's control over the conversation as a tree. Each is idempotent by a client id: the
 * same command again produces no events; the same client id with a different request is a
 * CONFLICT (`ClientRequestIdReused`, or `ClientMessageIdReused` for an edit).
 */

/**
 * A new reply beside `replyId` (same parent, answering the same user message), streamed like any
 * reply: it starts at once under `newReplyId`, and the reply reactor finishes it as it finishes a
 * reply under way (CompleteReply / FailReply / RetryReply with that id). The path moves to it.
 */
export interface RegenerateReply extends ConversationAddress {
  type: "RegenerateReply";
  replyId: string;
  newReplyId: string;
  clientRequestId: string;
}

/**
 * A new user message beside `messageId` (same parent) with the new text; the path moves to it and
 * it waits for its own reply like any sent message. Idempotent by `clientMessageId`, as SendMessage.
 */
export interface EditMessage extends ConversationAddress {
  type: "EditMessage";
  messageId: string;
  newMessageId: string;
  clientMessageId: string;
  text: string;
}

/**
 * Shows `messageId`, an alternative of a message on the active path (a child of a message on the
 * path, or a first message); the path opens that branch where it was last left.
 */
export interface ChooseSibling extends ConversationAddress {
  type: "ChooseSibling";
  messageId: string;
  clientRequestId: string;
}

/** Continues from `messageId`, any message of the conversation: it becomes the active leaf. */
export interface BranchFrom extends ConversationAddress {
  type: "BranchFrom";
  messageId: string;
  clientRequestId: string;
}

/**
 * Hides a message from what the person sees and from what the agent is given. The path still runs
 * through it and what it caused stays; to take that back, branch from before it.
 */
export interface HideMessage extends ConversationAddress {
  type: "HideMessage";
  messageId: string;
  clientRequestId: string;
}

export interface UnhideMessage extends ConversationAddress {
  type: "UnhideMessage";
  messageId: string;
  clientRequestId: string;
}
