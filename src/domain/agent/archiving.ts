import { DomainError } from "../shared/decider.ts";
import type { ArchiveAgent, UnarchiveAgent } from "./commands.ts";
import type { AgentEvent } from "./events.ts";
import { checkReason } from "./profileRules.ts";
import type { AgentState } from "./state.ts";

/** Archives an active agent: it takes no new messages and no edits until it is unarchived. */
export function archiveAgent(command: ArchiveAgent, state: AgentState, agentId: string): AgentEvent[] {
  if (state.status === "archived")
    throw new DomainError("AgentAlreadyArchived", "CONFLICT", "This agent is archived already.");
  const reason =
    command.reason === undefined ? null : checkReason(command.reason, "ReasonInvalid", "a reason");
  return [
    {
      type: "AgentArchived",
      data: { agentId, archivedBy: command.archivedBy, reason, archivedAt: command.now },
    },
  ];
}

/** Brings an archived agent back as it was: it takes messages and edits again. */
export function unarchiveAgent(command: UnarchiveAgent, state: AgentState, agentId: string): AgentEvent[] {
  if (state.status !== "archived")
    throw new DomainError("AgentNotArchived", "CONFLICT", "This agent is not archived.");
  return [
    {
      type: "AgentUnarchived",
      data: { agentId, unarchivedBy: command.unarchivedBy, unarchivedAt: command.now },
    },
  ];
}
