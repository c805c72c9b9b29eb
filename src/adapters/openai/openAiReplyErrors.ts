import { APIConnectionError, APIConnectionTimeoutError, APIError } from "openai";
import { assertNever } from "../../domain/shared/decider.ts";
import { ReplyModelError } from "../../ports/replyModel.ts";

/** Why this adapter stopped a request itself, if it did. */
export type StopCause = "first-token-timeout" | "total-timeout" | "caller" | null;

export interface FailureContext {
  model: string;
  endpoint: string;
  stoppedBy: StopCause;
  /** Text already reached the caller: the reply cannot be resumed, only regenerated. */
  partial: boolean;
  firstTokenTimeoutMs: number;
  totalTimeoutMs: number;
}

/** Maps whatever the SDK threw (or why we stopped it) to a `ReplyModelError` a person can act on. */
export function toReplyModelError(error: unknown, context: FailureContext): ReplyModelError {
  if (error instanceof ReplyModelError) return error;
  const stopped = stoppedError(context, error);
  if (stopped) return stopped;
  if (error instanceof APIConnectionTimeoutError)
    return new ReplyModelError("timeout", `${context.endpoint} did not answer in time; try again shortly.`, {
      retryable: true,
      cause: error,
    });
  if (error instanceof APIError && error.status !== undefined) return fromStatus(error, context);
  if (error instanceof APIConnectionError || !(error instanceof APIError)) {
    return context.partial
      ? interrupted(context, error)
      : new ReplyModelError(
          "provider_error",
          `Could not reach ${context.endpoint}; check OPENAI_BASE_URL and the network, then try again.`,
          { retryable: true, cause: error },
        );
  }
  // An error event inside the stream (status unknown).
  return context.partial
    ? interrupted(context, error)
    : new ReplyModelError("provider_error", `${context.endpoint} reported an error: ${error.message}`, {
        retryable: true,
        cause: error,
      });
}

export function interrupted(context: FailureContext, cause?: unknown): ReplyModelError {
  return new ReplyModelError(
    "interrupted",
    `The reply from ${context.endpoint} broke off part-way; send the message again to get a full reply.`,
    { retryable: true, cause },
  );
}

function stoppedError(context: FailureContext, cause: unknown): ReplyModelError | null {
  switch (context.stoppedBy) {
    case "first-token-timeout":
      return new ReplyModelError(
        "timeout",
        `${context.model} did not start replying within ${context.firstTokenTimeoutMs} ms; the provider may be overloaded, try again shortly.`,
        { retryable: true, cause },
      );
    case "total-timeout":
      return new ReplyModelError(
        "timeout",
        `${context.model} did not finish within ${context.totalTimeoutMs} ms; try again or ask for a shorter reply.`,
        { retryable: true, cause },
      );
    case "caller":
      return new ReplyModelError("interrupted", "The reply was stopped before it finished.", {
        retryable: true,
        cause,
      });
    case null:
      return null;
    default:
      return assertNever(context.stoppedBy);
  }
}

function fromStatus(error: APIError, context: FailureContext): ReplyModelError {
  const status = error.status ?? 0;
  const retryAfterMs = retryAfterOf(error.headers);
  if (status === 429) {
    if (error.code === "insufficient_quota")
      return new ReplyModelError(
        "rate_limited",
        "The OpenAI account has run out of quota; check the plan and billing for OPENAI_API_KEY.",
        { retryable: false, cause: error },
      );
    return new ReplyModelError(
      "rate_limited",
      `${context.endpoint} is rate limiting requests; try again in a moment.`,
      {
        retryable: true,
        retryAfterMs,
        cause: error,
      },
    );
  }
  if (status === 401 || status === 403)
    return new ReplyModelError(
      "provider_error",
      `${context.endpoint} rejected the API key; check OPENAI_API_KEY.`,
      {
        retryable: false,
        cause: error,
      },
    );
  if (status === 404)
    return new ReplyModelError(
      "provider_error",
      `Model ${context.model} is not available at ${context.endpoint}; check OPENAI_MODEL and OPENAI_BASE_URL.`,
      { retryable: false, cause: error },
    );
  if (status === 400 && /content|policy|safety/i.test(`${error.code ?? ""} ${error.type ?? ""}`))
    return new ReplyModelError("refused", "The provider refused to write this reply; rephrase the message.", {
      retryable: false,
      cause: error,
    });
  if (status === 408 || status === 409 || status >= 500)
    return new ReplyModelError(
      "provider_error",
      `${context.endpoint} had a temporary problem (${status}); try again.`,
      {
        retryable: true,
        retryAfterMs,
        cause: error,
      },
    );
  return new ReplyModelError(
    "provider_error",
    `${context.endpoint} turned the request down (${status}): ${error.message}`,
    { retryable: false, cause: error },
  );
}

/** `retry-after-ms`, then `retry-after` in seconds or as an HTTP date. */
export function retryAfterOf(headers: Headers | undefined, now = Date.now()): number | null {
  const millis = Number.parseFloat(headers?.get("retry-after-ms") ?? "");
  if (Number.isFinite(millis) && millis >= 0) return millis;
  const header = headers?.get("retry-after");
  if (!header) return null;
  const seconds = Number.parseFloat(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - now) : null;
}

/** Worth another attempt inside the adapter: nothing streamed yet, and the failure is transient. */
export function retriesInside(error: ReplyModelError, partial: boolean): boolean {
  if (partial || !error.retryable) return false;
  return error.kind === "rate_limited" || error.kind === "provider_error";
}
