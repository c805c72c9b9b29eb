import type { RequestMeta } from "../users/requestMeta.ts";
import type { AgentDraftRequest, AgentGenerator } from "./agentGenerator.ts";
import { type AgentDeps, type CreatedAgent, createAgent } from "./createAgent.ts";
import { templateAgentGenerator } from "./templateAgentGenerator.ts";

/** Fills in the persona (and name and identity when not given) from a prompt, then creates the agent. */
export async function generateAgent(
  deps: AgentDeps & { generator?: AgentGenerator | null },
  request: AgentDraftRequest,
  meta: RequestMeta,
): Promise<CreatedAgent> {
  const generator = deps.generator ?? templateAgentGenerator;
  const draft = await generator.generate(request);
  return createAgent(deps, { ...draft, appearancePrompt: request.appearancePrompt }, meta, "generated");
}
