import type { ReplyFailureReason } from "../../domain/conversation/events.ts";
import { assertNever } from "../../domain/shared/decider.ts";
import type { ReplyModelError } from "../../ports/replyModel.ts";
import { isReplyModelError } from "./replyWriter.ts";
import { AgentUnavailableError } from "./turnContext.ts";

/** A failed reply as the conversation stores it, or null for a failure that is not the reply's (it is thrown on). */
export function describeFailure(
  error: unknown,
): { reason: ReplyFailureReason; message: string; retryable: boolean } | null {
  if (isReplyModelError(error))
    return { reason: error.kind, message: sentenceFor(error), retryable: error.retryable };
  if (error instanceof AgentUnavailableError) {
    return { reason: "refused", message: "This agent is no longer available.", retryable: false };
  }
  return null;
}

/** What a person is told about a failed reply: never an endpoint, a key or a provider's own words. */
function sentenceFor(error: ReplyModelError): string {
  switch (error.kind) {
    case "timeout":
      return "The reply took too long to arrive; try again in a moment.";
    case "rate_limited":
      return error.retryable
        ? "Too many replies are being written right now; try again in a moment."
        : "Replies are paused for now; the people running this service have been told.";
    case "refused":
      return "This reply could not be written; try saying it another way.";
    case "interrupted":
      return "The reply broke off part-way; try again to get a full reply.";
    case "provider_error":
      return error.retryable
        ? "The reply could not be written just now; try again in a moment."
        : "Replies are not available right now; the people running this service have been told.";
    default:
      return assertNever(error.kind);
  }
}
