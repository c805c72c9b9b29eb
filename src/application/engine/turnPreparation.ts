import { userStreamId } from "../../domain/streamIds.ts";
import { userDecider } from "../../domain/user/decider.ts";
import type { EngineDependencies } from "./engineDependencies.ts";
import { warmUpMemories } from "./memoryRetrieval.ts";
import { loadAgent } from "./replyDeferral.ts";

/**
 * Starts the reads a reply to this person begins with (their state, the agent's, the memory
 * index) while their message is still being stored, for the process that writes the reply: the
 * turn then finds them in its caches, fresh, instead of reading them after the message's append.
 * Never fails; a read that does is made again by the turn.
 */
export function prepareTurn(
  deps: Pick<EngineDependencies, "commands" | "settings" | "vectorIndex">,
  userId: string,
  agentId: string,
): void {
  const fresh = { freshWithinMs: deps.settings.contextFreshMs };
  deps.commands.load(userDecider, userStreamId(userId), fresh).catch(() => {});
  loadAgent(deps, agentId).catch(() => {});
  warmUpMemories(deps, userId, agentId);
}
