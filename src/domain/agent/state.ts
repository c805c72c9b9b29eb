import { assertNever } from "../shared/decider.ts";
import type { MoodState } from "../shared/mood.ts";
import { type CardDetails, EMPTY_CARD_DETAILS, EMPTY_PROMPT_PARTS, type PromptParts } from "./cardSchemas.ts";
import type { AgentEvent } from "./events.ts";
import type { Scenario } from "./scenarios.ts";
import type { AgentSource, Identity, Persona } from "./schemas.ts";

/** Life-event ids remembered for duplicate checks; the scheduler only ever repeats recent ones. */
export const RECENT_LIFE_EVENTS = 100;

export interface AgentProfile {
  name: string;
  persona: Persona;
  identity: Identity;
  appearancePrompt: string;
  moodBaseline: MoodState;
  source: AgentSource;
  createdBy: string;
  createdAt: string;
}

/** What the agent holds from a character card (empty for agents made here). */
export interface AgentCard {
  greetings: readonly string[];
  styleExamples: string;
  promptParts: PromptParts;
  details: CardDetails;
}

export const EMPTY_AGENT_CARD: AgentCard = {
  greetings: [],
  styleExamples: "",
  promptParts: EMPTY_PROMPT_PARTS,
  details: EMPTY_CARD_DETAILS,
};

export interface AgentState {
  status: "absent" | "active" | "archived";
  agentId: string | null;
  profile: AgentProfile | null;
  basePortrait: { imageJobId: string; url: string } | null;
  scenarios: readonly Scenario[];
  recentLifeEventIds: readonly string[];
  lifeEventCount: number;
  lastLifeEventAt: string | null;
  card: AgentCard;
  /** The lorebooks the agent reads, in the order they were attached. */
  lorebookIds: readonly string[];
}

export function initialAgentState(): AgentState {
  return {
    status: "absent",
    agentId: null,
    profile: null,
    basePortrait: null,
    scenarios: [],
    recentLifeEventIds: [],
    lifeEventCount: 0,
    lastLifeEventAt: null,
    card: EMPTY_AGENT_CARD,
    lorebookIds: [],
  };
}

export function evolveAgent(state: AgentState, event: AgentEvent): AgentState {
  switch (event.type) {
    case "AgentCreated": {
      const { agentId, ...profile } = event.data;
      return { ...state, status: "active", agentId, profile };
    }
    case "AgentRenamed":
      return withProfile(state, { name: event.data.name });
    case "AgentPersonaUpdated":
      return withProfile(state, { persona: event.data.persona });
    case "AgentIdentityUpdated":
      return withProfile(state, { identity: event.data.identity });
    case "AgentAppearanceUpdated":
      return withProfile(state, { appearancePrompt: event.data.appearancePrompt });
    case "AgentBasePortraitSet":
      return { ...state, basePortrait: { imageJobId: event.data.imageJobId, url: event.data.url } };
    case "ScenarioAdded": {
      const { scenarioId, title, description, window } = event.data;
      return {
        ...state,
        scenarios: [...state.scenarios, { scenarioId, title, description, window, status: "active" }],
      };
    }
    case "ScenarioRetired":
      return {
        ...state,
        scenarios: state.scenarios.map((s) =>
          s.scenarioId === event.data.scenarioId ? { ...s, status: "retired" } : s,
        ),
      };
    case "AgentLifeEventOccurred":
      return {
        ...state,
        recentLifeEventIds: [...state.recentLifeEventIds, event.data.lifeEventId].slice(-RECENT_LIFE_EVENTS),
        lifeEventCount: state.lifeEventCount + 1,
        lastLifeEventAt: event.data.occurredAt,
      };
    case "AgentMoodBaselineDrifted":
      return withProfile(state, { moodBaseline: event.data.to });
    case "AgentArchived":
      return { ...state, status: "archived" };
    case "AgentUnarchived":
      return { ...state, status: "active" };
    case "AgentGreetingsUpdated":
      return { ...state, card: { ...state.card, greetings: event.data.greetings } };
    case "AgentStyleExamplesUpdated":
      return { ...state, card: { ...state.card, styleExamples: event.data.styleExamples } };
    case "AgentPromptPartsUpdated":
      return { ...state, card: { ...state.card, promptParts: event.data.promptParts } };
    case "AgentCardDetailsUpdated":
      return { ...state, card: { ...state.card, details: event.data.details } };
    case "AgentLorebookAttached":
      return { ...state, lorebookIds: [...state.lorebookIds, event.data.lorebookId] };
    case "AgentLorebookDetached":
      return { ...state, lorebookIds: state.lorebookIds.filter((id) => id !== event.data.lorebookId) };
    default:
      return assertNever(event);
  }
}

function withProfile(state: AgentState, change: Partial<AgentProfile>): AgentState {
  return state.profile ? { ...state, profile: { ...state.profile, ...change } } : state;
}
