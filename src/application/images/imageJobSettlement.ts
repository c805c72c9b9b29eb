import type { ImageJobCommand } from "../../domain/imageJob/commands.ts";
import { type ImageJobState, imageJobDecider } from "../../domain/imageJob/decider.ts";
import { DomainError } from "../../domain/shared/decider.ts";
import { imageJobStreamId } from "../../domain/streamIds.ts";
import type { GeneratedImage, ImageJobStatus } from "../../ports/imageGenerator.ts";
import type { CommandContext } from "../commandHandler.ts";
import { download, MediaDownloadError } from "../media/download.ts";
import { imageSizeProblem } from "../media/imageLimits.ts";
import { agentMediaFolder, contentAddressedKey } from "../media/mediaKeys.ts";
import type { ImageDependencies } from "./imageDependencies.ts";

const ALLOWED_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;

/** `<adapter>:<model>`: what `ImageJobSubmitted.provider` records, so polling can find the job again. */
export const providerLabel = (adapter: string, model: string) => `${adapter}:${model}`;
export const modelOf = (provider: string | null) =>
  provider ? provider.slice(provider.indexOf(":") + 1) : "";

/**
 * Turns what the provider says about a job into the job's events: progress, or the stored image,
 * or a failure. Called by the poller and by the webhook route; whichever comes second finds the
 * job finished and changes nothing.
 */
export async function settleImageJob(
  deps: ImageDependencies,
  state: ImageJobState,
  status: ImageJobStatus,
  context: CommandContext,
  signal?: AbortSignal,
): Promise<void> {
  if (!state.imageJobId || !state.agentId || state.providerRequestId !== status.providerRequestId) return;
  const now = deps.clock.now().toISOString();
  const base = { imageJobId: state.imageJobId, providerRequestId: status.providerRequestId, now };
  let command: ImageJobCommand;
  switch (status.state) {
    case "queued":
    case "running":
      command = {
        type: "ReportImageJobProgress",
        ...base,
        status: status.state,
        ...(status.queuePosition === undefined ? {} : { queuePosition: status.queuePosition }),
        ...(status.logs ? { logs: status.logs.slice(-20).map((line) => line.slice(0, 500)) } : {}),
      };
      break;
    case "succeeded":
      command = (await forErasedPerson(deps, state))
        ? erasedPersonFailure(state, now)
        : await storeResult(deps, state.agentId, base, status.result, signal);
      if (command.type === "CompleteImageJob") return completeUnlessErased(deps, state, command, context);
      break;
    case "failed":
      command = {
        type: "FailImageJob",
        ...base,
        attempt: state.attempt,
        reason: "provider_error",
        message: (status.error ?? "The image provider could not make this picture.").slice(0, 1000),
        retryable: true,
      };
      break;
    default:
      return;
  }
  await issue(deps, state.imageJobId, command, context);
}

async function storeResult(
  deps: ImageDependencies,
  agentId: string,
  base: { imageJobId: string; providerRequestId: string; now: string },
  result: GeneratedImage | undefined,
  signal?: AbortSignal,
): Promise<ImageJobCommand> {
  const failed = (reason: "invalid_output" | "storage_error", message: string): ImageJobCommand => ({
    type: "FailImageJob",
    ...base,
    attempt: 0,
    reason,
    message,
    retryable: true,
  });
  if (!result) return failed("invalid_output", "The provider finished without an image.");
  let image: { bytes: Uint8Array; contentType: string; width: number; height: number };
  try {
    image =
      result.source === "bytes"
        ? result
        : await download(result.url, {
            maxBytes: deps.settings.maxDownloadBytes,
            allowedTypes: ALLOWED_TYPES,
            signal,
            ...(deps.fetch ? { fetch: deps.fetch } : {}),
          });
  } catch (error) {
    if (error instanceof MediaDownloadError) return failed("invalid_output", error.message);
    throw error;
  }
  const problem = imageSizeProblem(image);
  if (problem) return failed("invalid_output", `The provider's picture is not kept: ${problem}.`);
  try {
    const key = contentAddressedKey(agentMediaFolder(agentId), image.bytes, image.contentType);
    const stored = await deps.media.put(key, image.bytes, image.contentType);
    return {
      type: "CompleteImageJob",
      ...base,
      url: stored.url,
      contentType: stored.contentType,
      sizeBytes: stored.sizeBytes,
      width: image.width,
      height: image.height,
    };
  } catch (error) {
    deps.logger.warn({ err: error, imageJobId: base.imageJobId }, "storing an image failed");
    return failed("storage_error", "The picture could not be stored; it will be tried again.");
  }
}

/**
 * The erasure destroys the person's key before it deletes their pictures, so a picture stored
 * before the key was destroyed is deleted by the erasure, and one stored after is seen here and
 * deleted: checked once the picture is stored and again once the job is finished.
 */
async function completeUnlessErased(
  deps: ImageDependencies,
  state: ImageJobState,
  command: ImageJobCommand & { type: "CompleteImageJob" },
  context: CommandContext,
): Promise<void> {
  if (await forErasedPerson(deps, state)) {
    await deps.media.deleteUrl(command.url);
    return issue(deps, state.imageJobId!, erasedPersonFailure(state, command.now), context);
  }
  await issue(deps, state.imageJobId!, command, context);
  if (await forErasedPerson(deps, state)) await deps.media.deleteUrl(command.url);
}

/** Whether the job is a picture for a person erased since it was asked for. */
export async function forErasedPerson(deps: ImageDependencies, state: ImageJobState): Promise<boolean> {
  return state.userId !== null && (await deps.isErased?.(state.userId)) === true;
}

/** Ends a job whose person was erased: no further attempt, and no picture stored. */
export function erasedPersonFailure(state: ImageJobState, now: string): ImageJobCommand {
  return {
    type: "FailImageJob",
    imageJobId: state.imageJobId!,
    attempt: state.attempt,
    ...(state.providerRequestId ? { providerRequestId: state.providerRequestId } : {}),
    reason: "rejected",
    message: "The person this picture was for has been erased.",
    retryable: false,
    now,
  };
}

/** Issues a job command; a job that moved on meanwhile (finished, later attempt) is left as it is. */
export async function issue(
  deps: ImageDependencies,
  imageJobId: string,
  command: ImageJobCommand,
  context: CommandContext,
): Promise<void> {
  if (command.type === "FailImageJob" && command.attempt === 0) {
    const { state } = await deps.commands.load(imageJobDecider, imageJobStreamId(imageJobId));
    command = { ...command, attempt: state.attempt };
  }
  try {
    await deps.commands.handle(imageJobDecider, imageJobStreamId(imageJobId), command, context);
  } catch (error) {
    const harmless = ["ImageJobAlreadyFinished", "StaleProviderRequest", "ImageJobAttemptMismatch"];
    if (error instanceof DomainError && harmless.includes(error.reason)) return;
    throw error;
  }
}
