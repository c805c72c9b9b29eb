import { ReplyModelError, type ReplyStreamEvent } from "../../ports/replyModel.ts";
import { abortableSleep } from "../abortableSleep.ts";
import type { ComposeRequest, ReplyComposer, ReplyComposerDescription } from "../engine/replyComposer.ts";
import { composeReply } from "./personaComposer.ts";
import { seededRandom } from "./personaRandom.ts";

export interface PersonaEngineOptions {
  /** Average pause between word pieces in ms; 0 streams everything at once (tests, benchmarks). */
  tokenDelayMs?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export const localPersonaModelName = "withme-persona-engine-1";

/**
 * The offline reply composer: no language model, just templates driven by the persona, mood, time
 * of day, availability, life events and memories of the structured turn. Deterministic for a seed,
 * and it streams word pieces with a typing cadence so the rest of the system behaves as live.
 */
export class PersonaEngine implements ReplyComposer {
  readonly name = "local-persona-engine";
  readonly #tokenDelayMs: number;
  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<void>;

  constructor(options: PersonaEngineOptions = {}) {
    this.#tokenDelayMs = options.tokenDelayMs ?? 35;
    this.#sleep = options.sleep ?? abortableSleep;
  }

  describe(): ReplyComposerDescription {
    return { adapter: this.name, model: localPersonaModelName, offline: true };
  }

  async *compose(request: ComposeRequest, signal?: AbortSignal): AsyncIterable<ReplyStreamEvent> {
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
