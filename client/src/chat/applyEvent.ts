import {
  type ChatMessage,
  type ConversationEvent,
  type ConversationModel,
  fromServer,
  mergeMessage,
} from "./conversationModel.ts";
import { applyTreeEvent, followNewMessage } from "./pathModel.ts";
import { applyReplyEvent, blank, tail } from "./replyEvents.ts";

type Of<T extends ConversationEvent["__typename"]> = Extract<ConversationEvent, { __typename: T }>;
type ImageJob = Of<"ImageJobUpdated">["imageJob"];

const IMAGE_STATUS: Record<ImageJob["status"], ChatMessage["status"]> = {
  REQUESTED: "QUEUED",
  SUBMITTED: "QUEUED",
  PROGRESSING: "RUNNING",
  RETRY_SCHEDULED: "RUNNING",
  SUCCEEDED: "SUCCEEDED",
  FAILED: "FAILED",
};

/**
 * Folds one conversation event into the model. Stored events carry a revision: mood and affinity
 * move only for revisions not applied yet (so a replay never shows a cue twice), while messages
 * merge forward-only whatever their revision. Deltas and typing are live only.
 */
export function applyEvent(model: ConversationModel, event: ConversationEvent): ConversationModel {
  const revision = revisionOf(event);
  const fresh = revision !== null && revision > model.lastRevision;
  const next = applyOne(model, event, fresh);
  return revision !== null && fresh ? { ...next, lastRevision: revision } : next;
}

/** The conversation revision of a stored event; null for live-only ones. */
export function revisionOf(event: ConversationEvent): number | null {
  if ("revision" in event) return event.revision;
  if ("grantRevision" in event) return event.grantRevision ?? null;
  return null;
}

function applyOne(model: ConversationModel, event: ConversationEvent, fresh: boolean): ConversationModel {
  switch (event.__typename) {
    case "MessageAdded": {
      const pending = { ...model.pending };
      if (event.message.clientMessageId) delete pending[event.message.clientMessageId];
      const added = { ...model, pending, messages: mergeMessage(model.messages, fromServer(event.message)) };
      return followNewMessage(added, "message", event.message.id);
    }
    case "ReplyStarted":
    case "ReplyDelta":
    case "ReplyAbandoned":
    case "ReplyCompleted":
    case "ReplyFailed":
      return applyReplyEvent(model, event);
    case "StateChanged": {
      if (!fresh) return model;
      const feeling = {
        mood: event.mood,
        moodIntensity: event.moodIntensity,
        moodReason: event.reason,
        affinity: event.affinity,
      };
      const cues = event.affinityDelta
        ? [...model.cues, { id: event.revision, delta: event.affinityDelta, reason: event.reason }].slice(-3)
        : model.cues;
      return { ...model, feeling, cues };
    }
    case "Typing":
      return { ...model, typing: event.typing };
    case "ImageJobUpdated": {
      const job = event.imageJob;
      const key = `image:${job.id}`;
      const existing = model.messages[key];
      const image = { imageJobId: job.id, url: job.url, width: job.width, height: job.height };
      const updated = blank({
        ...(existing ?? {}),
        id: existing?.id ?? key,
        kind: "IMAGE",
        status: IMAGE_STATUS[job.status],
        image,
        failureReason: job.failureMessage,
        queuePosition: job.queuePosition,
        seq: existing?.seq ?? event.grantRevision ?? tail(model),
      });
      return { ...model, messages: mergeMessage(model.messages, updated) };
    }
    case "ImageRequestDeclined": {
      const note = blank({
        id: `declined:${event.inReplyTo}`,
        kind: "IMAGE_DECLINED",
        status: "DECLINED",
        inReplyTo: event.inReplyTo,
        declineReason: event.declineReason,
        seq: event.revision,
      });
      return { ...model, messages: mergeMessage(model.messages, note) };
    }
    case "PathChanged":
    case "MessageVisibilityChanged":
      return applyTreeEvent(model, event, fresh);
    default:
      return model;
  }
}
