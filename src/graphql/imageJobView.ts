import type { ImageJobView } from "../../projections/image_jobs/queries.ts";
import type { ImageJobState } from "../domain/imageJob/decider.ts";

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
