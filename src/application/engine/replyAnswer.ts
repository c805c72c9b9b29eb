import type { ConversationCommand } from "../../domain/conversation/commands.ts";
import { type ConversationState, conversationDecider } from "../../domain/conversation/decider.ts";
import { topics } from "../../ports/liveBus.ts";
import { noTurnPriority } from "../processing/turnPriority.ts";
import type { EngineDependencies } from "./engineDependencies.ts";
import { decideImageRequest } from "./imageRequestStep.ts";
import { type ConversationAddress, type ReactionCause, reactionContext } from "./reactionContext.ts";
import { describeFailure } from "./replyFailures.ts";
import { seedFrom, type WrittenReply, writeReply } from "./replyWriter.ts";
import { loadTurnContext, type TurnContext } from "./turnContext.ts";

/** What a reply does with its turn as it goes: takes its place to work toward its first words, says they are out. */
export interface ReplyProgress {
  place: () => Promise<void>;
  shown: () => void;
}

/**
 * Writes one reply live, then stores it with the mood and affinity it leaves behind (or its
 * failure). Once its first words are out, the rest waits for other replies' first words.
 * Returns the stream's revision after the reply is stored.
 */
export async function answerMessage(
  deps: EngineDependencies,
  address: ConversationAddress,
  state: ConversationState,
  reply: { messageId: string; replyId: string },
  cause: ReactionCause,
  signal: AbortSignal,
  progress: ReplyProgress,
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
      progress
        .place()
        .then(() =>
          loadTurnContext(deps, { ...address, conversation: state, messageId: reply.messageId }, signal),
        ));
    const image = decideImageRequest(turn, deps.clock.now(), reply.replyId);
    const written: WrittenReply =
      image.kind === "none"
        ? await writeReply(deps, turn, reply.replyId, signal, progress.shown)
        : await sayLine(deps, address, reply.replyId, image.line);
    progress.shown();
    await (deps.turns ?? noTurnPriority).yieldToTurns();
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

/** The newest other message's time, read from the newest back: it is nearly always the last but one. */
function previousMessageAt(state: ConversationState, messageId: string): string | null {
  const recent = state.recentUserMessages;
  for (let i = recent.length - 1; i >= 0; i--)
    if (recent[i]!.messageId !== messageId) return recent[i]!.sentAt;
  return null;
}

const round = (value: number) => Math.round(value * 100) / 100;
