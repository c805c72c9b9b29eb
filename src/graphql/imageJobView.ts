import type { ImageJobView } from "../../projections/image_jobs/queries.ts";
import type { ImageJobState } from "../domain/imageJob/decider.ts";
import { type ImageJobFailureReason, ImageJobFailureReasonSchema } from "../domain/imageJob/events.ts";

/**
 * A job as its own events have it, in the read model's terms: the conversation stream follows a
 * job it shows from the job's stream, ahead of the read model.
 */
export function imageJobViewOf(state: ImageJobState, revision: number): ImageJobView {
  const status =
    state.status === "progressing"
      ? (state.progress?.status ?? "running")
      : state.status === "retryScheduled"
        ? "retry_scheduled"
        : state.status === "absent"
          ? "requested"
          : state.status;
  return {
    id: state.imageJobId ?? "",
    kind: state.kind ?? "variation",
    agentId: state.agentId ?? "",
    userId: state.userId,
    prompt: state.prompt ?? "",
    basePortraitUrl: state.basePortraitUrl,
    requestedBy: "",
    status,
    attempt: state.attempt,
    maxAttempts: state.maxAttempts,
    provider: state.provider,
    providerRequestId: state.providerRequestId,
    queuePosition: state.progress?.queuePosition ?? null,
    logs: [],
    result: state.result
      ? { ...state.result, width: state.result.width ?? null, height: state.result.height ?? null }
      : null,
    failure: state.failure,
    retryNotBefore: state.retryNotBefore,
    requestedAt: "",
    updatedAt: "",
    completedAt: null,
    revision,
  };
}

/**
 * What a failed picture's person is told: the provider's own words (its name, addresses, request
 * details) are for admins; everyone else gets a plain sentence for the reason.
 */
const PLAIN_FAILURES: Record<ImageJobFailureReason, string> = {
  timeout: "The picture took too long to make.",
  provider_error: "The picture service could not make this picture.",
  rate_limited: "The picture service was too busy to make this picture.",
  rejected: "The picture service turned this picture down.",
  invalid_output: "The picture that came back could not be used.",
  storage_error: "The picture could not be stored.",
};

export function failureMessageFor(job: ImageJobView, admin: boolean): string | null {
  if (!job.failure) return null;
  if (admin) return job.failure.message;
  const parsed = ImageJobFailureReasonSchema.safeParse(job.failure.reason);
  return parsed.success ? PLAIN_FAILURES[parsed.data] : "The picture could not be made.";
}
