import { agentDecider } from "../domain/agent/decider.ts";
import { agentStreamId, conversationStreamId } from "../domain/streamIds.ts";
import { agentInSight } from "./agentInSight.ts";
import type { GraphQLContext, Viewer } from "./context.ts";
import { RECENT_UPDATES } from "./conversationSnapshots.ts";
import type { ConversationEventPayload } from "./conversationWakes.ts";
import { badInput, notFound } from "./errors.ts";
import { EVENTS_PER_CHANGE } from "./historyReads.ts";
import { LiveConversation } from "./liveConversation.ts";

export type { ConversationEventPayload } from "./conversationWakes.ts";

/**
 * The viewer's conversation with one agent as it happens. Listening starts before reading, so
 * nothing falls between the two: with `afterRevision`, the stored events after it come first
 * (what a reconnecting client missed), then live ones; without it, everything stored from the
 * moment the subscription started. Stored events are read from a cursor, so each is delivered
 * once and in order. Reply deltas and typing are live only.
 */
export async function* conversationEvents(
  context: GraphQLContext,
  viewer: Viewer,
  agentId: string,
  afterRevision: number | null,
  cancelled: AbortController,
): AsyncGenerator<ConversationEventPayload> {
  const opened = await openConversation(context, viewer, agentId, afterRevision, cancelled);
  if (!opened) return;
  const { conversation } = opened;
  try {
    yield* conversation.catchUp(opened.resumeAfter, opened.moodBaseline);
    for (let wake = await conversation.next(); wake; wake = await conversation.next()) {
      // Live messages, the most of what a subscription is woken by, need no generator of their own.
      if (wake.type !== "live") yield* conversation.handle(wake);
      else {
        const event = conversation.live(wake.shared);
        if (event) yield event;
      }
    }
  } finally {
    conversation.dispose();
  }
}

/** The agent checked and the revision to resume after settled, then listening begun; null when cancelled meanwhile. */
async function openConversation(
  context: GraphQLContext,
  viewer: Viewer,
  agentId: string,
  afterRevision: number | null,
  cancelled: AbortController,
) {
  const { services } = context;
  const streamId = conversationStreamId(viewer.userId, agentId);
  // Without a revision to resume from, "from now on" means after what is stored before listening
  // begins: read that first, so nothing stored once the subscription counts is ever passed over.
  // With one, it must be a revision the conversation has reached: one past its end would hold
  // back everything until the conversation grew past it.
  const [agent, stored] = await Promise.all([
    services.commands.load(agentDecider, agentStreamId(agentId)),
    services.events.store.streamRevision(streamId),
  ]);
  const profile = agent.state.profile;
  if (
    !profile ||
    agent.state.status === "absent" ||
    !(await agentInSight(context, agentId, agent.state.status))
  )
    throw notFound("No such agent; pick one from the list.");
  if (afterRevision !== null && afterRevision > (stored ?? -1))
    throw badInput(
      `afterRevision ${afterRevision} is past the conversation's last revision (${stored ?? -1}); resubscribe without it, or with a revision you were sent.`,
      { field: "afterRevision" },
    );
  // Resuming from before the snapshot's recent updates folds the stream from its start: a
  // person resubscribing so in a loop would keep the server reading, so it takes a change of
  // their budget per EVENTS_PER_CHANGE events sent again (a long history costs more than a short).
  const behind = afterRevision === null ? 0 : (stored ?? -1) - afterRevision;
  if (behind > RECENT_UPDATES) await context.chargeRead?.(Math.ceil(behind / EVENTS_PER_CHANGE));
  if (cancelled.signal.aborted) return null;
  const resumeAfter = afterRevision ?? stored ?? -1;
  const moodBaseline = profile.moodBaseline;
  const conversation = new LiveConversation(context, viewer.userId, agentId, moodBaseline, cancelled);
  return { conversation, resumeAfter, moodBaseline };
}
