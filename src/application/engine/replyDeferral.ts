import { availabilityAt } from "../../domain/agent/availability.ts";
import { agentDecider } from "../../domain/agent/decider.ts";
import type { AgentState } from "../../domain/agent/state.ts";
import { agentStreamId } from "../../domain/streamIds.ts";
import type { EngineDependencies } from "./engineDependencies.ts";

/** The agent's current state, read once for all who need it in a turn or a sweep. */
export function loadAgentState(
  deps: Pick<EngineDependencies, "commands" | "settings">,
  agentId: string,
): Promise<AgentState> {
  return loadAgent(deps, agentId).then(({ state }) => state);
}

/** The agent's state and the revision of its stream it was folded to. */
export function loadAgent(
  deps: Pick<EngineDependencies, "commands" | "settings">,
  agentId: string,
): Promise<{ state: AgentState; revision: number | null }> {
  return deps.commands.load(agentDecider, agentStreamId(agentId), {
    freshWithinMs: deps.settings.contextFreshMs,
  });
}

/**
 * When the reply to a person of this affinity has to wait for the agent to wake up, the instant
 * it wakes (ISO); null when it can be written now. An agent that no longer exists is not asleep:
 * its replies fail at once.
 */
export async function replyDeferredUntil(
  deps: Pick<EngineDependencies, "clock" | "settings">,
  agent: Promise<AgentState>,
  affinity: number,
): Promise<string | null> {
  if (deps.settings.asleepReplies !== "defer") return null;
  const { profile, scenarios } = await agent;
  if (!profile) return null;
  const { identity, persona } = profile;
  const now = deps.clock.now();
  const verdict = availabilityAt({ identity, about: persona.summary, scenarios, affinity, now });
  return verdict.replyMode === "deferred" ? (verdict.deferUntil ?? null) : null;
}
