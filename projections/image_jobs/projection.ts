import type { ImageJobEvent } from "../../src/domain/imageJob/events.ts";
import { assertNever } from "../../src/domain/shared/decider.ts";
import { topics } from "../../src/ports/liveBus.ts";
import {
  defineProjection,
  type Notice,
  notice,
  type ProjectedOf,
  type RowStore,
} from "../runner/projection.ts";
import { type ImageJobRow, imageJobRow, imageJobs, KEPT_LOG_LINES, toImageJobView } from "./rows.ts";

const handled = [
  "ImageJobRequested",
  "ImageJobSubmitted",
  "ImageJobProgressed",
  "ImageJobSucceeded",
  "ImageJobRetryScheduled",
  "ImageJobFailed",
] as const satisfies readonly ImageJobEvent["type"][];

type Event = ProjectedOf<ImageJobEvent>;

/** Image jobs for the admin view and the chat: status, attempts, provider progress, result or failure. */
export const imageJobsProjection = defineProjection({
  name: "image_jobs",
  version: 1,
  tables: [
    {
      name: imageJobs.name,
      columns: `id text not null, kind text not null, agent_id text not null, user_id text, prompt text not null,
        base_portrait_url text, requested_by text not null, max_attempts int not null, status text not null,
        attempt int not null, provider text, provider_request_id text, queue_position int, logs jsonb not null,
        url text, content_type text, size_bytes bigint, width int, height int, failure_reason text,
        failure_message text, retryable boolean, retry_not_before timestamptz, requested_at timestamptz not null,
        updated_at timestamptz not null, completed_at timestamptz, revision int not null`,
      primaryKey: ["id"],
      indexes: ["(agent_id, requested_at desc, id)", "(requested_at desc, id)"],
    },
  ],
  canHandle: handled,
  evolve: (event, rows) => evolve(event as Event, rows),
  notify: (event, rows) => notify(event as Event, rows),
});

/** Without a promise whenever the job's row is known: nearly every event of a rebuild. */
function evolve(e: Event, rows: RowStore): Promise<void> | undefined {
  if (e.type === "ImageJobRequested") {
    imageJobs.put(rows, requested(e));
    return;
  }
  const key = { id: e.data.imageJobId };
  const job = imageJobs.getKnown(rows, key);
  if (job === undefined) return imageJobs.get(rows, key).then((read) => advance(rows, read, e));
  advance(rows, job ?? undefined, e);
}

function advance(rows: RowStore, job: ImageJobRow | undefined, e: Event): void {
  if (job) imageJobs.put(rows, next({ ...job, revision: e.revision, updated_at: e.occurredAt }, e));
}

function requested(event: Extract<Event, { type: "ImageJobRequested" }>): ImageJobRow {
  const d = event.data;
  return {
    id: d.imageJobId,
    kind: d.kind,
    agent_id: d.agentId,
    user_id: d.userId ?? null,
    prompt: d.prompt,
    base_portrait_url: d.basePortraitUrl ?? null,
    requested_by: d.requestedBy,
    max_attempts: d.maxAttempts,
    status: "requested",
    attempt: 1,
    provider: null,
    provider_request_id: null,
    queue_position: null,
    logs: [],
    url: null,
    content_type: null,
    size_bytes: null,
    width: null,
    height: null,
    failure_reason: null,
    failure_message: null,
    retryable: null,
    retry_not_before: null,
    requested_at: d.requestedAt,
    updated_at: d.requestedAt,
    completed_at: null,
    revision: event.revision,
  };
}

function next(job: ImageJobRow, event: Event): ImageJobRow {
  switch (event.type) {
    case "ImageJobRequested":
      return job;
    case "ImageJobSubmitted": {
      const { provider, providerRequestId, attempt, submittedAt } = event.data;
      return {
        ...job,
        status: "submitted",
        attempt,
        provider,
        provider_request_id: providerRequestId,
        queue_position: null,
        retry_not_before: null,
        updated_at: submittedAt,
      };
    }
    case "ImageJobProgressed": {
      const { status, attempt, queuePosition, logs } = event.data;
      return {
        ...job,
        status,
        attempt,
        queue_position: queuePosition ?? null,
        logs: logs?.length ? [...job.logs, ...logs].slice(-KEPT_LOG_LINES) : job.logs,
      };
    }
    case "ImageJobSucceeded": {
      const { attempt, url, contentType, sizeBytes, width, height, completedAt } = event.data;
      return {
        ...job,
        status: "succeeded",
        attempt,
        queue_position: null,
        url,
        content_type: contentType,
        size_bytes: sizeBytes,
        width: width ?? null,
        height: height ?? null,
        updated_at: completedAt,
        completed_at: completedAt,
      };
    }
    case "ImageJobRetryScheduled": {
      const { attempt, reason, message, notBefore } = event.data;
      return {
        ...job,
        status: "retry_scheduled",
        attempt,
        provider_request_id: null,
        queue_position: null,
        failure_reason: reason,
        failure_message: message,
        retryable: true,
        retry_not_before: notBefore,
      };
    }
    case "ImageJobFailed": {
      const { attempt, reason, message, retryable, failedAt } = event.data;
      return {
        ...job,
        status: "failed",
        attempt,
        queue_position: null,
        failure_reason: reason,
        failure_message: message,
        retryable,
        updated_at: failedAt,
        completed_at: failedAt,
      };
    }
    default:
      return assertNever(event);
  }
}

/** `imagejob.updated` on the job's topic: the job as the API shows it. */
async function notify(event: Event, rows: RowStore): Promise<Notice[]> {
  const job = await imageJobs.get(rows, { id: event.data.imageJobId });
  if (!job) return [];
  const view = toImageJobView(imageJobRow.parse(job));
  return [
    notice(topics.imageJob(view.id), {
      kind: "imagejob.updated",
      payload: { ...view, position: event.position, streamId: event.streamId, revision: event.revision },
    }),
  ];
}
