import type { ConversationState } from "../../domain/conversation/decider.ts";
import { userStreamId } from "../../domain/streamIds.ts";
import { userDecider } from "../../domain/user/decider.ts";
import { personNameInMemory } from "../prompt/calledName.ts";
import type { EngineDependencies } from "./engineDependencies.ts";
import type { SummaryNames } from "./memorySummaryWriter.ts";
import { loadAgentState } from "./replyDeferral.ts";

/** Who a summary of the conversation speaks of: the person, and the agent by its name. */
export async function summaryNamesOf(
  deps: EngineDependencies,
  state: ConversationState & { userId: string; agentId: string },
): Promise<SummaryNames> {
  const [{ state: user }, agent] = await Promise.all([
    deps.commands.load(userDecider, userStreamId(state.userId), {
      freshWithinMs: deps.settings.contextFreshMs,
    }),
    loadAgentState(deps, state.agentId),
  ]);
  // The name the message facts use, so that a fact the summary repeats is known as the same one.
  const personName = personNameInMemory(state.memoryFacts.values(), user.profile.displayName);
  return { personName, ...(agent.profile ? { agentName: agent.profile.name } : {}) };
}
