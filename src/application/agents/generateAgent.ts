import type { RequestMeta } from "../users/requestMeta.ts";
import type { AgentDraftRequest, AgentGenerator } from "./agentGenerator.ts";
import { type AgentDeps, agentIdForRequest, type CreatedAgent, createAgent } from "./createAgent.ts";
import { templateAgentGenerator } from "./templateAgentGenerator.ts";

/** Fills in the persona (and name and identity when not given) from a prompt, then creates the agent. */
export async function generateAgent(
  deps: AgentDeps & { generator?: AgentGenerator | null },
  request: AgentDraftRequest,
  meta: RequestMeta,
  clientRequestId?: string | null,
): Promise<CreatedAgent> {
  const agentId = agentIdForRequest("generate-agent", meta, clientRequestId, JSON.stringify(request));
  const generator = deps.generator ?? templateAgentGenerator;
  const draft = await generator.generate(request);
  const input = { ...draft, appearancePrompt: request.appearancePrompt };
  return createAgent(deps, input, meta, "generated", agentId, Boolean(clientRequestId));
}
