import {
  type CompletionRequest,
  type CompletionResult,
  type ReplyModel,
  type ReplyModelDescription,
  ReplyModelError,
  type ReplyRequest,
  type ReplyStreamEvent,
} from "../../ports/replyModel.ts";
import { composeReply } from "./localPersonaComposer.ts";
import { seededRandom } from "./localPersonaRandom.ts";

/** Answers one side task from its structured input: a JSON-ready object or plain text. */
export type OfflineTaskSolver = (input: unknown) => string | Record<string, unknown>;

export interface LocalPersonaReplyModelOptions {
  /** Average pause between word pieces in ms; 0 streams everything at once (tests, benchmarks). */
  tokenDelayMs?: number;
  /** Side tasks this engine can answer offline, by task name (wired in the composition root). */
  tasks?: Readonly<Record<string, OfflineTaskSolver>>;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export const localPersonaModelName = "withme-persona-engine-1";

/**
 * The offline default: no language model, just templates driven by the persona, mood, time of day,
 * availability, life events and memories in the request's structured context. Deterministic for a
 * seed, and it streams word pieces with a typing cadence so the rest of the system behaves as live.
 */
export class LocalPersonaReplyModel implements ReplyModel {
  readonly name = "local-persona-engine";
  readonly #tokenDelayMs: number;
  readonly #tasks: Readonly<Record<string, OfflineTaskSolver>>;
  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<void>;

  constructor(options: LocalPersonaReplyModelOptions = {}) {
    this.#tokenDelayMs = options.tokenDelayMs ?? 35;
    this.#tasks = options.tasks ?? {};
    this.#sleep = options.sleep ?? sleepFor;
  }

  describe(): ReplyModelDescription {
    return { adapter: this.name, model: localPersonaModelName, offline: true };
  }

  async *streamReply(request: ReplyRequest, signal?: AbortSignal): AsyncIterable<ReplyStreamEvent> {
    throwIfAborted(signal);
    const full = composeReply(request.context, request.seed);
    const pieces = wordPieces(full);
    const limit = Math.max(1, request.maxTokens);
    const sent = pieces.slice(0, limit);
    const cadence = seededRandom(request.seed, "cadence");
    for (const piece of sent) {
      if (this.#tokenDelayMs > 0) await this.#sleep(this.#tokenDelayMs * (0.5 + cadence.next()), signal);
      throwIfAborted(signal);
      yield { type: "delta", text: piece };
    }
    yield {
      type: "done",
      text: sent.join(""),
      model: localPersonaModelName,
      usage: { promptTokens: promptTokensOf(request.messages), completionTokens: sent.length },
      finishReason: sent.length < pieces.length ? "length" : "stop",
    };
  }

  async complete(request: CompletionRequest, signal?: AbortSignal): Promise<CompletionResult> {
    throwIfAborted(signal);
    const solve = this.#tasks[request.task.name];
    if (!solve) {
      throw new ReplyModelError(
        "refused",
        `The offline persona engine has no rule for the "${request.task.name}" task; use the rule-based fallback or configure OPENAI_API_KEY.`,
        { retryable: false },
      );
    }
    let answer: string | Record<string, unknown>;
    try {
      answer = solve(request.task.input);
    } catch (cause) {
      throw new ReplyModelError(
        "provider_error",
        `The offline persona engine could not read the "${request.task.name}" task input; check what the caller sends.`,
        { retryable: false, cause },
      );
    }
    const text = typeof answer === "string" ? answer : JSON.stringify(answer);
    return {
      text,
      model: localPersonaModelName,
      usage: { promptTokens: promptTokensOf(request.messages), completionTokens: Math.ceil(text.length / 4) },
      finishReason: "stop",
    };
  }
}

/** Splits text the way a tokenizer streams it: words with their leading space, long words in parts. */
export function wordPieces(text: string): string[] {
  const pieces: string[] = [];
  for (const word of text.match(/\s*\S+|\s+$/g) ?? []) {
    if (word.length <= 8) {
      pieces.push(word);
      continue;
    }
    const chars = Array.from(word);
    for (let i = 0; i < chars.length; i += 5) pieces.push(chars.slice(i, i + 5).join(""));
  }
  return pieces;
}

function promptTokensOf(messages: readonly { content: string }[]): number {
  return messages.reduce((sum, message) => sum + Math.ceil(message.content.length / 4) + 4, 0);
}

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted)
    throw new ReplyModelError("interrupted", "The reply was stopped before it finished.", {
      retryable: true,
    });
}

function sleepFor(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}
