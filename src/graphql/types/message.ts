import { z } from "zod";
import type { MessageView } from "../../../projections/messages/messageView.ts";
import type { MessageOnPath } from "../../../projections/messages/queries.ts";
import { MESSAGE_KINDS, MESSAGE_STATUSES } from "../../../projections/messages/rows.ts";
import type { MessageRecord } from "../../application/conversations/messageRecord.ts";
import { retryReply } from "../../application/conversations/retryReply.ts";
import { type SentMessage, sendMessage } from "../../application/conversations/sendMessage.ts";
import { ImageDeclineReasonSchema, MESSAGE_MAX } from "../../domain/conversation/events.ts";
import { charCount } from "../../domain/shared/text.ts";
import { requireAgentInSight } from "../agentInSight.ts";
import { builder } from "../builder.ts";
import { requestMeta, viewerOf } from "../context.ts";
import { viewableUrl, viewLinkDescription } from "../mediaLinks.ts";
import { treeFields } from "./messageTree.ts";
import { enumOf, ImageDeclineReasonEnum } from "./shared.ts";

/** A message from the read model, or one built from the stored event for a live update. */
export type MessageShape = MessageRecord | MessageView | MessageOnPath;

const MessageKindEnum = enumOf("MessageKind", MESSAGE_KINDS, "What sort of entry this is in the timeline.");
const MessageStatusEnum = enumOf("MessageStatus", MESSAGE_STATUSES, "Where the message is in its life.");
const MessageRoleEnum = enumOf("MessageRole", ["user", "agent"] as const, "Who wrote it.");

export const ImageRef = builder.objectRef<NonNullable<MessageView["image"]>>("MessageImage").implement({
  fields: (t) => ({
    imageJobId: t.exposeID("imageJobId"),
    url: t.string({
      nullable: true,
      description: viewLinkDescription("picture"),
      resolve: (image, _args, context) => viewableUrl(context, image.url),
    }),
    width: t.exposeInt("width", { nullable: true }),
    height: t.exposeInt("height", { nullable: true }),
  }),
});

export const MessageRef = builder.objectRef<MessageShape>("Message").implement({
  description: "One entry in a conversation's timeline.",
  fields: (t) => ({
    id: t.exposeID("messageId"),
    cursor: t.exposeString("cursor", { description: "Pass as `before` to load earlier messages." }),
    kind: t.field({ type: MessageKindEnum, resolve: (m) => m.kind }),
    role: t.field({ type: MessageRoleEnum, resolve: (m) => m.role }),
    text: t.exposeString("text", {
      nullable: true,
      description: "Null while a reply streams, and for images.",
    }),
    status: t.field({ type: MessageStatusEnum, resolve: (m) => m.status }),
    clientMessageId: t.exposeID("clientMessageId", { nullable: true }),
    inReplyTo: t.exposeID("inReplyTo", {
      nullable: true,
      description: "For a reply: the message it answers.",
    }),
    attempt: t.exposeInt("attempt", { nullable: true }),
    failureReason: t.string({
      nullable: true,
      resolve: (m) => ("failureReason" in m ? m.failureReason : null),
    }),
    retryable: t.boolean({ nullable: true, resolve: (m) => ("retryable" in m ? m.retryable : null) }),
    image: t.field({ type: ImageRef, nullable: true, resolve: (m) => ("image" in m ? m.image : null) }),
    declineReason: t.field({
      type: ImageDeclineReasonEnum,
      nullable: true,
      resolve: (m) => {
        const parsed = ImageDeclineReasonSchema.safeParse("declineReason" in m ? m.declineReason : null);
        return parsed.success ? parsed.data : null;
      },
    }),
    createdAt: t.field({ type: "DateTime", resolve: (m) => m.createdAt }),
    updatedAt: t.field({ type: "DateTime", resolve: (m) => m.updatedAt }),
    ...treeFields(t),
  }),
});

export function sentMessageShape(sent: SentMessage): MessageRecord {
  return {
    seq: sent.revision,
    cursor: String(sent.revision),
    messageId: sent.messageId,
    kind: "user",
    role: "user",
    text: sent.text,
    status: "sent",
    clientMessageId: sent.clientMessageId,
    inReplyTo: null,
    attempt: null,
    createdAt: sent.sentAt,
    updatedAt: sent.sentAt,
  };
}

export const SentMessagePayload = builder.objectRef<SentMessage>("SendMessagePayload").implement({
  fields: (t) => ({
    message: t.field({ type: MessageRef, resolve: sentMessageShape }),
    replyId: t.exposeID("replyId", {
      description:
        "The id the agent's reply will stream under (ReplyDelta.replyId, then ReplyCompleted). It is derived from the message id, so it is known before the reply starts.",
    }),
    duplicate: t.exposeBoolean("duplicate", {
      description:
        "True when this clientMessageId was sent before: the stored message is returned and nothing is sent twice.",
    }),
  }),
});

export const id = z.string().trim().min(1, "must not be empty").max(128, "must be at most 128 characters");
const sendInput = z.object({
  agentId: id,
  clientMessageId: id.regex(/^[\w:.-]+$/, "may hold letters, digits, _ : . and - only"),
  text: z
    .string()
    .refine((text) => text.trim().length > 0, "write something before sending")
    .refine((text) => charCount(text.trim()) <= MESSAGE_MAX, `must be at most ${MESSAGE_MAX} characters`),
});

const SendMessageInput = builder.inputType("SendMessageInput", {
  fields: (t) => ({
    agentId: t.id({ required: true }),
    text: t.string({ required: true, description: `1 to ${MESSAGE_MAX} characters.` }),
    clientMessageId: t.id({
      required: true,
      description:
        "Chosen by the client (e.g. a UUID); sending again with the same id is a retry, never a second message.",
    }),
  }),
});

builder.mutationField("sendMessage", (t) =>
  t.field({
    type: SentMessagePayload,
    description: "Sends a message to an agent and returns at once; the reply streams on conversationEvents.",
    authScopes: { viewer: true },
    args: { input: t.arg({ type: SendMessageInput, required: true }) },
    resolve: async (_root, args, context) => {
      const input = sendInput.parse(args.input);
      await requireAgentInSight(context, input.agentId);
      const { commands, events, bus, localTurns } = context.services;
      return sendMessage(
        { commands, events, bus, ...(localTurns ? { localTurns } : {}) },
        { ...input, userId: viewerOf(context).userId },
        requestMeta(context),
      );
    },
  }),
);

const RetryReplyInput = builder.inputType("RetryReplyInput", {
  fields: (t) => ({ agentId: t.id({ required: true }), messageId: t.id({ required: true }) }),
});

const RetryReplyPayload = builder
  .objectRef<{ replyId: string; attempt: number }>("RetryReplyPayload")
  .implement({
    fields: (t) => ({
      replyId: t.exposeID("replyId", {
        description: "The new attempt's reply id; it streams on conversationEvents.",
      }),
      attempt: t.exposeInt("attempt"),
    }),
  });

builder.mutationField("retryReply", (t) =>
  t.field({
    type: RetryReplyPayload,
    description: "Tries again to answer a message whose reply failed.",
    authScopes: { viewer: true },
    args: { input: t.arg({ type: RetryReplyInput, required: true }) },
    resolve: (_root, args, context) => {
      const input = z.object({ agentId: id, messageId: id }).parse(args.input);
      const userId = viewerOf(context).userId;
      return retryReply(context.services.commands, { ...input, userId }, requestMeta(context));
    },
  }),
);
