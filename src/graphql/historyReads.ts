import { conversationStreamId } from "../domain/streamIds.ts";
import type { GraphQLContext } from "./context.ts";

/** Events a read of a conversation's history may go through for each change of the person's budget. */
export const EVENTS_PER_CHANGE = 1_000;

/**
 * Charges a read that goes through `events` of a person's history a change per EVENTS_PER_CHANGE
 * of them beyond the first thousand (the request itself already took one), so a loop over a long
 * history costs more than one over a short one. RATE_LIMITED when the budget is spent.
 */
export async function chargeHistoryRead(context: GraphQLContext, events: number): Promise<void> {
  const beyond = Math.floor(events / EVENTS_PER_CHANGE);
  if (beyond > 0) await context.chargeRead?.(beyond);
}

/** Events stored in the person's conversation with the agent. */
export async function conversationLength(
  context: GraphQLContext,
  userId: string,
  agentId: string,
): Promise<number> {
  const last = await context.services.events.store.streamRevision(conversationStreamId(userId, agentId));
  return last === null ? 0 : last + 1;
}
