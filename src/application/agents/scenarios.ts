import { randomUUID } from "node:crypto";
import type { ScenarioWindowInput } from "../../domain/agent/agentInputs.ts";
import { agentDecider } from "../../domain/agent/decider.ts";
import { agentStreamId } from "../../domain/streamIds.ts";
import { commandContext, type RequestMeta } from "../users/requestMeta.ts";
import type { AgentDeps } from "./createAgent.ts";

export interface AddScenarioInput {
  agentId: string;
  title: string;
  description: string;
  window: ScenarioWindowInput;
}

/** The agent is busy while the scenario's window is open; returns the new scenario's id. */
export async function addScenario(
  deps: AgentDeps,
  input: AddScenarioInput,
  meta: RequestMeta,
): Promise<string> {
  const scenarioId = randomUUID();
  await deps.commands.handle(
    agentDecider,
    agentStreamId(input.agentId),
    { type: "AddScenario", ...input, scenarioId, now: meta.now.toISOString() },
    commandContext(meta, `add-scenario:${scenarioId}`),
  );
  return scenarioId;
}

export async function retireScenario(
  deps: AgentDeps,
  input: { agentId: string; scenarioId: string; reason?: string | null },
  meta: RequestMeta,
): Promise<void> {
  await deps.commands.handle(
    agentDecider,
    agentStreamId(input.agentId),
    {
      type: "RetireScenario",
      agentId: input.agentId,
      scenarioId: input.scenarioId,
      ...(input.reason ? { reason: input.reason } : {}),
      now: meta.now.toISOString(),
    },
    commandContext(meta, `retire-scenario:${input.agentId}:${input.scenarioId}`),
  );
}
