import type { IdentityInput, PersonaInput } from "../../domain/agent/agentInputs.ts";

/** What an operator gives when asking for a generated agent. */
export interface AgentDraftRequest {
  /** A free description: "a cheerful barista in Lisbon who loves surfing". */
  prompt: string;
  appearancePrompt: string;
  name?: string | null;
  identity?: IdentityInput | null;
}

export interface AgentDraft {
  name: string;
  persona: PersonaInput;
  identity: IdentityInput;
}

/**
 * Fills in an agent from a prompt. The template generator below is the offline default; a
 * generator backed by the reply model can take its place without changing the callers.
 */
export interface AgentGenerator {
  readonly name: string;
  generate(request: AgentDraftRequest): Promise<AgentDraft>;
}
