import { randomUUID } from "node:crypto";
import type { IdentityInput, PersonaInput } from "../../domain/agent/agentInputs.ts";
import { agentDecider } from "../../domain/agent/decider.ts";
import type { AgentSource } from "../../domain/agent/schemas.ts";
import type { MoodState } from "../../domain/shared/mood.ts";
import { agentStreamId } from "../../domain/streamIds.ts";
import type { CommandHandler } from "../commandHandler.ts";
import { commandContext, type RequestMeta } from "../users/requestMeta.ts";
import type { BasePortraitQueue } from "./basePortraitQueue.ts";
import { companionIdFor, createdIdFor, createOnce } from "./retriedCreations.ts";

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

/**
 * The agent a keyed creation makes: the same client request id with the same input is a retry
 * and names the same agent; without a key every call makes a new one.
 */
export function agentIdForRequest(
  kind: string,
  meta: RequestMeta,
  clientRequestId: string | null | undefined,
  ...content: (Uint8Array | string)[]
): string {
  return clientRequestId ? createdIdFor(kind, meta.actor, clientRequestId, ...content) : randomUUID();
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
  keyed = false,
): Promise<CreatedAgent> {
  await createOnce(keyed, () =>
    deps.commands.handle(
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
    ),
  );
  const portraits = deps.basePortraits;
  if (!portraits) return { agentId, basePortraitJobId: null };
  const request = { agentId, appearancePrompt: input.appearancePrompt, reason: "created" as const };
  if (!keyed) return { agentId, basePortraitJobId: await portraits.queueBasePortrait(request, meta) };
  // A retry asks for the same portrait job, so it draws the first portrait, not a second one.
  const imageJobId = companionIdFor(agentId, "base-portrait");
  await createOnce(keyed, () => portraits.queueBasePortrait({ ...request, imageJobId }, meta));
  return { agentId, basePortraitJobId: imageJobId };
}
