import type { ConversationEvent } from "../../domain/conversation/events.ts";
import type { ConversationState } from "../../domain/conversation/state.ts";
import { type CommandContext, eventIdFor, type HandleOptions } from "../commandHandler.ts";
import type { ConversationAddress } from "../engine/reactionContext.ts";
import type { DecidedMessage } from "../engine/replyHandoff.ts";

export interface EarlyAnswer {
  options: HandleOptions<ConversationState, ConversationEvent>;
  /**
   * Tells the reply handed over how the message's commit went (an error: it failed); true when
   * the reply goes on, so the message needs no announcing.
   */
  settle(error?: unknown): boolean;
}

/**
 * Hands the reply to a message to this process's reply reactor as soon as the message is
 * decided. Only the first decision is handed over: one made again after a conflict stops that
 * reply, and the message is announced as usual.
 */
export function earlyAnswer(
  answer: ((message: DecidedMessage) => boolean) | undefined,
  address: ConversationAddress,
  context: CommandContext,
): EarlyAnswer {
  if (!answer) return { options: {}, settle: () => false };
  let decisions = 0;
  let handed: Pick<PromiseWithResolvers<void>, "resolve" | "reject"> | null = null;
  return {
    options: {
      onDecided: ({ state, events }) => {
        decisions++;
        const index = events.findIndex((e) => e.type === "UserMessageSent");
        if (decisions > 1 || index < 0) return;
        const { promise, resolve, reject } = Promise.withResolvers<void>();
        promise.catch(() => {});
        const cause = {
          id: eventIdFor(context.commandId, index),
          metadata: { requestId: context.requestId, correlationId: context.correlationId },
        };
        if (answer({ address, state, cause, stored: promise })) handed = { resolve, reject };
      },
    },
    settle(error?: unknown) {
      if (!handed) return false;
      if (error === undefined && decisions === 1) {
        handed.resolve();
        return true;
      }
      handed.reject(error ?? new Error("The message was decided again after a conflict."));
      return false;
    },
  };
}
