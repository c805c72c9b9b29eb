import type { ChatMessage, ReplyModel, ReplyStreamEvent } from "../../ports/replyModel.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";

/** One reply to write: the turn in structured form and the chat messages rendered from it. */
export interface ComposeRequest {
  context: ReplyContext;
  messages: readonly ChatMessage[];
  maxTokens: number;
  temperature: number;
  /** Same seed, same turn: the same reply where the composer can promise it. */
  seed: number;
}

export interface ReplyComposerDescription {
  /** What writes the replies, e.g. `openai` or `local-persona-engine`. */
  adapter: string;
  model: string;
  /** True when no language model is involved. */
  offline: boolean;
}

/**
 * What writes an agent's reply, streamed: a chat model reading the rendered messages, or the
 * offline persona engine composing from the structured turn. Chosen once, in the composition root.
 */
export interface ReplyComposer {
  readonly name: string;
  describe(): ReplyComposerDescription;
  /** Deltas, then exactly one `done`; a failure throws a `ReplyModelError`. */
  compose(request: ComposeRequest, signal?: AbortSignal): AsyncIterable<ReplyStreamEvent>;
}

/** Replies written by a chat model from the rendered prompt. */
export function modelReplyComposer(model: ReplyModel): ReplyComposer {
  return {
    name: model.name,
    describe: () => ({ ...model.describe(), offline: false }),
    compose: ({ messages, maxTokens, temperature, seed }, signal) =>
      model.streamReply({ messages, maxTokens, temperature, seed }, signal),
  };
}
