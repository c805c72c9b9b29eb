import {
  type ConversationState,
  conversationDecider,
  isReplyIdTaken,
  nextMessageToAnswer,
  replyInProgress,
} from "../../domain/conversation/decider.ts";
import { replyIdFor } from "../conversations/messageIds.ts";
import { noTurnPriority } from "../processing/turnPriority.ts";
import { announceAbandoned } from "./abandonedReply.ts";
import type { EngineDependencies } from "./engineDependencies.ts";
import { type ConversationAddress, type ReactionCause, reactionContext } from "./reactionContext.ts";
import { answerMessage, type ReplyProgress } from "./replyAnswer.ts";
import { loadAgent, replyDeferredUntil } from "./replyDeferral.ts";
import { loadTurnContext, warmUpTurn } from "./turnContext.ts";

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
      const replyId = replying.replyId;
      const written = await asTurn(deps, replyId, firstWords, (progress) =>
        answerMessage(
          deps,
          address,
          state,
          { messageId: replying.messageId, replyId },
          cause,
          signal,
          progress,
        ),
      );
      known = written ?? known;
      continue;
    }
    const next = nextMessageToAnswer(state);
    if (!next) return;
    const replyId = unusedReplyIdFor(state, next.messageId);
    const written = await asTurn(deps, replyId, firstWords, (progress) =>
      startAndAnswer(deps, address, state, { messageId: next.messageId, replyId }, cause, signal, progress),
    );
    if (written === DEFERRED) return;
    known = written ?? known;
  }
}

const DEFERRED = Symbol("deferred");

/**
 * The message's first reply id, unless it was answered before: continuing from a message the
 * agent answered on another branch asks for a new answer beside the old one.
 */
function unusedReplyIdFor(state: ConversationState, messageId: string): string {
  for (let attempt = 1; ; attempt++) {
    const replyId = replyIdFor(messageId, attempt);
    if (!isReplyIdTaken(state, replyId)) return replyId;
  }
}

/**
 * One reply as a turn of its own under its id (taking over the one its message began), until its
 * first words; its work toward them is done in one of the places the turns share, taken with
 * `progress.place()` (see `TurnPriority.place`).
 */
async function asTurn<T>(
  deps: EngineDependencies,
  replyId: string,
  firstWords: () => void,
  work: (progress: ReplyProgress) => Promise<T>,
): Promise<T> {
  const turns = deps.turns ?? noTurnPriority;
  const turn = turns.begin(replyId);
  let leave = () => {};
  let over = false;
  const end = () => {
    over = true;
    leave();
  };
  try {
    return await work({
      place: async () => {
        const taken = await turns.place();
        if (over) taken();
        else leave = taken;
      },
      shown: () => {
        firstWords();
        turn();
        end();
      },
    });
  } finally {
    turn();
    end();
  }
}

/** Starts the reply to a waiting message and answers it; DEFERRED when the agent answers later. */
async function startAndAnswer(
  deps: EngineDependencies,
  address: ConversationAddress,
  state: ConversationState,
  reply: { messageId: string; replyId: string },
  cause: ReactionCause,
  signal: AbortSignal,
  progress: ReplyProgress,
): Promise<number | undefined | typeof DEFERRED> {
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
    return DEFERRED;
  }
  const started = deps.commands.handle(
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
  // A refused start ends the writing at once: what is written would never be stored.
  const refused = new AbortController();
  started.catch(() => refused.abort());
  const writing = AbortSignal.any([signal, refused.signal]);
  try {
    // Storing the start, reading the turn and writing the reply overlap: the first words go out
    // while the start is still being committed, and the starts of replies that come together go
    // out together, ahead of the place each waits for. The reply is stored only once its start is.
    await progress.place();
    const turn = loadTurnContext(
      deps,
      { ...address, conversation: state, messageId: reply.messageId, agent },
      writing,
    );
    turn.catch(() => {});
    return await answerMessage(deps, address, state, reply, cause, writing, progress, { turn, started });
  } catch (error) {
    const refusal = await started.then(
      () => null,
      (startError: unknown) => startError,
    );
    if (refusal === null) throw error;
    await announceAbandoned(deps, address, reply, refusal);
    throw refusal;
  }
}
