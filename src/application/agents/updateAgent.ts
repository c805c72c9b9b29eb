import { randomUUID } from "node:crypto";
import type { IdentityInput, PersonaInput } from "../../domain/agent/agentInputs.ts";
import type { AgentCommand } from "../../domain/agent/commands.ts";
import { agentDecider } from "../../domain/agent/decider.ts";
import { DomainError } from "../../domain/shared/decider.ts";
import { agentStreamId } from "../../domain/streamIds.ts";
import { commandContext, type RequestMeta } from "../users/requestMeta.ts";
import { BasePortraitsUnavailableError } from "./basePortraitQueue.ts";
import type { AgentDeps } from "./createAgent.ts";

export interface UpdateAgentInput {
  agentId: string;
  name?: string | null;
  persona?: PersonaInput | null;
  identity?: IdentityInput | null;
  appearancePrompt?: string | null;
}

/**
 * Applies the parts that were given, one command each; a part equal to what is stored writes
 * nothing. A new appearance queues a new base portrait when portraits are set up.
 */
export async function updateAgent(
  deps: AgentDeps,
  input: UpdateAgentInput,
  meta: RequestMeta,
): Promise<{ changed: boolean; basePortraitJobId: string | null }> {
  const { agentId } = input;
  const now = meta.now.toISOString();
  const commands: AgentCommand[] = [];
  if (input.name != null) commands.push({ type: "RenameAgent", agentId, name: input.name, now });
  if (input.persona) commands.push({ type: "UpdateAgentPersona", agentId, persona: input.persona, now });
  if (input.identity) commands.push({ type: "UpdateAgentIdentity", agentId, identity: input.identity, now });
  if (input.appearancePrompt != null)
    commands.push({ type: "UpdateAgentAppearance", agentId, appearancePrompt: input.appearancePrompt, now });
  const operation = randomUUID();
  let changed = false;
  let appearanceChanged = false;
  for (const [index, command] of commands.entries()) {
    const result = await deps.commands.handle(
      agentDecider,
      agentStreamId(agentId),
      command,
      commandContext(meta, `update-agent:${operation}:${index}`),
    );
    changed ||= result.events.length > 0;
    appearanceChanged ||= result.events.some((e) => e.type === "AgentAppearanceUpdated");
  }
  if (commands.length === 0) {
    const { state } = await deps.commands.load(agentDecider, agentStreamId(agentId));
    if (state.status === "absent") throw agentNotFound();
  }
  const basePortraitJobId =
    appearanceChanged && deps.basePortraits
      ? await deps.basePortraits.queueBasePortrait(
          { agentId, appearancePrompt: input.appearancePrompt!, reason: "appearanceChanged" },
          meta,
        )
      : null;
  return { changed, basePortraitJobId };
}

/** Asks for a new base portrait from the agent's current appearance prompt. */
export async function regenerateBasePortrait(
  deps: AgentDeps,
  agentId: string,
  meta: RequestMeta,
): Promise<string> {
  const { state } = await deps.commands.load(agentDecider, agentStreamId(agentId));
  if (!state.profile) throw agentNotFound();
  if (!deps.basePortraits) throw new BasePortraitsUnavailableError();
  return deps.basePortraits.queueBasePortrait(
    { agentId, appearancePrompt: state.profile!.appearancePrompt, reason: "requested" },
    meta,
  );
}

function agentNotFound(): DomainError {
  return new DomainError("AgentNotFound", "NOT_FOUND", "No such agent; check the agent id.");
}
