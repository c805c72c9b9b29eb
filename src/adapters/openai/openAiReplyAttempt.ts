import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionCreateParamsBase,
  ChatCompletionMessageParam,
} from "openai/resources/chat/completions";
import {
  type ChatMessage,
  type CompletionRequest,
  type FinishReason,
  ReplyModelError,
  type ReplyRequest,
  type ReplyStreamEvent,
  type ReplyUsage,
} from "../../ports/replyModel.ts";
import { type FailureContext, interrupted } from "./openAiReplyErrors.ts";

/** What one attempt has received so far. */
export interface AttemptState {
  text: string;
  /** Text already went to the caller. */
  partial: boolean;
  finishReason: string | null;
  refusal: string;
  usage: ReplyUsage | null;
  model: string;
}

export function newAttempt(model: string): AttemptState {
  return { text: "", partial: false, finishReason: null, refusal: "", usage: null, model };
}

export function chatBody(
  model: string,
  maxTokensField: "max_tokens" | "max_completion_tokens",
  request: ReplyRequest | CompletionRequest,
): ChatCompletionCreateParamsBase {
  const messages = request.messages.map(
    (message): ChatCompletionMessageParam => ({ role: message.role, content: message.content }),
  );
  return {
    model,
    messages,
    temperature: request.temperature,
    seed: request.seed,
    [maxTokensField]: request.maxTokens,
  };
}

/** Folds one streamed chunk into the state; returns the text it adds, if any. */
export function absorbChunk(state: AttemptState, chunk: ChatCompletionChunk): string | null {
  if (chunk.model) state.model = chunk.model;
  if (chunk.usage)
    state.usage = {
      promptTokens: chunk.usage.prompt_tokens,
      completionTokens: chunk.usage.completion_tokens,
    };
  const choice = chunk.choices[0];
  if (choice?.finish_reason) state.finishReason = choice.finish_reason;
  if (choice?.delta?.refusal) state.refusal += choice.delta.refusal;
  const text = choice?.delta?.content;
  if (!text) return null;
  state.partial = true;
  state.text += text;
  return text;
}

export function stateOfCompletion(completion: ChatCompletion, fallbackModel: string): AttemptState {
  const choice = completion.choices[0];
  return {
    text: choice?.message.content ?? "",
    partial: false,
    finishReason: choice?.finish_reason ?? null,
    refusal: choice?.message.refusal ?? "",
    usage: completion.usage
      ? { promptTokens: completion.usage.prompt_tokens, completionTokens: completion.usage.completion_tokens }
      : null,
    model: completion.model || fallbackModel,
  };
}

/** The final event of a complete attempt, or the error that says why it is not complete. */
export function finishAttempt(
  state: AttemptState,
  messages: readonly ChatMessage[],
  context: FailureContext,
): Extract<ReplyStreamEvent, { type: "done" }> {
  if (state.refusal || (state.finishReason === "content_filter" && !state.text))
    throw new ReplyModelError("refused", "The model declined to write this reply; rephrase the message.", {
      retryable: false,
    });
  if (state.finishReason === null) {
    if (state.partial) throw interrupted(context);
    throw new ReplyModelError(
      "provider_error",
      `${context.endpoint} closed the reply before sending any text.`,
      {
        retryable: true,
      },
    );
  }
  return {
    type: "done",
    text: state.text,
    model: state.model,
    usage: state.usage ?? estimatedUsage(messages, state.text),
    finishReason: finishReasonOf(state.finishReason),
  };
}

function finishReasonOf(reason: string): FinishReason {
  if (reason === "length") return "length";
  if (reason === "content_filter") return "content_filter";
  return "stop";
}

function estimatedUsage(messages: readonly ChatMessage[], text: string): ReplyUsage {
  const promptTokens = messages.reduce((sum, message) => sum + Math.ceil(message.content.length / 4) + 4, 0);
  return { promptTokens, completionTokens: Math.ceil(text.length / 4) };
}
