/**
 * A chat model: chat messages in, text out, streamed or whole. It knows nothing of withme's
 * rules; the application's strategies (`src/application/strategies.ts`) decide what to ask it,
 * and answer without it when no model is configured.
 */
export type ChatRole = "system" | "user" | "assistant";

export interface ChatMessage {
  role: ChatRole;
  content: string;
}

export interface ReplyRequest {
  messages: readonly ChatMessage[];
  maxTokens: number;
  temperature: number;
  /** Providers that support it give the same answer for the same seed and messages. */
  seed: number;
}

export interface ReplyUsage {
  promptTokens: number;
  completionTokens: number;
}

export type FinishReason = "stop" | "length" | "content_filter";

export type ReplyStreamEvent =
  | { type: "delta"; text: string }
  | { type: "done"; text: string; model: string; usage: ReplyUsage; finishReason: FinishReason };

/** A whole answer at once (appraisal, summaries, drafts), optionally as one JSON object. */
export interface CompletionRequest {
  messages: readonly ChatMessage[];
  /** Ask for a single JSON object as the answer. */
  json: boolean;
  maxTokens: number;
  temperature: number;
  seed: number;
}

export interface CompletionResult {
  text: string;
  model: string;
  usage: ReplyUsage;
  finishReason: FinishReason;
}

export interface ReplyModelDescription {
  adapter: string;
  model: string;
}

export interface ReplyModel {
  readonly name: string;
  describe(): ReplyModelDescription;
  /** Deltas, then exactly one `done`; a failure throws a `ReplyModelError`. */
  streamReply(request: ReplyRequest, signal?: AbortSignal): AsyncIterable<ReplyStreamEvent>;
  complete(request: CompletionRequest, signal?: AbortSignal): Promise<CompletionResult>;
}

export type ReplyModelErrorKind = "timeout" | "provider_error" | "rate_limited" | "refused" | "interrupted";

/** A reply could not be written; the message says what a person or operator can do about it. */
export class ReplyModelError extends Error {
  readonly kind: ReplyModelErrorKind;
  readonly retryable: boolean;
  /** When the provider said how long to wait before trying again. */
  readonly retryAfterMs: number | null;
  constructor(
    kind: ReplyModelErrorKind,
    message: string,
    options: { retryable: boolean; retryAfterMs?: number | null; cause?: unknown },
  ) {
    super(message, { cause: options.cause });
    this.name = "ReplyModelError";
    this.kind = kind;
    this.retryable = options.retryable;
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}
