import { requireKnownAgent } from "../application/conversations/sendMessage.ts";
import { conversationStreamId } from "../domain/streamIds.ts";
import { type GraphQLContext, viewerOf } from "./context.ts";
import { notFound } from "./errors.ts";

/**
 * Whether the viewer may see an agent that exists in the state `status`: an archived agent only
 * when they are an admin (`admin`: the viewer's role unless told) or have a conversation with it,
 * as `agent(id)` answers.
 */
export async function agentInSight(
  context: GraphQLContext,
  agentId: string,
  status: "active" | "archived",
  admin = viewerOf(context).role === "admin",
): Promise<boolean> {
  const viewer = viewerOf(context);
  if (status === "active" || admin) return true;
  const talked = await context.services.events.store.streamRevision(
    conversationStreamId(viewer.userId, agentId),
  );
  return talked !== null;
}

/** NOT_FOUND, as for an unknown id, unless the agent exists and the viewer may see it. */
export async function requireAgentInSight(context: GraphQLContext, agentId: string): Promise<void> {
  const status = await requireKnownAgent(context.services.commands, agentId);
  if (!(await agentInSight(context, agentId, status)))
    throw notFound("No such agent; pick one from the list.");
}
