import { z } from "zod";
import type { ImageJobState } from "../../domain/imageJob/decider.ts";
import { assertNever } from "../../domain/shared/decider.ts";
import { builder } from "../builder.ts";
import { viewerOf } from "../context.ts";
import { type ConversationEventPayload, conversationEvents } from "../conversationStream.ts";
import { imageJobViewOf } from "../imageJobView.ts";
import type { LiveConversationEvent } from "../liveMessages.ts";
import { cancellable } from "../subscriptionLifetime.ts";
import { ImageJobRef } from "./imageJob.ts";
import { id, MessageRef } from "./message.ts";
import { ImageDeclineReasonEnum, MoodEnum } from "./shared.ts";
import { MessageVisibilityChanged, PathChanged } from "./treeUpdates.ts";

type Of<K extends ConversationEventPayload["kind"]> = Extract<ConversationEventPayload, { kind: K }>;
const revision =
  "The conversation's revision of the stored event; resubscribe with afterRevision set to the last one seen.";

const MessageAdded = builder.objectRef<Of<"messageAdded">>("MessageAdded").implement({
  description: "A message from the person (their own included) or one the agent started.",
  fields: (t) => ({
    revision: t.exposeInt("revision", { description: revision }),
    message: t.field({ type: MessageRef, resolve: (e) => e.message }),
  }),
});

const ReplyStarted = builder.objectRef<Of<"replyStarted">>("ReplyStarted").implement({
  fields: (t) => ({
    revision: t.exposeInt("revision", { description: revision }),
    replyId: t.exposeID("replyId"),
    inReplyTo: t.exposeID("inReplyTo"),
    attempt: t.exposeInt("attempt"),
  }),
});

const ReplyDelta = builder
  .objectRef<Extract<LiveConversationEvent, { kind: "replyDelta" }>>("ReplyDelta")
  .implement({
    description: "A piece of a reply being written; live only (not replayed on reconnect).",
    fields: (t) => ({
      replyId: t.exposeID("replyId"),
      text: t.exposeString("text"),
      index: t.exposeInt("index", { nullable: true }),
    }),
  });

const ReplyAbandoned = builder
  .objectRef<Extract<LiveConversationEvent, { kind: "replyAbandoned" }>>("ReplyAbandoned")
  .implement({
    description:
      "A reply whose deltas may have been shown will never be stored: its start was refused (the message was edited, hidden or branched away from, or answered elsewhere) or failed. Drop what was shown of it; the message may still be answered later, under the same replyId. Live only.",
    fields: (t) => ({
      replyId: t.exposeID("replyId"),
      inReplyTo: t.exposeID("inReplyTo"),
      reason: t.exposeString("reason", { description: "Why the reply was not stored, in words." }),
    }),
  });

const ReplyCompleted = builder.objectRef<Of<"replyCompleted">>("ReplyCompleted").implement({
  fields: (t) => ({
    revision: t.exposeInt("revision", { description: revision }),
    replyId: t.exposeID("replyId"),
    message: t.field({ type: MessageRef, resolve: (e) => e.message }),
  }),
});

const ReplyFailed = builder.objectRef<Of<"replyFailed">>("ReplyFailed").implement({
  description: "The reply could not be written; when retryable, call retryReply.",
  fields: (t) => ({
    revision: t.exposeInt("revision", { description: revision }),
    replyId: t.exposeID("replyId"),
    inReplyTo: t.exposeID("inReplyTo"),
    reason: t.exposeString("reason"),
    message: t.exposeString("message"),
    retryable: t.exposeBoolean("retryable"),
  }),
});

const StateChanged = builder.objectRef<Of<"stateChanged">>("StateChanged").implement({
  description: "Mood or affinity moved; both are given as they are now.",
  fields: (t) => ({
    revision: t.exposeInt("revision", { description: revision }),
    mood: t.field({ type: MoodEnum, resolve: (e) => e.mood.mood }),
    moodIntensity: t.float({ resolve: (e) => e.mood.intensity }),
    affinity: t.exposeInt("affinity"),
    affinityDelta: t.exposeInt("affinityDelta", {
      nullable: true,
      description: "Null when only the mood moved.",
    }),
    reason: t.exposeString("reason"),
  }),
});

