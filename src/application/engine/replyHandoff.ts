import type { ConversationState } from "../../domain/conversation/decider.ts";
import type { ConversationAddress, ReactionCause } from "./reactionContext.ts";

/** A person's message this process has decided to store, handed to its replies before the commit returns. */
export interface DecidedMessage {
  address: ConversationAddress;
  /** The conversation as it is once the message is stored. */
  state: ConversationState;
  cause: ReactionCause;
  /**
   * Resolves once the message is stored as decided; rejects when it is not (refused, failed, or
   * decided again after a conflict), and then nothing of its reply may be shown or stored.
   */
  stored: Promise<void>;
}

/**
 * Hands messages decided by this process's API straight to the reply reactor, while it holds its
 * lease here: the reply's reads, its place among replies and its first words overlap the
 * message's commit, and its first delta goes out once the commit has returned.
 */
export class ReplyHandoff {
  #take: ((message: DecidedMessage) => void) | null = null;

  /** Whether a reply reactor here takes messages now. */
  get serving(): boolean {
    return this.#take !== null;
  }

  /** Takes the messages offered until `signal` aborts. */
  serve(take: (message: DecidedMessage) => void, signal: AbortSignal): void {
    if (signal.aborted) return;
    this.#take = take;
    signal.addEventListener(
      "abort",
      () => {
        if (this.#take === take) this.#take = null;
      },
      { once: true },
    );
  }

  /** True when a reply reactor here took the message; false leaves it to the nudge and the event. */
  offer(message: DecidedMessage): boolean {
    if (!this.#take) return false;
    this.#take(message);
    return true;
  }
}
