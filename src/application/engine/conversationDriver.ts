import type { ConversationCommand } from "../../domain/conversation/commands.ts";
import {
  type ConversationState,
  conversationDecider,
  nextMessageToAnswer,
  replyInProgress,
} from "../../domain/conversation/decider.ts";
import type { RecordedEvent } from "../../ports/eventStore.ts";
import { topics } from "../../ports/liveBus.ts";
import type { CommandContext } from "../commandHandler.ts";
import { replyIdFor } from "../conversations/messageIds.ts";
import type { EngineDependencies } from "./engineDependencies.ts";
import { decideImageRequest } from "./imageRequestStep.ts";
import { loadAgent, replyDeferredUntil } from "./replyDeferral.ts";
import { describeFailure } from "./replyFailures.ts";
import { seedFrom, type WrittenReply, writeReply } from "./replyWriter.ts";
import { loadTurnContext, type TurnContext } from "./turnContext.ts";

export interface ConversationAddress {
  streamId: string;
  userId: string;
  agentId: string;
}

/** What a reaction is a consequence of: a stored event, or the nudge that announced it. */
export interface ReactionCause {
  id: string;
  metadata: Pick<RecordedEvent["metadata"], "requestId" | "correlationId">;
}

/** The context of a command a reactor issues because of an event. */
export function reactionContext(
  cause: ReactionCause,
  commandId: string,
  now: Date,
  actor: string,
): CommandContext {
  return {
    commandId,
    actor,
    requestId: cause.metadata.requestId,
    correlationId: cause.metadata.correlationId,
    causationId: cause.id,
    now,
  };
}

/**
 * Brings a conversation up to date: finishes a reply under way (after a crash it is written
 * again, never twice), then starts and writes the replies to waiting messages, oldest first.
 */
export async function driveConversation(
  deps: EngineDependencies,
  address: ConversationAddress,
  cause: ReactionCause,
  signal: AbortSignal,
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
      const written = await answer(
        deps,
        address,
        state,
        { messageId: replying.messageId, replyId: replying.replyId },
        cause,
        signal,
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
    const written = await answer(
      deps,
      address,
      state,
      { messageId: next.messageId, replyId },
      cause,
      signal,
      {
        turn,
        started,
      },
    );
    known = written ?? known;
  }
}

async function answer(
  deps: EngineDependencies,
  address: ConversationAddress,
  state: ConversationState,
  reply: { messageId: string; replyId: string },
  cause: ReactionCause,
  signal: AbortSignal,
  starting?: { turn: Promise<TurnContext>; started: Promise<unknown> },
): Promise<number | undefined> {
  const now = () => deps.clock.now().toISOString();
  const base = { userId: address.userId, agentId: address.agentId };
  const context = reactionContext(
    cause,
    `finish-reply:${reply.replyId}`,
    deps.clock.now(),
    "system:reply-reactor",
  );
  let commands: ConversationCommand[];
  try {
    const turn = await (starting?.turn ??
      loadTurnContext(deps, { ...address, conversation: state, messageId: reply.messageId }, signal));
    const image = decideImageRequest(turn, deps.clock.now(), reply.replyId);
    const written: WrittenReply =
      image.kind === "none"
        ? await writeReply(deps, turn, reply.replyId, signal)
        : await sayLine(deps, address, reply.replyId, image.line);
    const appraisal = await deps.appraiser.appraise(
      {
        personMessage: turn.message.text,
        reply: written.text,
        mood: { name: turn.mood.mood, intensity: turn.mood.intensity },
        baselineMood: turn.agent.profile.moodBaseline.mood,
        affinity: state.affinity,
        now: now(),
        previousMessageAt: previousMessageAt(state, reply.messageId),
      },
      { seed: seedFrom(reply.replyId), signal },
    );
    commands = [
      {
        type: "CompleteReply",
        ...base,
        replyId: reply.replyId,
        text: written.text,
        model: written.model,
        usage: written.usage,
        now: now(),
      },
      ...(image.kind === "none" ? [] : [image.command]),
      {
        type: "ShiftMood",
        ...base,
        causedBy: reply.replyId,
        mood: appraisal.mood.name,
        intensity: round(appraisal.mood.intensity),
        reason: appraisal.mood.reason,
        now: now(),
      },
      ...(appraisal.affinity.delta === 0
        ? []
        : [
            {
              type: "ChangeAffinity" as const,
              ...base,
              causedBy: reply.replyId,
              delta: appraisal.affinity.delta,
              reason: appraisal.affinity.reason,
              now: now(),
            },
          ]),
    ];
  } catch (error) {
    if (signal.aborted) throw error;
    const failure = describeFailure(error);
    if (!failure) throw error;
    // The person sees a plain sentence; what the provider said is for the operator's log.
    deps.logger.warn(
      { replyId: reply.replyId, reason: failure.reason, detail: (error as Error).message },
      "reply failed",
    );
    commands = [{ type: "FailReply", ...base, replyId: reply.replyId, ...failure, now: now() }];
  }
  await starting?.started;
  const handled = await deps.commands.handleAll(conversationDecider, address.streamId, commands, context);
  return handled.revision ?? undefined;
}

/** A fixed line (an image request's answer) streamed as one piece, like any reply. */
async function sayLine(
  deps: EngineDependencies,
  address: ConversationAddress,
  replyId: string,
  line: string,
): Promise<WrittenReply> {
  const topic = topics.conversation(address.userId, address.agentId);
  await deps.bus.publish(topic, { kind: "reply.delta", payload: { replyId, text: line, index: 0 } });
  return { text: line, model: "withme-image-gate", usage: { promptTokens: 0, completionTokens: 0 } };
}

function previousMessageAt(state: ConversationState, messageId: string): string | null {
  const earlier = state.recentUserMessages.filter((m) => m.messageId !== messageId);
  return earlier.at(-1)?.sentAt ?? null;
}

const round = (value: number) => Math.round(value * 100) / 100;
