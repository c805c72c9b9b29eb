import { z } from "zod";
import { requestImage } from "../../application/conversations/requestImage.ts";
import { type ImageJobState, imageJobDecider } from "../../domain/imageJob/decider.ts";
import { imageJobStreamId } from "../../domain/streamIds.ts";
import { AsyncQueue } from "../asyncQueue.ts";
import { builder } from "../builder.ts";
import { type GraphQLContext, requestMeta, viewerOf } from "../context.ts";
import { forbidden, notFound, unauthenticated } from "../errors.ts";
import { cancellable, subscriptionLifetime } from "../subscriptionLifetime.ts";
import { id, SentMessagePayload } from "./message.ts";
import { enumOf } from "./shared.ts";

const ImageJobKindEnum = enumOf(
  "ImageJobKind",
  ["basePortrait", "variation"] as const,
  "A base portrait or a picture for a person.",
);
const ImageJobStatusEnum = enumOf(
  "ImageJobStatus",
  ["requested", "submitted", "progressing", "retryScheduled", "succeeded", "failed"] as const,
  "requested → submitted → progressing → succeeded | failed; a failed attempt with attempts left is retryScheduled.",
);

export const ImageJobRef = builder.objectRef<ImageJobState>("ImageJob").implement({
  description: "A portrait or selfie being made.",
  fields: (t) => ({
    id: t.id({ resolve: (j) => j.imageJobId! }),
    kind: t.field({ type: ImageJobKindEnum, resolve: (j) => j.kind! }),
    status: t.field({
      type: ImageJobStatusEnum,
      resolve: (j) => (j.status === "absent" ? "requested" : j.status),
    }),
    agentId: t.id({ resolve: (j) => j.agentId! }),
    attempt: t.exposeInt("attempt"),
    maxAttempts: t.exposeInt("maxAttempts"),
    queuePosition: t.int({ nullable: true, resolve: (j) => j.progress?.queuePosition ?? null }),
    url: t.string({ nullable: true, resolve: (j) => j.result?.url ?? null }),
    width: t.int({ nullable: true, resolve: (j) => j.result?.width ?? null }),
    height: t.int({ nullable: true, resolve: (j) => j.result?.height ?? null }),
    failureReason: t.string({ nullable: true, resolve: (j) => j.failure?.reason ?? null }),
    failureMessage: t.string({ nullable: true, resolve: (j) => j.failure?.message ?? null }),
    retryNotBefore: t.field({ type: "DateTime", nullable: true, resolve: (j) => j.retryNotBefore }),
  }),
});

/** The job, when the viewer may see it: their own pictures, any agent's portrait, everything for admins. */
async function visibleJob(context: GraphQLContext, imageJobId: string): Promise<ImageJobState> {
  const { state } = await context.services.commands.load(imageJobDecider, imageJobStreamId(imageJobId));
  if (state.status === "absent") throw notFound("No such image job.");
  const viewer = viewerOf(context);
  if (viewer.role !== "admin" && state.kind !== "basePortrait" && state.userId !== viewer.userId)
    throw forbidden("This picture belongs to someone else's conversation.");
  return state;
}

builder.queryField("imageJob", (t) =>
  t.field({
    type: ImageJobRef,
    authScopes: { viewer: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, context) => visibleJob(context, id.parse(String(args.id))),
  }),
);

const RequestImageInput = builder.inputType("RequestImageInput", {
  fields: (t) => ({
    agentId: t.id({ required: true }),
    prompt: t.string({
      description: "What the picture should show; a selfie when left out (at most 500 characters).",
    }),
    clientRequestId: t.id({
      description: "An idempotency key: asking again with it is a retry, not a second request.",
    }),
  }),
});

builder.mutationField("requestImage", (t) =>
  t.field({
    type: SentMessagePayload,
    description:
      "Asks the agent for a picture, as a message in the conversation. The agent decides when it replies (affinity, time of day, daily limits); a granted picture arrives as ImageJobUpdated on conversationEvents.",
    authScopes: { viewer: true },
    args: { input: t.arg({ type: RequestImageInput, required: true }) },
    resolve: (_root, args, context) => {
      const input = z
        .object({ agentId: id, prompt: z.string().max(500).nullish(), clientRequestId: id.nullish() })
        .parse(args.input);
      const { commands, store } = context.services;
      return requestImage(
        { commands, store, bus: context.services.bus },
        { ...input, userId: viewerOf(context).userId },
        requestMeta(context),
      );
    },
  }),
);

builder.subscriptionField("imageJobUpdated", (t) =>
  t.field({
    type: ImageJobRef,
    description: "The job now, then each change; completes when it has succeeded or failed.",
    authScopes: { viewer: true },
    args: { id: t.arg.id({ required: true }) },
    subscribe: (_root, args, context) => {
      const imageJobId = id.parse(String(args.id));
      return cancellable((cancelled) => imageJobUpdates(context, imageJobId, cancelled));
    },
    resolve: (job) => job,
  }),
);

async function* imageJobUpdates(
  context: GraphQLContext,
  imageJobId: string,
  cancelled: AbortSignal,
): AsyncGenerator<ImageJobState> {
  await visibleJob(context, imageJobId);
  const queue = new AsyncQueue<"changed" | "expired">();
  const lifetime = subscriptionLifetime(context, () => queue.push("expired"), cancelled);
  lifetime.onEnd(() => queue.close());
  const unwatch = context.services.feed.watch(imageJobStreamId(imageJobId), () => queue.push("changed"));
  try {
    // Read after watching, so a change in between is not missed.
    let job = await visibleJob(context, imageJobId);
    yield job;
    while (job.status !== "succeeded" && job.status !== "failed") {
      const wake = await queue.next();
      if (wake === null) return;
      if (wake === "expired")
        throw unauthenticated("The sign-in token has expired; sign in again and resubscribe.");
      queue.drain();
      const next = await visibleJob(context, imageJobId);
      if (
        next.status !== job.status ||
        next.progress?.queuePosition !== job.progress?.queuePosition ||
        next.attempt !== job.attempt
      )
        yield next;
      job = next;
    }
  } finally {
    unwatch();
    lifetime.dispose();
  }
}
