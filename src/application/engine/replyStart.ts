import { type ConversationState, conversationDecider } from "../../domain/conversation/decider.ts";
import { announceAbandoned } from "./abandonedReply.ts";
import type { EngineDependencies } from "./engineDependencies.ts";
import { type ConversationAddress, type ReactionCause, reactionContext } from "./reactionContext.ts";
import { answerMessage, type ReplyProgress } from "./replyAnswer.ts";
import { loadAgent, replyDeferredUntil } from "./replyDeferral.ts";
import { loadTurnContext, warmUpTurn } from "./turnContext.ts";

/** The drive of a conversation stops here: the reply waits for the agent, or its message was not stored. */
export const STOPPED = Symbol("stopped");

/**
 * Starts the reply to a waiting message and answers it; STOPPED when the agent answers later, or
 * when the message it answers was not stored as decided (then nothing of the reply is shown or
 * stored, and the message, if stored after all, is announced again).
 */
export async function startAndAnswer(
  deps: EngineDependencies,
  address: ConversationAddress,
  state: ConversationState,
  reply: { messageId: string; replyId: string },
  cause: ReactionCause,
  signal: AbortSignal,
  progress: ReplyProgress,
  /** The message's commit, when the reply starts while it is under way (see `ReplyHandoff`). */
  stored?: Promise<void>,
): Promise<number | undefined | typeof STOPPED> {
  const { replyId } = reply;
  const agent = loadAgent(deps, address.agentId);
  // The person and their memories' index are read beside the agent, ahead of the place the turn
  // waits for: the turn then finds them read (where the API has not started them already).
  warmUpTurn(deps, address.userId, address.agentId);
  const wakesAt = await replyDeferredUntil(
    deps,
    agent.then(({ state }) => state),
    state.affinity,
  );
  if (wakesAt) {
    // Nothing is stored: the message waits, and the waker drives this conversation again once
    // the agent is up. Later messages wait behind it, so replies stay in order.
    deps.logger.debug({ streamId: address.streamId, wakesAt }, "reply deferred until the agent wakes up");
    return STOPPED;
  }
  const start = () =>
    deps.commands.handle(
      conversationDecider,
      address.streamId,
      {
        type: "StartReply",
        userId: address.userId,
        agentId: address.agentId,
        replyId,
        messageId: reply.messageId,
        now: deps.clock.now().toISOString(),
      },
      reactionContext(cause, `start-reply:${replyId}`, deps.clock.now(), "system:reply-reactor"),
    );
  // The start follows its message: it is decided and stored once the message's commit returned.
  const started = stored ? stored.then(start) : start();
  // A refused start ends the writing at once: what is written would never be stored.
  const refused = new AbortController();
  started.catch(() => refused.abort());
  const writing = AbortSignal.any([signal, refused.signal]);
  try {
    // Storing the start, reading the turn and writing the reply overlap: the first words go out
    // while the start is still being committed, and the starts of replies that come together go
    // out together, ahead of the place each waits for. The reply is stored only once its start is.
    await progress.place();
    const loading = loadTurnContext(
      deps,
      { ...address, conversation: state, messageId: reply.messageId, agent, ...(stored ? { stored } : {}) },
      writing,
    );
    // Nothing is written toward the person before their message is stored.
    const turn = stored ? Promise.all([loading, stored]).then(([loaded]) => loaded) : loading;
    turn.catch(() => {});
    return await answerMessage(deps, address, state, reply, cause, writing, progress, { turn, started });
  } catch (error) {
    if (stored && (await failed(stored))) return STOPPED;
    const refusal = await started.then(
      () => null,
      (startError: unknown) => startError,
    );
    if (refusal === null) throw error;
    await announceAbandoned(deps, address, reply, refusal);
    throw refusal;
  }
}

const failed = (promise: Promise<unknown>) =>
  promise.then(
    () => false,
    () => true,
  );
