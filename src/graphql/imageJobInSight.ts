import type { ImageJobView } from "../../projections/image_jobs/queries.ts";
import { agentDecider } from "../domain/agent/decider.ts";
import { agentStreamId } from "../domain/streamIds.ts";
import { agentInSight } from "./agentInSight.ts";
import { type GraphQLContext, viewerOf } from "./context.ts";

/**
 * Whether the viewer may see an image job: the pictures of their own conversations, and the
 * portraits of agents in sight (an archived agent's only to those who talked with it), as
 * `agent(id)` answers; admins see every job (`admin`: the viewer's role unless told, as an admin
 * demoted while watching is no longer one).
 */
export async function imageJobInSight(
  context: GraphQLContext,
  job: ImageJobView,
  admin = viewerOf(context).role === "admin",
): Promise<boolean> {
  if (admin) return true;
  if (job.kind !== "basePortrait") return job.userId === viewerOf(context).userId;
  const { state } = await context.services.commands.load(agentDecider, agentStreamId(job.agentId));
  return state.status !== "absent" && (await agentInSight(context, job.agentId, state.status, false));
}
