import {
  type ConversationState,
  conversationDecider,
  isReplyIdTaken,
  nextMessageToAnswer,
  replyInProgress,
} from "../../domain/conversation/decider.ts";
import { replyIdFor } from "../conversations/messageIds.ts";
import { noTurnPriority } from "../processing/turnPriority.ts";
import type { EngineDependencies } from "./engineDependencies.ts";
import type { ConversationAddress, ReactionCause } from "./reactionContext.ts";
import { answerMessage, type ReplyProgress } from "./replyAnswer.ts";
import type { DecidedMessage } from "./replyHandoff.ts";
import { STOPPED, startAndAnswer } from "./replyStart.ts";

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
  decided?: DecidedMessage,
): Promise<void> {
  const firstWords = (deps.turns ?? noTurnPriority).begin();
  try {
    await drive(deps, address, cause, signal, firstWords, knownRevision, decided);
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
  decided?: DecidedMessage,
): Promise<void> {
  // Each step reads the stream only when the cache is behind what this reaction knows was stored
  // (the event it was handed, then its own writes); later events bring their own reactions.
  let known = knownRevision;
  if (decided) {
    // A message still being committed: its reply starts from the state it leaves, when that
    // reply is all there is to write; anything else waits for the commit.
    const written = await answerDecided(deps, address, cause, signal, firstWords, decided);
    if (written === STOPPED) return;
    known = written ?? known;
  }
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
    if (written === STOPPED) return;
    known = written ?? known;
  }
}

async function answerDecided(
  deps: EngineDependencies,
  address: ConversationAddress,
  cause: ReactionCause,
  signal: AbortSignal,
  firstWords: () => void,
  decided: DecidedMessage,
): Promise<number | undefined | typeof STOPPED> {
  const { state, stored } = decided;
  const next = nextMessageToAnswer(state);
  // Work queued before this (an earlier reply's drive) may have written after the message, and
  // answered it: then the decided state is old, and the stream as stored says what is owed.
  const now = deps.commands.cachedState(conversationDecider, address.streamId);
  if (!next || replyInProgress(state) || (now && now.revision > state.revision))
    return stored.then(
      () => state.revision,
      () => STOPPED,
    );
  const replyId = unusedReplyIdFor(state, next.messageId);
  return asTurn(deps, replyId, firstWords, (progress) =>
    startAndAnswer(
      deps,
      address,
      state,
      { messageId: next.messageId, replyId },
      cause,
      signal,
      progress,
      stored,
    ),
  );
}

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
