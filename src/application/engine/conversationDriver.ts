import {
  conversationDecider,
  nextMessageToAnswer,
  replyInProgress,
} from "../../domain/conversation/decider.ts";
import { replyIdFor } from "../conversations/messageIds.ts";
import { noTurnPriority } from "../processing/turnPriority.ts";
import type { EngineDependencies } from "./engineDependencies.ts";
import { type ConversationAddress, type ReactionCause, reactionContext } from "./reactionContext.ts";
import { answerMessage } from "./replyAnswer.ts";
import { loadAgent, replyDeferredUntil } from "./replyDeferral.ts";
import { loadTurnContext } from "./turnContext.ts";

export { type ConversationAddress, type ReactionCause, reactionContext } from "./reactionContext.ts";

/**
 * Brings a conversation up to date: finishes a reply under way (after a crash it is written
 * again, never twice), then starts and writes the replies to waiting messages, oldest first.
 * Until the first words of a reply are out, it counts as a turn that other work waits for.
 */
export async function driveConversation(
  deps: EngineDependencies,
  address: ConversationAddress,
  cause: ReactionCause,
  signal: AbortSignal,
  knownRevision?: number,
): Promise<void> {
  const firstWords = (deps.turns ?? noTurnPriority).begin();
  try {
    await drive(deps, address, cause, signal, firstWords, knownRevision);
  } finally {
    firstWords();
  }
}

async function drive(
  deps: EngineDependencies,
  address: ConversationAddress,
  cause: ReactionCause,
  signal: AbortSignal,
  firstWords: () => void,
  knownRevision?: number,
): Promise<void> {
  // Each step reads the stream only when the cache is behind what this reaction knows was stored
  // (the event it was handed, then its own writes); later events bring their own reactions.
  let known = knownRevision;
  for (let step = 0; step < 100 && !signal.aborted; step++) {
    const { state } = await deps.commands.load(
      conversationDecider,
      address.streamId,
      known === undefined ? {} : { atLeastRevision: known },
    );
    const replying = replyInProgress(state);
    if (replying?.replyId) {
      const written = await answerMessage(
        deps,
        address,
        state,
        { messageId: replying.messageId, replyId: replying.replyId },
        cause,
        signal,
        firstWords,
      );
      known = written ?? known;
      continue;
    }
    const next = nextMessageToAnswer(state);
    if (!next) return;
    const replyId = replyIdFor(next.messageId, 1);
    // Storing the start, reading the turn and writing the reply overlap: the first words go out
    // while the start is still being committed. The reply is stored only once its start is.
    const agent = loadAgent(deps, address.agentId);
    const turn = loadTurnContext(
      deps,
      { ...address, conversation: state, messageId: next.messageId, agent },
      signal,
    );
    turn.catch(() => {});
    const wakesAt = await replyDeferredUntil(
      deps,
      agent.then(({ state }) => state),
      state.affinity,
    );
    if (wakesAt) {
      // Nothing is stored: the message waits, and the waker drives this conversation again once
      // the agent is up. Later messages wait behind it, so replies stay in order.
      deps.logger.debug({ streamId: address.streamId, wakesAt }, "reply deferred until the agent wakes up");
      return;
    }
    const started = deps.commands.handle(
      conversationDecider,
      address.streamId,
      {
        type: "StartReply",
        userId: address.userId,
        agentId: address.agentId,
        replyId,
        messageId: next.messageId,
        now: deps.clock.now().toISOString(),
      },
      reactionContext(cause, `start-reply:${replyId}`, deps.clock.now(), "system:reply-reactor"),
    );
    started.catch(() => {});
    const written = await answerMessage(
      deps,
      address,
      state,
      { messageId: next.messageId, replyId },
      cause,
      signal,
      firstWords,
      {
        turn,
        started,
      },
    );
    known = written ?? known;
  }
}
