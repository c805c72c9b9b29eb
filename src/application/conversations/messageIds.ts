import { uuidv5 } from "../nameUuid.ts";

const MESSAGE_ID_NAMESPACE = "c5a3e1d2-8f47-4b6a-a0e9-3d7b2c4f5e61";
const REPLY_ID_NAMESPACE = "9e2d7c1b-4a3f-4e8d-b6c5-1f0a9b8e7d32";

/**
 * A person's message id follows from their client message id, so sending again with the same
 * client id is the same command and never a second message.
 */
export function messageIdFor(userId: string, agentId: string, clientMessageId: string): string {
  return uuidv5(`${userId}:${agentId}:${clientMessageId}`, MESSAGE_ID_NAMESPACE);
}

const GREETING_ID_NAMESPACE = "0d6f3b8e-2a71-4c95-8e4d-7b1a9c3f6e25";

/** The greeting that opens a conversation: one per person and agent, apart from any client id. */
export function greetingIdFor(userId: string, agentId: string): string {
  return uuidv5(`${userId}:${agentId}`, GREETING_ID_NAMESPACE);
}

/**
 * The reply to a message on a given attempt (1 for the first). The API hands it out before the
 * reply exists and the reply reactor starts the reply under the same id, so a client can match
 * streamed deltas to the message it sent.
 */
export function replyIdFor(messageId: string, attempt: number): string {
  return uuidv5(`${messageId}:reply:${attempt}`, REPLY_ID_NAMESPACE);
}

const REGENERATED_REPLY_NAMESPACE = "4b8f2e6a-1c7d-4f3e-9a5b-8d2c6e1f7a94";

/** A regenerated reply's id follows from the client request, so asking again is the same reply. */
export function regeneratedReplyIdFor(userId: string, agentId: string, clientRequestId: string): string {
  return uuidv5(`${userId}:${agentId}:${clientRequestId}`, REGENERATED_REPLY_NAMESPACE);
}
