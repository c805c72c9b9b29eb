import OpenAI from "openai";
import { abortableSleep } from "../../application/abortableSleep.ts";
import type {
  CompletionRequest,
  CompletionResult,
  ReplyModel,
  ReplyModelDescription,
  ReplyModelError,
  ReplyRequest,
  ReplyStreamEvent,
} from "../../ports/replyModel.ts";
import {
  type AttemptState,
  absorbChunk,
  chatBody,
  finishAttempt,
  newAttempt,
  stateOfCompletion,
} from "./openAiReplyAttempt.ts";
import { backoffMs, ReplyCallControl } from "./openAiReplyCallControl.ts";
import { type FailureContext, retriesInside, toReplyModelError } from "./openAiReplyErrors.ts";

export interface OpenAiReplyModelOptions {
  apiKey: string;
  /** Any endpoint that speaks Chat Completions: OpenAI, Ollama, vLLM, llama.cpp. */
  baseURL?: string;
  model: string;
  /** From sending the request to the first token of text. Default 20 s. */
  firstTokenTimeoutMs?: number;
  /** The whole call, retries included. Default 120 s. */
  totalTimeoutMs?: number;
  /** Attempts before the first token (429, 5xx, connection errors). Default 3. */
  maxAttempts?: number;
  /** A longer retry-after than this is handed back to the caller instead of waited out. Default 20 s. */
  maxRetryDelayMs?: number;
  /** OpenAI's newer models want `max_completion_tokens`; many compatible servers only know `max_tokens`. */
  maxTokensField?: "max_tokens" | "max_completion_tokens";
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** Streaming replies from an OpenAI-compatible Chat Completions endpoint through the official SDK. */
export class OpenAiReplyModel implements ReplyModel {
  readonly name = "openai";
  readonly #client: OpenAI;
  readonly #model: string;
  readonly #endpoint: string;
  readonly #firstTokenTimeoutMs: number;
  readonly #totalTimeoutMs: number;
  readonly #maxAttempts: number;
  readonly #maxRetryDelayMs: number;
  readonly #maxTokensField: "max_tokens" | "max_completion_tokens";
  readonly #sleep: (ms: number, signal: AbortSignal) => Promise<void>;

  constructor(options: OpenAiReplyModelOptions) {
    this.#model = options.model;
    this.#endpoint = options.baseURL ? `the model endpoint at ${new URL(options.baseURL).host}` : "OpenAI";
    this.#firstTokenTimeoutMs = options.firstTokenTimeoutMs ?? 20_000;
    this.#totalTimeoutMs = options.totalTimeoutMs ?? 120_000;
    this.#maxAttempts = Math.max(1, options.maxAttempts ?? 3);
    this.#maxRetryDelayMs = options.maxRetryDelayMs ?? 20_000;
    this.#maxTokensField =
      options.maxTokensField ?? (options.baseURL ? "max_tokens" : "max_completion_tokens");
    this.#sleep = options.sleep ?? abortableSleep;
    // Retries are ours: the SDK would also retry after a stream has begun, and not by our deadline.
    this.#client = new OpenAI({ apiKey: options.apiKey, baseURL: options.baseURL, maxRetries: 0 });
  }

  describe(): ReplyModelDescription {
    return { adapter: "openai", model: this.#model };
  }

  async *streamReply(request: ReplyRequest, signal?: AbortSignal): AsyncIterable<ReplyStreamEvent> {
    const control = new ReplyCallControl(signal, this.#firstTokenTimeoutMs, this.#totalTimeoutMs);
    try {
      for (let attempt = 1; ; attempt++) {
        control.startAttempt();
        const state = newAttempt(this.#model);
        try {
          const stream = await this.#client.chat.completions.create(
            { ...this.#body(request), stream: true, stream_options: { include_usage: true } },
            { signal: control.signal, timeout: this.#totalTimeoutMs },
          );
          for await (const chunk of stream) {
            const text = absorbChunk(state, chunk);
            if (text === null) continue;
            control.firstTokenArrived();
            yield { type: "delta", text };
          }
          yield this.#finish(state, request, control);
          return;
        } catch (error) {
          const failure = this.#failure(error, control, state.partial);
          await this.#waitBeforeRetry(failure, state.partial, attempt, control);
        }
      }
    } finally {
      control.dispose();
    }
  }

  async complete(request: CompletionRequest, signal?: AbortSignal): Promise<CompletionResult> {
    const control = new ReplyCallControl(signal, this.#totalTimeoutMs, this.#totalTimeoutMs);
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          const completion = await this.#client.chat.completions.create(
            {
              ...this.#body(request),
              stream: false,
              ...(request.json ? { response_format: { type: "json_object" } } : {}),
            },
            { signal: control.signal, timeout: this.#totalTimeoutMs },
          );
          const state = stateOfCompletion(completion, this.#model);
          const { text, model, usage, finishReason } = this.#finish(state, request, control);
          return { text, model, usage, finishReason };
        } catch (error) {
          await this.#waitBeforeRetry(this.#failure(error, control, false), false, attempt, control);
        }
      }
    } finally {
      control.dispose();
    }
  }

  #body(request: ReplyRequest | CompletionRequest) {
    return chatBody(this.#model, this.#maxTokensField, request);
  }

  #finish(state: AttemptState, request: ReplyRequest | CompletionRequest, control: ReplyCallControl) {
    if (control.stoppedBy) throw this.#failure(null, control, state.partial);
    return finishAttempt(state, request.messages, this.#context(control, state.partial));
  }

  #failure(error: unknown, control: ReplyCallControl, partial: boolean): ReplyModelError {
    return toReplyModelError(error, this.#context(control, partial));
  }

  #context(control: ReplyCallControl, partial: boolean): FailureContext {
    return {
      model: this.#model,
      endpoint: this.#endpoint,
      stoppedBy: control.stoppedBy,
      partial,
      firstTokenTimeoutMs: this.#firstTokenTimeoutMs,
      totalTimeoutMs: this.#totalTimeoutMs,
    };
  }

  /** Waits out a transient failure before the first token, or throws it when no retry is due. */
  async #waitBeforeRetry(
    failure: ReplyModelError,
    partial: boolean,
    attempt: number,
    control: ReplyCallControl,
  ): Promise<void> {
    if (!retriesInside(failure, partial) || attempt >= this.#maxAttempts) throw failure;
    const delay = failure.retryAfterMs ?? backoffMs(attempt);
    if (delay > this.#maxRetryDelayMs || delay >= control.remainingMs()) throw failure;
    await this.#sleep(delay, control.signal);
    if (control.stoppedBy) throw this.#failure(null, control, false);
  }
}