const Typing = builder.objectRef<Extract<LiveConversationEvent, { kind: "typing" }>>("Typing").implement({
  description:
    "The agent is (or stopped) typing; live only. A reply whose first words are ready at once comes without it.",
  fields: (t) => ({ typing: t.exposeBoolean("typing"), replyId: t.exposeID("replyId", { nullable: true }) }),
});

const ImageJobUpdated = builder
  .objectRef<{ kind: "imageJobUpdated"; revision: number | null; job: ImageJobState }>("ImageJobUpdated")
  .implement({
    fields: (t) => ({
      revision: t.exposeInt("revision", {
        nullable: true,
        description:
          "The conversation's revision of the grant that started the job: where the picture belongs in the timeline.",
      }),
      imageJob: t.field({ type: ImageJobRef, resolve: (e) => imageJobViewOf(e.job, e.revision ?? 0) }),
    }),
  });

const ImageRequestDeclined = builder.objectRef<Of<"imageRequestDeclined">>("ImageRequestDeclined").implement({
  fields: (t) => ({
    revision: t.exposeInt("revision", { description: revision }),
    reason: t.exposeString("reason", {
      deprecationReason: "Use declineReason: the same code as the ImageDeclineReason enum.",
    }),
    declineReason: t.field({
      type: ImageDeclineReasonEnum,
      description: "Why no picture was sent; the client shows each reason in words.",
      resolve: (e) => e.reason,
    }),
    inReplyTo: t.exposeID("inReplyTo"),
  }),
});

export const ConversationEvent = builder.unionType("ConversationEvent", {
  types: [
    MessageAdded,
    ReplyStarted,
    ReplyDelta,
    ReplyAbandoned,
    ReplyCompleted,
    ReplyFailed,
    StateChanged,
    Typing,
    ImageJobUpdated,
    ImageRequestDeclined,
    PathChanged,
    MessageVisibilityChanged,
  ],
  resolveType: (event) => typeNameOf(event),
});

function typeNameOf(event: ConversationEventPayload): string {
  switch (event.kind) {
    case "messageAdded":
      return "MessageAdded";
    case "replyStarted":
      return "ReplyStarted";
    case "replyDelta":
      return "ReplyDelta";
    case "replyAbandoned":
      return "ReplyAbandoned";
    case "replyCompleted":
      return "ReplyCompleted";
    case "replyFailed":
      return "ReplyFailed";
    case "stateChanged":
      return "StateChanged";
    case "typing":
      return "Typing";
    case "imageJobUpdated":
      return "ImageJobUpdated";
    case "imageRequestDeclined":
      return "ImageRequestDeclined";
    case "pathChanged":
      return "PathChanged";
    case "messageVisibilityChanged":
      return "MessageVisibilityChanged";
    default:
      return assertNever(event);
  }
}

builder.subscriptionField("conversationEvents", (t) =>
  t.field({
    type: ConversationEvent,
    description:
      "The viewer's conversation with an agent, live: messages (the viewer's own too), reply deltas, the completed, failed or abandoned reply, mood and affinity changes, typing, image jobs, and changes of the path shown (PathChanged, MessageVisibilityChanged). With afterRevision, the stored events after it come first, so a reconnecting client gets what it missed.",
    authScopes: { viewer: true },
    args: { agentId: t.arg.id({ required: true }), afterRevision: t.arg.int() },
    subscribe: (_root, args, context) => {
      const agentId = id.parse(String(args.agentId));
      const after = z.number().int().min(-1).nullish().parse(args.afterRevision) ?? null;
      return cancellable(context, (cancelled) =>
        conversationEvents(context, viewerOf(context), agentId, after, cancelled),
      );
    },
    resolve: (event) => event,
  }),
);
