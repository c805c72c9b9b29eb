import { z } from "zod";
import { getImageJob, type ImageJobView } from "../../../projections/image_jobs/queries.ts";
import { readModelOr } from "../../../projections/runner/readModelOr.ts";
import { requestImage } from "../../application/conversations/requestImage.ts";
import { imageJobDecider } from "../../domain/imageJob/decider.ts";
import { imageJobStreamId } from "../../domain/streamIds.ts";
import { topics } from "../../ports/liveBus.ts";
import { requireAgentInSight } from "../agentInSight.ts";
import { AsyncQueue, pump } from "../asyncQueue.ts";
import { builder } from "../builder.ts";
import { type GraphQLContext, requestMeta, viewerOf } from "../context.ts";
import { forbidden, notFound, unauthenticated } from "../errors.ts";
import { imageJobInSight } from "../imageJobInSight.ts";
import { failureMessageFor, imageJobViewOf } from "../imageJobView.ts";
import { viewableUrl, viewLinkDescription } from "../mediaLinks.ts";
import { cancellable, subscriptionLifetime, untilAborted } from "../subscriptionLifetime.ts";
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

/** An image job as the API shows it: the `image_jobs` read model's view. */
export const ImageJobRef = builder.objectRef<ImageJobView>("ImageJob").implement({
  description: "A portrait or selfie being made.",
  fields: (t) => ({
    id: t.exposeID("id"),
    kind: t.field({ type: ImageJobKindEnum, resolve: (j) => j.kind }),
    status: t.field({ type: ImageJobStatusEnum, resolve: (j) => STATUS[j.status] }),
    agentId: t.exposeID("agentId"),
    attempt: t.exposeInt("attempt"),
    maxAttempts: t.exposeInt("maxAttempts"),
    queuePosition: t.int({ nullable: true, resolve: (j) => j.queuePosition }),
    url: t.string({
      nullable: true,
      description: viewLinkDescription("picture"),
      resolve: (j, _args, context) => viewableUrl(context, j.result?.url),
    }),
    width: t.int({ nullable: true, resolve: (j) => j.result?.width ?? null }),
    height: t.int({ nullable: true, resolve: (j) => j.result?.height ?? null }),
    failureReason: t.string({ nullable: true, resolve: (j) => j.failure?.reason ?? null }),
    failureMessage: t.string({
      nullable: true,
      description: "What went wrong, in plain words (the provider's own for admins).",
      resolve: (j, _args, context) => failureMessageFor(j, viewerOf(context).role === "admin"),
    }),
    retryNotBefore: t.field({ type: "DateTime", nullable: true, resolve: (j) => j.retryNotBefore }),
  }),
});

/** The read model's finer statuses, as the API names them. */
const STATUS = {
  requested: "requested",
  submitted: "submitted",
  queued: "progressing",
  running: "progressing",
  retry_scheduled: "retryScheduled",
  succeeded: "succeeded",
  failed: "failed",
} as const satisfies Record<ImageJobView["status"], string>;

const finished = (job: ImageJobView) => job.status === "succeeded" || job.status === "failed";

/**
 * The job, when the viewer may see it (`imageJobInSight`). A job just requested may not be in the
 * read model yet; its own events tell it then.
 */
async function visibleJob(context: GraphQLContext, imageJobId: string): Promise<ImageJobView> {
  const job =
    (await readModelOr(null, () => getImageJob(context.services.readModels, { id: imageJobId }))) ??
    (await jobFromItsEvents(context, imageJobId));
  if (!job) throw notFound("No such image job.");
  // A job out of sight answers as a missing one, so its id tells nothing about it.
  if (!(await imageJobInSight(context, job))) throw notFound("No such image job.");
  return job;
}

async function jobFromItsEvents(context: GraphQLContext, imageJobId: string): Promise<ImageJobView | null> {
  const { state, revision } = await context.services.commands.load(
    imageJobDecider,
    imageJobStreamId(imageJobId),
  );
  return state.status === "absent" || revision === null ? null : imageJobViewOf(state, revision);
}

builder.queryField("imageJob", (t) =>
  t.field({
    type: ImageJobRef,
    description:
      "A picture of the viewer's own conversations, or the portrait of an agent in sight (an archived agent's only to those who talked with it); NOT_FOUND for any other job.",
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
    resolve: async (_root, args, context) => {
      const input = z
        .object({ agentId: id, prompt: z.string().max(500).nullish(), clientRequestId: id.nullish() })
        .parse(args.input);
      await requireAgentInSight(context, input.agentId);
      const { commands, events } = context.services;
      return requestImage(
        { commands, events, bus: context.services.bus },
        { ...input, userId: viewerOf(context).userId },
        requestMeta(context),
      );
    },
  }),
);

builder.subscriptionField("imageJobUpdated", (t) =>
  t.field({
    type: ImageJobRef,
    description:
      "The job now, then each change; completes when it has succeeded or failed. NOT_FOUND for a job out of sight, as for imageJob.",
    authScopes: { viewer: true },
    args: { id: t.arg.id({ required: true }) },
    subscribe: (_root, args, context) => {
      const imageJobId = id.parse(String(args.id));
      return cancellable(context, (cancelled) => imageJobUpdates(context, imageJobId, cancelled));
    },
    resolve: (job) => job,
  }),
);

/**
 * The job now, then each change the `image_jobs` read model announces once it has stored it, until
 * the job has succeeded or failed.
 */
async function* imageJobUpdates(
  context: GraphQLContext,
  imageJobId: string,
  cancelled: AbortController,
): AsyncGenerator<ImageJobView> {
  await visibleJob(context, imageJobId);
  const queue = new AsyncQueue<"changed" | "expired">();
  let demoted = false;
  const lifetime = subscriptionLifetime(
    context,
    () => queue.push("expired"),
    cancelled,
    () => {
      demoted = true;
      queue.push("changed");
    },
  );
  lifetime.onEnd(() => queue.close());
  pump(
    context.services.bus.subscribe(topics.imageJob(imageJobId), lifetime.signal),
    queue,
    () => "changed" as const,
    () => queue.close(),
  );
  try {
    await untilAborted(context.services.bus.whenSubscribed(), lifetime.signal);
    if (lifetime.signal.aborted) return;
    // Read after listening, so a change in between is not missed.
    let job = await visibleJob(context, imageJobId);
    yield job;
    while (!finished(job)) {
      const wake = await queue.next();
      if (wake === null) return;
      if (wake === "expired")
        throw unauthenticated("The sign-in token has expired; sign in again and resubscribe.");
      // A demoted admin keeps watching the jobs in their sight, not anyone else's.
      if (demoted && !(await imageJobInSight(context, job, false)))
        throw forbidden("This picture is not one you may see any more.");
      queue.drain();
      const next = await visibleJob(context, imageJobId);
      if (next.revision !== job.revision) yield next;
      job = next;
    }
  } finally {
    lifetime.dispose();
  }
}
