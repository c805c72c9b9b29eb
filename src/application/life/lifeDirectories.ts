import type { Scenario } from "../../domain/agent/scenarios.ts";
import type { Identity, Persona } from "../../domain/agent/schemas.ts";
import type { MoodState } from "../../domain/shared/mood.ts";
import type { QuietHours } from "../../domain/user/events.ts";
import type { EventTold } from "../memory/eventDue.ts";
import type { ConversationFacts } from "./initiationPolicy.ts";
import type { RecentLifeEvent } from "./lifeEventPlanner.ts";

/**
 * What the scheduler reads about agents, conversations and people. The composition root backs
 * these with the read models; tests also fold the event store (`test/support/life`).
 */
export interface LifeAgent {
  agentId: string;
  name: string;
  persona: Persona;
  identity: Identity;
  moodBaseline: MoodState;
  /** The baseline it was created with; quiet days drift back toward it. */
  originalMoodBaseline: MoodState;
  scenarios: readonly Scenario[];
  /** Oldest first; the last few days are enough (cooldowns look back at most a month). */
  recentLifeEvents: readonly RecentLifeEvent[];
  lastBaselineDriftAt: string | null;
}

export interface AgentDirectory {
  /** Every agent that is not archived. */
  activeAgents(): Promise<readonly LifeAgent[]>;
}

/** How many remembered facts a conversation brings along: a check-in recalls one of them. */
export const REMEMBERED_FACTS_READ = 3;

export interface LifeConversation {
  userId: string;
  agentId: string;
  facts: ConversationFacts;
  /** The conversation's own mood; null while it follows the agent's baseline. */
  mood: MoodState | null;
  /** When `mood` last changed (the time of the last MoodShifted). */
  moodSince: string | null;
  /** Facts the agent remembers about the person now (none forgotten), the latest recorded first. */
  rememberedFacts: readonly string[];
  /** Facts remembered now that name when something happens (a test tomorrow, a wedding on saturday). */
  eventsTold: readonly EventTold[];
}

export interface LifePerson {
  userId: string;
  displayName: string;
  timezone: string | null;
  quietHours: QuietHours | null;
  doNotDisturb: boolean;
  /** Agent-initiated messages this person received in the last two days, from any agent. */
  recentInitiations: readonly SentInitiation[];
}

export interface SentInitiation {
  agentId: string;
  sentAt: string;
}

export interface ConversationDirectory {
  /** Started conversations with this agent. */
  conversationsWith(agentId: string): Promise<readonly LifeConversation[]>;
  person(userId: string): Promise<LifePerson | null>;
}
