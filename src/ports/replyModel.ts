/**
 * What writes the agent's replies: a streaming chat model, or the offline persona engine. A request
 * carries the rendered chat messages and the structured context they were rendered from, so an
 * engine without a language model can still answer from structure.
 */
import type { Availability } from "../domain/agent/availability.ts";
import type { PartOfDay } from "../domain/shared/time.ts";

export type ChatRole = "system" | "user" | "assistant";

export interface ChatMessage {
  role: ChatRole;
  content: string;
}

export type { PartOfDay } from "../domain/shared/time.ts";

export interface ReplyContext {
  agent: {
    name: string;
    summary: string;
    traits: readonly string[];
    speakingStyle: string;
    backstory: string;
    interests: readonly string[];
    selfDescribesAsAI: boolean;
  };
  identity: { homeCity: string; country: string; occupation: string; timezone: string };
  localTime: {
    /** e.g. "Tuesday 21:40" in the agent's timezone. */
    label: string;
    weekday: string;
    /** Local calendar date, YYYY-MM-DD. */
    date: string;
    hour: number;
    minute: number;
    partOfDay: PartOfDay;
  };
  weather: { season: string; condition: string; temperatureC: number; phrase: string };
  mood: { name: string; intensity: number };
  /** −100 (hostile) … 100 (devoted), toward this person. */
  affinity: number;
  availability: Availability;
  activeScenarios: readonly { title: string; description: string }[];
  lifeEvents: readonly { at: string; summary: string }[];
  memories: readonly { id: string; text: string; score: number }[];
  /** The conversation before the message being answered, oldest first. */
  recentMessages: readonly { author: "person" | "agent"; text: string; at: string }[];
  personName: string;
  /** The message being answered. */
  personMessage: string;
}

export interface ReplyRequest {
  messages: readonly ChatMessage[];
  context: ReplyContext;
  maxTokens: number;
  temperature: number;
  /** Same seed, same context: the offline engine gives the same reply; providers try their best. */
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

/**
 * A side task for the same model (appraisal, summaries, generation). `task` names it and carries
 * its structured input, so an offline engine can solve the tasks it has rules for.
 */
export interface CompletionRequest {
  task: { name: string; input: unknown };
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
  /** True for the local engine that stands in for a language model. */
  offline: boolean;
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
