import { agentDecider } from "../../domain/agent/decider.ts";
import { DomainError } from "../../domain/shared/decider.ts";
import { agentStreamId } from "../../domain/streamIds.ts";
import { commandContext, type RequestMeta } from "../users/requestMeta.ts";
import type { AgentDeps } from "./createAgent.ts";

export interface ArchiveAgentInput {
  agentId: string;
  reason?: string | null;
}

/**
 * Archives the agent: it takes no new messages and is hidden from people who never talked with it.
 * Archiving an archived agent (a retry, or two operators at once) is done already, not refused.
 * True when this call archived it.
 */
export async function archiveAgent(
  deps: Pick<AgentDeps, "commands">,
  input: ArchiveAgentInput,
  meta: RequestMeta,
): Promise<boolean> {
  try {
    await deps.commands.handle(
      agentDecider,
      agentStreamId(input.agentId),
      {
        type: "ArchiveAgent",
        agentId: input.agentId,
        archivedBy: meta.actor,
        ...(input.reason ? { reason: input.reason } : {}),
        now: meta.now.toISOString(),
      },
      commandContext(meta, `archive-agent:${input.agentId}`),
    );
    return true;
  } catch (error) {
    if (error instanceof DomainError && error.reason === "AgentAlreadyArchived") return false;
    throw error;
  }
}
