import { randomUUID } from "node:crypto";
import type { IdentityInput, PersonaInput } from "../../domain/agent/agentInputs.ts";
import { agentDecider } from "../../domain/agent/decider.ts";
import type { AgentSource } from "../../domain/agent/schemas.ts";
import type { MoodState } from "../../domain/shared/mood.ts";
import { agentStreamId } from "../../domain/streamIds.ts";
import type { CommandHandler } from "../commandHandler.ts";
import { commandContext, type RequestMeta } from "../users/requestMeta.ts";
import type { BasePortraitQueue } from "./basePortraitQueue.ts";

export interface AgentDeps {
  commands: CommandHandler;
  /** Absent until the images work provides it. */
  basePortraits?: BasePortraitQueue | null;
}

export interface CreateAgentInput {
  name: string;
  persona: PersonaInput;
  identity: IdentityInput;
  appearancePrompt: string;
  moodBaseline?: MoodState | null;
}

export interface CreatedAgent {
  agentId: string;
  /** The image job drawing the base portrait, when portraits are set up. */
  basePortraitJobId: string | null;
}

export async function createAgent(
  deps: AgentDeps,
  input: CreateAgentInput,
  meta: RequestMeta,
  source: AgentSource = "manual",
  agentId: string = randomUUID(),
): Promise<CreatedAgent> {
  await deps.commands.handle(
    agentDecider,
    agentStreamId(agentId),
    {
      type: "CreateAgent",
      agentId,
      name: input.name,
      persona: input.persona,
      identity: input.identity,
      appearancePrompt: input.appearancePrompt,
      ...(input.moodBaseline ? { moodBaseline: input.moodBaseline } : {}),
      source,
      createdBy: meta.actor,
      now: meta.now.toISOString(),
    },
    commandContext(meta, `create-agent:${agentId}`),
  );
  const basePortraitJobId = deps.basePortraits
    ? await deps.basePortraits.queueBasePortrait(
        { agentId, appearancePrompt: input.appearancePrompt, reason: "created" },
        meta,
      )
    : null;
  return { agentId, basePortraitJobId };
}
