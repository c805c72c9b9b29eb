import { assertNever, type Decider, DomainError } from "../shared/decider.ts";
import { DEFAULT_MOOD } from "../shared/mood.ts";
import { isMediaUrl } from "../shared/schemas.ts";
import { archiveAgent, unarchiveAgent } from "./archiving.ts";
import { createAgentFromCard, decideCardCommand } from "./cardDecisions.ts";
import type { AddScenario, AgentCommand, CreateAgent, RetireScenario } from "./commands.ts";
import type { AgentEvent } from "./events.ts";
import { driftMoodBaseline, recordLifeEvent } from "./life.ts";
import {
  checkAppearancePrompt,
  checkIdentity,
  checkMoodState,
  checkName,
  checkPersona,
  checkReason,
  sameIdentity,
  samePersona,
} from "./profileRules.ts";
import {
  activeScenariosAt,
  checkScenarioText,
  checkScenarioWindow,
  MAX_ACTIVE_SCENARIOS,
  type Scenario,
} from "./scenarios.ts";
import { type AgentProfile, type AgentState, evolveAgent, initialAgentState } from "./state.ts";

export type { Scenario } from "./scenarios.ts";
export type { AgentCard, AgentProfile, AgentState } from "./state.ts";

/** The scenarios that keep the agent busy at `instant`, read on the agent's own clock. */
export function scenariosKeepingAgentBusy(state: AgentState, instant: string): Scenario[] {
  return state.profile ? activeScenariosAt(state.scenarios, instant, state.profile.identity.timezone) : [];
}

function decide(command: AgentCommand, state: AgentState): AgentEvent[] {
  if (command.type === "CreateAgent") return createAgent(command, state);
  if (command.type === "CreateAgentFromCard") return createAgentFromCard(command, state, decide);
  const profile = requireActive(state, command.type === "ArchiveAgent" || command.type === "UnarchiveAgent");
  const agentId = state.agentId!;
  switch (command.type) {
    case "RenameAgent": {
      const name = checkName(command.name);
      if (name === profile.name) return [];
      return [{ type: "AgentRenamed", data: { agentId, name, previousName: profile.name } }];
    }
    case "UpdateAgentPersona": {
      const persona = checkPersona(command.persona);
      if (samePersona(persona, profile.persona)) return [];
      return [{ type: "AgentPersonaUpdated", data: { agentId, persona } }];
    }
    case "UpdateAgentIdentity": {
      const identity = checkIdentity(command.identity);
      if (sameIdentity(identity, profile.identity)) return [];
      return [{ type: "AgentIdentityUpdated", data: { agentId, identity } }];
    }
    case "UpdateAgentAppearance": {
      const appearancePrompt = checkAppearancePrompt(command.appearancePrompt);
      if (appearancePrompt === profile.appearancePrompt) return [];
      return [{ type: "AgentAppearanceUpdated", data: { agentId, appearancePrompt } }];
    }
    case "SetAgentBasePortrait": {
      if (!isMediaUrl(command.url))
        throw new DomainError(
          "InvalidImageUrl",
          "BAD_USER_INPUT",
          "The portrait needs an http(s) URL or a path on this server.",
        );
      if (state.basePortrait?.imageJobId === command.imageJobId && state.basePortrait.url === command.url)
        return [];
      return [
        { type: "AgentBasePortraitSet", data: { agentId, imageJobId: command.imageJobId, url: command.url } },
      ];
    }
    case "AddScenario":
      return addScenario(command, state);
    case "RetireScenario":
      return retireScenario(command, state);
    case "RecordLifeEvent":
      return recordLifeEvent(command, state, profile);
    case "DriftMoodBaseline":
      return driftMoodBaseline(command, agentId, profile);
    case "UpdateAgentGreetings":
    case "UpdateAgentStyleExamples":
    case "UpdateAgentPromptParts":
    case "UpdateAgentCardDetails":
    case "AttachLorebook":
    case "DetachLorebook":
      return decideCardCommand(command, state, agentId);
    case "ArchiveAgent":
      return archiveAgent(command, state, agentId);
    case "UnarchiveAgent":
      return unarchiveAgent(command, state, agentId);
    default:
      return assertNever(command);
  }
}

export const agentDecider: Decider<AgentState, AgentCommand, AgentEvent> = {
  initialState: initialAgentState,
  evolve: evolveAgent,
  decide,
};

function createAgent(command: CreateAgent, state: AgentState): AgentEvent[] {
  if (state.status !== "absent")
    throw new DomainError(
      "AgentAlreadyExists",
      "CONFLICT",
      "An agent with this id exists already; use a new id.",
    );
  return [
    {
      type: "AgentCreated",
      data: {
        agentId: command.agentId,
        name: checkName(command.name),
        persona: checkPersona(command.persona),
        identity: checkIdentity(command.identity),
        appearancePrompt: checkAppearancePrompt(command.appearancePrompt),
        moodBaseline: checkMoodState(command.moodBaseline ?? DEFAULT_MOOD),
        source: command.source,
        createdBy: command.createdBy,
        createdAt: command.now,
      },
    },
  ];
}

function addScenario(command: AddScenario, state: AgentState): AgentEvent[] {
  if (state.scenarios.some((s) => s.scenarioId === command.scenarioId))
    throw new DomainError(
      "ScenarioIdTaken",
      "CONFLICT",
      "A scenario with this id exists already; use a new id.",
    );
  const { title, description } = checkScenarioText(command.title, command.description);
  const window = checkScenarioWindow(command.window, command.now);
  if (state.scenarios.filter((s) => s.status === "active").length >= MAX_ACTIVE_SCENARIOS)
    throw new DomainError(
      "TooManyScenarios",
      "CONFLICT",
      `The agent has ${MAX_ACTIVE_SCENARIOS} active scenarios; retire one before adding another.`,
    );
  return [
    {
      type: "ScenarioAdded",
      data: {
        agentId: state.agentId!,
        scenarioId: command.scenarioId,
        title,
        description,
        window,
        addedAt: command.now,
      },
    },
  ];
}

function retireScenario(command: RetireScenario, state: AgentState): AgentEvent[] {
  const scenario = state.scenarios.find((s) => s.scenarioId === command.scenarioId);
  if (!scenario) throw new DomainError("ScenarioNotFound", "NOT_FOUND", "This agent has no such scenario.");
  if (scenario.status !== "active")
    throw new DomainError("ScenarioNotActive", "CONFLICT", "This scenario is retired already.");
  const reason =
    command.reason === undefined ? null : checkReason(command.reason, "ReasonInvalid", "a reason");
  return [
    { type: "ScenarioRetired", data: { agentId: state.agentId!, scenarioId: command.scenarioId, reason } },
  ];
}

/** The agent's profile, when it exists and (unless archiving or unarchiving, which say so themselves) is not archived. */
function requireActive(state: AgentState, allowArchived: boolean): AgentProfile {
  if (state.status === "absent" || !state.profile)
    throw new DomainError("AgentNotFound", "NOT_FOUND", "No such agent; check the agent id.");
  if (state.status === "archived" && !allowArchived)
    throw new DomainError("AgentIsArchived", "CONFLICT", "This agent is archived and can no longer change.");
  return state.profile;
}
