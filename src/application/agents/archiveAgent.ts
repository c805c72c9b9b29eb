import type { AgentCommand } from "../../domain/agent/commands.ts";
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
export function archiveAgent(
  deps: Pick<AgentDeps, "commands">,
  input: ArchiveAgentInput,
  meta: RequestMeta,
): Promise<boolean> {
  return handleUnlessDone(
    deps,
    {
      type: "ArchiveAgent",
      agentId: input.agentId,
      archivedBy: meta.actor,
      ...(input.reason ? { reason: input.reason } : {}),
      now: meta.now.toISOString(),
    },
    meta,
    { key: `archive-agent:${input.agentId}`, done: "AgentAlreadyArchived" },
  );
}

/**
 * Brings an archived agent back: it takes messages and edits again, and everyone sees it. An
 * agent that is not archived (a retry, or two operators at once) is done already, not refused.
 * True when this call unarchived it.
 */
export function unarchiveAgent(
  deps: Pick<AgentDeps, "commands">,
  input: { agentId: string },
  meta: RequestMeta,
): Promise<boolean> {
  return handleUnlessDone(
    deps,
    { type: "UnarchiveAgent", agentId: input.agentId, unarchivedBy: meta.actor, now: meta.now.toISOString() },
    meta,
    { key: `unarchive-agent:${input.agentId}`, done: "AgentNotArchived" },
  );
}

/** Handles the command; its `done` refusal means an earlier call did it already (false). */
async function handleUnlessDone(
  deps: Pick<AgentDeps, "commands">,
  command: AgentCommand & { agentId: string },
  meta: RequestMeta,
  options: { key: string; done: string },
): Promise<boolean> {
  try {
    await deps.commands.handle(
      agentDecider,
      agentStreamId(command.agentId),
      command,
      commandContext(meta, options.key),
    );
    return true;
  } catch (error) {
    if (error instanceof DomainError && error.reason === options.done) return false;
    throw error;
  }
}
