import { randomUUID } from "node:crypto";
import { agentDecider } from "../../domain/agent/decider.ts";
import { type ImageJobState, imageJobDecider } from "../../domain/imageJob/decider.ts";
import { agentStreamId, imageJobStreamId } from "../../domain/streamIds.ts";
import { ImageJobRejectedError, type ImageJobSubmission } from "../../ports/imageGenerator.ts";
import { type ReactionCause, reactionContext } from "../engine/conversationDriver.ts";
import { seedFrom } from "../engine/replyWriter.ts";
import { linkExpiry, VIEW_LINK_SECONDS } from "../media/mediaLinks.ts";
import type { ImageDependencies } from "./imageDependencies.ts";
import {
  erasedPersonFailure,
  forErasedPerson,
  issue,
  modelOf,
  providerLabel,
  settleImageJob,
} from "./imageJobSettlement.ts";

const ACTOR = "system:images";

/**
 * Carries one image job to its end: submits each attempt once, follows it (webhook first, polling
 * as the fallback), stores the picture, fails it when it takes too long, and waits out retries.
 * Run again after a restart it picks up where the job's events say it is.
 */
export async function runImageJob(
  deps: ImageDependencies,
  imageJobId: string,
  cause: ReactionCause,
  signal: AbortSignal,
): Promise<void> {
  const streamId = imageJobStreamId(imageJobId);
  const context = (purpose: string) => reactionContext(cause, purpose, deps.clock.now(), ACTOR);
  while (!signal.aborted) {
    const { state } = await deps.commands.load(imageJobDecider, streamId);
    const unfinished = state.status !== "absent" && state.status !== "succeeded" && state.status !== "failed";
    if (unfinished && (await forErasedPerson(deps, state))) {
      const now = deps.clock.now().toISOString();
      await issue(deps, imageJobId, erasedPersonFailure(state, now), context(`erased:${imageJobId}`));
      return;
    }
    switch (state.status) {
      case "absent":
      case "succeeded":
      case "failed":
        return;
      case "requested":
      case "retryScheduled": {
        const due = state.retryNotBefore ? Date.parse(state.retryNotBefore) - deps.clock.now().getTime() : 0;
        if (due > 0) {
          await deps.clock.sleep(due, signal);
          continue;
        }
        await submitAttempt(deps, state, context(`submit:${imageJobId}:${state.attempt}`));
        continue;
      }
      case "submitted":
      case "progressing": {
        const submittedAt = await lastSubmissionTime(deps, streamId);
        if (deps.clock.now().getTime() - submittedAt > deps.settings.jobTimeoutMs) {
          await issue(
            deps,
            imageJobId,
            {
              type: "FailImageJob",
              imageJobId,
              attempt: state.attempt,
              providerRequestId: state.providerRequestId!,
              reason: "timeout",
              message: "The picture took too long to make.",
              retryable: true,
              now: deps.clock.now().toISOString(),
            },
            context(`timeout:${imageJobId}:${state.attempt}`),
          );
          continue;
        }
        const status = await deps.generator.status({
          providerRequestId: state.providerRequestId!,
          model: modelOf(state.provider),
        });
        const terminal = status.state === "succeeded" || status.state === "failed";
        await settleImageJob(
          deps,
          state,
          status,
          terminal ? context(`settle:${imageJobId}:${state.attempt}`) : context(randomUUID()),
          signal,
        );
        if (!terminal) await untilSettledElsewhere(deps, state, pollInterval(deps), signal);
        continue;
      }
      default:
        return;
    }
  }
}

async function submitAttempt(
  deps: ImageDependencies,
  state: ImageJobState,
  context: ReturnType<typeof reactionContext>,
): Promise<void> {
  const imageJobId = state.imageJobId!;
  const { state: agent } = await deps.commands.load(agentDecider, agentStreamId(state.agentId!));
  const submission: ImageJobSubmission = {
    kind: state.kind!,
    prompt: state.prompt!,
    seed: seedFrom(`${imageJobId}:${state.attempt}`),
    ...(state.basePortraitUrl ? { basePortraitUrl: await providerLink(deps, state.basePortraitUrl) } : {}),
    ...(agent.profile
      ? { subject: { id: state.agentId!, appearancePrompt: agent.profile.appearancePrompt } }
      : {}),
    ...(deps.settings.publicBaseUrl && deps.generator.describe().webhooks
      ? { webhookUrl: `${deps.settings.publicBaseUrl.replace(/\/$/, "")}/webhooks/fal?job=${imageJobId}` }
      : {}),
  };
  const now = deps.clock.now().toISOString();
  try {
    const submitted = await deps.generator.submit(submission);
    await issue(
      deps,
      imageJobId,
      {
        type: "SubmitImageJob",
        imageJobId,
        provider: providerLabel(deps.generator.describe().adapter, submitted.model),
        providerRequestId: submitted.providerRequestId,
        attempt: state.attempt,
        now,
      },
      context,
    );
  } catch (error) {
    const rejected = error instanceof ImageJobRejectedError;
    deps.logger.warn({ err: error, imageJobId, attempt: state.attempt }, "image job could not be submitted");
    await issue(
      deps,
      imageJobId,
      {
        type: "FailImageJob",
        imageJobId,
        attempt: state.attempt,
        reason: rejected ? "rejected" : "provider_error",
        message: rejected
          ? (error as Error).message.slice(0, 1000)
          : "The image provider could not be reached.",
        retryable: !rejected,
        now,
      },
      { ...context, commandId: `${context.commandId}:failed` },
    );
  }
}

function pollInterval(deps: ImageDependencies): number {
  const description = deps.generator.describe();
  return description.webhooks && deps.settings.publicBaseUrl
    ? deps.settings.webhookFallbackPollMs
    : description.pollIntervalMs;
}

/** A link the provider can load the base portrait from while it works on the job. */
async function providerLink(deps: ImageDependencies, url: string): Promise<string> {
  return deps.media.viewUrl(absoluteUrl(deps, url), linkExpiry(deps.clock.now(), VIEW_LINK_SECONDS));
}

/** Providers fetch a base portrait by URL; a path served here needs the public origin in front. */
function absoluteUrl(deps: ImageDependencies, url: string): string {
  if (!url.startsWith("/") || !deps.settings.publicBaseUrl) return url;
  return `${deps.settings.publicBaseUrl.replace(/\/$/, "")}${url}`;
}

/**
 * Waits for the next poll, or less when a webhook settles the job meanwhile. It watches the job's
 * state rather than the stream's revision: a webhook can land while the poll is in flight, and a
 * revision read after that would already include it.
 */
async function untilSettledElsewhere(
  deps: ImageDependencies,
  polled: ImageJobState,
  ms: number,
  signal: AbortSignal,
): Promise<void> {
  const streamId = imageJobStreamId(polled.imageJobId!);
  const until = deps.clock.now().getTime() + ms;
  for (let left = ms; left > 0 && !signal.aborted; left = until - deps.clock.now().getTime()) {
    const { state } = await deps.commands.load(imageJobDecider, streamId);
    const following = state.status === "submitted" || state.status === "progressing";
    if (!following || state.attempt !== polled.attempt) return;
    await deps.clock.sleep(Math.min(left, 1_000), signal);
  }
}

async function lastSubmissionTime(deps: ImageDependencies, streamId: string): Promise<number> {
  const events = await deps.events.readStream(streamId, { direction: "backwards", maxCount: 20 });
  for (const event of events)
    if (event.type === "ImageJobSubmitted") return Date.parse(event.data.submittedAt);
  return deps.clock.now().getTime();
}
