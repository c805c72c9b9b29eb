import { type CardImportOptions, planCardImport } from "../../../src/application/cards/cardImportPlan.ts";
import { type ImportedCard, readCardFile } from "../../../src/application/cards/readCardFile.ts";
import { agentDecider } from "../../../src/domain/agent/decider.ts";
import type { AgentEvent } from "../../../src/domain/agent/events.ts";
import type { AgentState } from "../../../src/domain/agent/state.ts";
import { lorebookDecider } from "../../../src/domain/lorebook/decider.ts";
import type { LorebookEvent } from "../../../src/domain/lorebook/events.ts";
import type { LorebookState } from "../../../src/domain/lorebook/state.ts";

export const now = "2025-03-03T08:00:00.000Z";

export interface ImportResult {
  file: ImportedCard;
  plan: ReturnType<typeof planCardImport>;
  agentEvents: AgentEvent[];
  lorebookEvents: LorebookEvent[];
  agent: AgentState;
  lorebook: LorebookState | null;
}

/** Reads a card file and runs its import plan through the deciders, as the import service will. */
export function importCard(bytes: Uint8Array, options: Partial<CardImportOptions> = {}): ImportResult {
  const file = readCardFile(bytes);
  const plan = planCardImport(file.card, {
    agentId: "a1",
    lorebookId: "b1",
    createdBy: "admin-1",
    now,
    scenarioId: (index) => `s${index}`,
    ...options,
  });
  const lorebookEvents = plan.lorebook
    ? lorebookDecider.decide(plan.lorebook, lorebookDecider.initialState())
    : [];
  const agentEvents = agentDecider.decide(plan.agent, agentDecider.initialState());
  return {
    file,
    plan,
    agentEvents,
    lorebookEvents,
    agent: agentEvents.reduce(agentDecider.evolve, agentDecider.initialState()),
    lorebook: plan.lorebook
      ? lorebookEvents.reduce(lorebookDecider.evolve, lorebookDecider.initialState())
      : null,
  };
}

export const lisbon = {
  homeCity: "Lisbon",
  country: "Portugal",
  occupation: "Lighthouse keeper",
  timezone: "Europe/Lisbon",
};
