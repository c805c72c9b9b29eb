import type { MoodState } from "../shared/mood.ts";
import type { IdentityInput, PersonaInput, ScenarioWindowInput } from "./agentInputs.ts";
import type {
  AttachLorebook,
  CreateAgentFromCard,
  DetachLorebook,
  UpdateAgentCardDetails,
  UpdateAgentGreetings,
  UpdateAgentPromptParts,
  UpdateAgentStyleExamples,
} from "./cardCommands.ts";
import type { AgentSource, LifeEventKind } from "./schemas.ts";

export interface CreateAgent {
  type: "CreateAgent";
  agentId: string;
  name: string;
  persona: PersonaInput;
  identity: IdentityInput;
  appearancePrompt: string;
  /** The default mood when left out. */
  moodBaseline?: MoodState;
  source: AgentSource;
  createdBy: string;
  now: string;
}

export interface RenameAgent {
  type: "RenameAgent";
  agentId: string;
  name: string;
  now: string;
}

export interface UpdateAgentPersona {
  type: "UpdateAgentPersona";
  agentId: string;
  persona: PersonaInput;
  now: string;
}

export interface UpdateAgentIdentity {
  type: "UpdateAgentIdentity";
  agentId: string;
  identity: IdentityInput;
  now: string;
}

export interface UpdateAgentAppearance {
  type: "UpdateAgentAppearance";
  agentId: string;
  appearancePrompt: string;
  now: string;
}

export interface SetAgentBasePortrait {
  type: "SetAgentBasePortrait";
  agentId: string;
  imageJobId: string;
  url: string;
  now: string;
}

export interface AddScenario {
  type: "AddScenario";
  agentId: string;
  scenarioId: string;
  title: string;
  description: string;
  window: ScenarioWindowInput;
  now: string;
}

export interface RetireScenario {
  type: "RetireScenario";
  agentId: string;
  scenarioId: string;
  reason?: string;
  now: string;
}

export interface RecordLifeEvent {
  type: "RecordLifeEvent";
  agentId: string;
  lifeEventId: string;
  kind: LifeEventKind;
  title: string;
  description: string;
  moodImpact?: MoodState | null;
  now: string;
}

export interface DriftMoodBaseline {
  type: "DriftMoodBaseline";
  agentId: string;
  to: MoodState;
  reason: string;
  now: string;
}

export interface ArchiveAgent {
  type: "ArchiveAgent";
  agentId: string;
  archivedBy: string;
  reason?: string;
  now: string;
}

export interface UnarchiveAgent {
  type: "UnarchiveAgent";
  agentId: string;
  unarchivedBy: string;
  now: string;
}

export type AgentCommand =
  | CreateAgent
  | CreateAgentFromCard
  | UpdateAgentGreetings
  | UpdateAgentStyleExamples
  | UpdateAgentPromptParts
  | UpdateAgentCardDetails
  | AttachLorebook
  | DetachLorebook
  | RenameAgent
  | UpdateAgentPersona
  | UpdateAgentIdentity
  | UpdateAgentAppearance
  | SetAgentBasePortrait
  | AddScenario
  | RetireScenario
  | RecordLifeEvent
  | DriftMoodBaseline
  | ArchiveAgent
  | UnarchiveAgent;
