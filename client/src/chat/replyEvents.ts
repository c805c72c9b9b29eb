import {
  type ChatMessage,
  type ConversationEvent,
  type ConversationModel,
  fromServer,
  keyOf,
  mergeMessage,
} from "./conversationModel.ts";
import { followNewMessage } from "./pathModel.ts";

type ReplyEvent = Extract<
  ConversationEvent,
  { __typename: "ReplyStarted" | "ReplyDelta" | "ReplyAbandoned" | "ReplyCompleted" | "ReplyFailed" }
>;

export const blank = (
  fields: Partial<ChatMessage> & Pick<ChatMessage, "id" | "kind" | "status" | "seq">,
): ChatMessage => {
  const now = new Date().toISOString();
  return {
    cursor: String(fields.seq),
    role: "AGENT",
    text: null,
    clientMessageId: null,
    inReplyTo: null,
    attempt: null,
    failureReason: null,
    retryable: null,
    declineReason: null,
    createdAt: now,
    updatedAt: now,
    image: null,
    parentId: null,
    siblingIds: null,
    siblingIndex: null,
    hidden: false,
    hiddenReplyId: null,
    ...fields,
  };
};

/** Where something without a stored position goes: after everything seen so far. */
export const tail = (model: ConversationModel) =>
  Math.max(
    model.lastRevision,
    ...Object.values(model.messages)
      .map((m) => m.seq)
      .filter((seq) => seq < Number.MAX_SAFE_INTEGER),
  ) + 0.5;

/** A reply's start, pieces, end or abandonment, folded into the model. */
export function applyReplyEvent(model: ConversationModel, event: ReplyEvent): ConversationModel {
  switch (event.__typename) {
    case "ReplyStarted": {
      const key = keyOf({ id: event.replyId, kind: "REPLY", inReplyTo: event.inReplyTo, image: null });
      const existing = model.messages[key];
      const started = blank({
        ...(existing ?? {}),
        id: event.replyId,
        kind: "REPLY",
        status: "STREAMING",
        text: null,
        inReplyTo: event.inReplyTo,
        attempt: event.attempt,
        failureReason: null,
        retryable: null,
        seq: existing?.seq ?? event.revision,
      });
      const next = {
        ...model,
        replyTargets: { ...model.replyTargets, [event.replyId]: event.inReplyTo },
        messages: mergeMessage(model.messages, started),
      };
      return event.attempt > 1 ? next : followNewMessage(next, "reply", event.replyId);
    }
    case "ReplyDelta": {
      // A piece that arrives after its reply was stored (the two travel apart) would stream forever.
      if (isFinished(model, event.replyId)) return model;
      const pieces = [...(model.streams[event.replyId] ?? [])];
      pieces[event.index ?? pieces.length] = event.text;
      const target = model.replyTargets[event.replyId];
      const key = target ? `reply:${target}` : null;
      const messages =
        key && !model.messages[key]
          ? mergeMessage(
              model.messages,
              blank({
                id: event.replyId,
                kind: "REPLY",
                status: "STREAMING",
                inReplyTo: target!,
                seq: tail(model),
              }),
            )
          : model.messages;
      return { ...model, messages, typing: false, streams: { ...model.streams, [event.replyId]: pieces } };
    }
    case "ReplyAbandoned": {
      // Never stored: what was shown of it goes, and the message may be answered again under this id.
      const { [event.replyId]: _, ...streams } = model.streams;
      const key = `reply:${event.inReplyTo}`;
      const shown = model.messages[key];
      const { [key]: __, ...rest } = model.messages;
      const messages = shown?.id === event.replyId && shown.status === "STREAMING" ? rest : model.messages;
      return { ...model, streams, messages, typing: false };
    }
    case "ReplyCompleted": {
      const { [event.replyId]: _, ...streams } = model.streams;
      return {
        ...model,
        streams,
        finishedReplies: { ...model.finishedReplies, [event.replyId]: true },
        messages: mergeMessage(model.messages, fromServer(event.message)),
      };
    }
    case "ReplyFailed": {
      const key = keyOf({ id: event.replyId, kind: "REPLY", inReplyTo: event.inReplyTo, image: null });
      const existing = model.messages[key];
      const { [event.replyId]: _, ...streams } = model.streams;
      const finishedReplies = { ...model.finishedReplies, [event.replyId]: true as const };
      // Another attempt shown there already started after this one.
      if (existing && existing.id !== event.replyId) return { ...model, streams, finishedReplies };
      const failed = blank({
        ...(existing ?? {}),
        id: event.replyId,
        kind: "REPLY",
        status: "FAILED",
        inReplyTo: event.inReplyTo,
        attempt: existing?.attempt ?? 1,
        failureReason: event.failureMessage || event.reason,
        retryable: event.retryable,
        seq: existing?.seq ?? event.revision,
      });
      return {
        ...model,
        streams,
        finishedReplies,
        typing: false,
        messages: mergeMessage(model.messages, failed),
      };
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/** Whether the reply is stored as completed or failed, no longer written. */
function isFinished(model: ConversationModel, replyId: string): boolean {
  if (model.finishedReplies[replyId]) return true;
  const target = model.replyTargets[replyId];
  const shown = target ? model.messages[`reply:${target}`] : undefined;
  if (shown?.id === replyId) return shown.status !== "STREAMING";
  return Object.values(model.messages).some((m) => m.id === replyId && m.status !== "STREAMING");
}
