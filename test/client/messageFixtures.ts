import type { ChatMessage, ServerMessage } from "../../client/src/chat/conversationModel.ts";

/** When every fixture message was written. */
export const AT = "2026-06-10T10:00:00.000Z";

/** A person's sent "hello" as the server gives it, with `fields` laid over. */
export const serverMessage = (
  fields: Partial<ServerMessage> & Pick<ServerMessage, "id" | "cursor">,
): ServerMessage => ({
  kind: "USER",
  role: "USER",
  text: "hello",
  status: "SENT",
  clientMessageId: null,
  inReplyTo: null,
  attempt: null,
  failureReason: null,
  retryable: null,
  declineReason: null,
  createdAt: AT,
  updatedAt: AT,
  image: null,
  parentId: null,
  siblingIds: null,
  siblingIndex: null,
  hidden: false,
  hiddenReplyId: null,
  ...fields,
});

/** The same as the chat holds it, at revision `seq`. */
export const chatMessage = (fields: Partial<ChatMessage> & Pick<ChatMessage, "id" | "seq">): ChatMessage => ({
  ...serverMessage({ cursor: String(fields.seq), ...fields }),
  seq: fields.seq,
});
