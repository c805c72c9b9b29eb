import { agentDecider } from "../../domain/agent/decider.ts";
import { DomainError } from "../../domain/shared/decider.ts";
import { agentStreamId } from "../../domain/streamIds.ts";
import { commandContext, type RequestMeta } from "../users/requestMeta.ts";
import type { AgentDeps } from "./createAgent.ts";

/**
 * Brings an archived agent back: it takes messages and edits again, and everyone sees it. An
 * agent that is not archived (a retry, or two operators at once) is done already, not refused.
 * True when this call unarchived it.
 */
export async function unarchiveAgent(
  deps: Pick<AgentDeps, "commands">,
  input: { agentId: string },
  meta: RequestMeta,
): Promise<boolean> {
  try {
    await deps.commands.handle(
      agentDecider,
      agentStreamId(input.agentId),
      {
        type: "UnarchiveAgent",
        agentId: input.agentId,
        unarchivedBy: meta.actor,
        now: meta.now.toISOString(),
      },
      commandContext(meta, `unarchive-agent:${input.agentId}`),
    );
    return true;
  } catch (error) {
    if (error instanceof DomainError && error.reason === "AgentNotArchived") return false;
    throw error;
  }
}
