import type { BasePortraitQueue } from "../agents/basePortraitQueue.ts";
import { companionIdFor, createOnce } from "../agents/retriedCreations.ts";
import type { RequestMeta } from "../users/requestMeta.ts";

/** The card's image is not an image job's; its id says where it came from, derived from the agent. */
export function cardPortraitJobId(agentId: string): string {
  return `card-${agentId}`;
}

/**
 * A card without an image gets its portrait drawn from its appearance, as a created agent does.
 * A retried import asks for the same job, so it draws the first portrait, not a second one.
 */
export async function queueDrawnPortrait(
  deps: { basePortraits?: BasePortraitQueue | null },
  agent: { agentId: string; appearancePrompt: string },
  keyed: boolean,
  meta: RequestMeta,
): Promise<string | null> {
  const portraits = deps.basePortraits;
  if (!portraits) return null;
  const request = { ...agent, reason: "created" as const };
  if (!keyed) return portraits.queueBasePortrait(request, meta);
  const imageJobId = companionIdFor(agent.agentId, "base-portrait");
  await createOnce(keyed, () => portraits.queueBasePortrait({ ...request, imageJobId }, meta));
  return imageJobId;
}
