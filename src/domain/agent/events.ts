import { z } from "zod";
import { defineEvent, type EventOf } from "../shared/eventCatalogue.ts";
import { DEFAULT_MOOD, MoodStateSchema } from "../shared/mood.ts";
import { IdSchema, InstantSchema, MediaUrlSchema, nameSchema, textSchema } from "../shared/schemas.ts";
import { type AgentCardEvent, agentCardEventDefinitions } from "./cardEvents.ts";
import {
  AgentSourceSchema,
  IdentitySchema,
  LIMITS,
  LifeEventKindSchema,
  PersonaSchema,
  ScenarioWindowSchema,
} from "./schemas.ts";

const agentCreatedV2 = z.object({
  agentId: IdSchema,
  name: nameSchema(LIMITS.name),
  persona: PersonaSchema,
  identity: IdentitySchema,
  appearancePrompt: textSchema(1, LIMITS.appearancePrompt),
  moodBaseline: MoodStateSchema,
  source: AgentSourceSchema,
  createdBy: IdSchema,
  createdAt: InstantSchema,
});

/** Version 1 had no mood baseline; such agents start from the default mood. */
export const AgentCreated = defineEvent("AgentCreated", agentCreatedV2, {
  version: 2,
  upcasters: {
    1: (data) => ({ moodBaseline: DEFAULT_MOOD, ...(data as Record<string, unknown>) }),
  },
});
export type AgentCreated = EventOf<typeof AgentCreated>;

export const AgentRenamed = defineEvent(
  "AgentRenamed",
  z.object({ agentId: IdSchema, name: nameSchema(LIMITS.name), previousName: nameSchema(LIMITS.name) }),
);
export type AgentRenamed = EventOf<typeof AgentRenamed>;

export const AgentPersonaUpdated = defineEvent(
  "AgentPersonaUpdated",
  z.object({ agentId: IdSchema, persona: PersonaSchema }),
);
export type AgentPersonaUpdated = EventOf<typeof AgentPersonaUpdated>;

export const AgentIdentityUpdated = defineEvent(
  "AgentIdentityUpdated",
  z.object({ agentId: IdSchema, identity: IdentitySchema }),
);
export type AgentIdentityUpdated = EventOf<typeof AgentIdentityUpdated>;

export const AgentAppearanceUpdated = defineEvent(
  "AgentAppearanceUpdated",
  z.object({ agentId: IdSchema, appearancePrompt: textSchema(1, LIMITS.appearancePrompt) }),
);
export type AgentAppearanceUpdated = EventOf<typeof AgentAppearanceUpdated>;

export const AgentBasePortraitSet = defineEvent(
  "AgentBasePortraitSet",
  z.object({ agentId: IdSchema, imageJobId: IdSchema, url: MediaUrlSchema }),
);
export type AgentBasePortraitSet = EventOf<typeof AgentBasePortraitSet>;

/** While its window is open the agent is busy. */
export const ScenarioAdded = defineEvent(
  "ScenarioAdded",
  z.object({
    agentId: IdSchema,
    scenarioId: IdSchema,
    title: textSchema(1, LIMITS.scenarioTitle),
    description: textSchema(1, LIMITS.scenarioDescription),
    window: ScenarioWindowSchema,
    addedAt: InstantSchema,
  }),
);
export type ScenarioAdded = EventOf<typeof ScenarioAdded>;

export const ScenarioRetired = defineEvent(
  "ScenarioRetired",
  z.object({ agentId: IdSchema, scenarioId: IdSchema, reason: textSchema(1, LIMITS.reason).nullable() }),
);
export type ScenarioRetired = EventOf<typeof ScenarioRetired>;

/** Something in the agent's offline life; `localTime` is the agent's wall clock when it happened. */
export const AgentLifeEventOccurred = defineEvent(
  "AgentLifeEventOccurred",
  z.object({
    agentId: IdSchema,
    lifeEventId: IdSchema,
    kind: LifeEventKindSchema,
    title: textSchema(1, LIMITS.lifeEventTitle),
    description: textSchema(1, LIMITS.lifeEventDescription),
    localTime: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/),
    occurredAt: InstantSchema,
    moodImpact: MoodStateSchema.nullable(),
  }),
);
export type AgentLifeEventOccurred = EventOf<typeof AgentLifeEventOccurred>;

export const AgentMoodBaselineDrifted = defineEvent(
  "AgentMoodBaselineDrifted",
  z.object({
    agentId: IdSchema,
    from: MoodStateSchema,
    to: MoodStateSchema,
    reason: textSchema(1, LIMITS.reason),
  }),
);
export type AgentMoodBaselineDrifted = EventOf<typeof AgentMoodBaselineDrifted>;

export const AgentArchived = defineEvent(
  "AgentArchived",
  z.object({
    agentId: IdSchema,
    archivedBy: IdSchema,
    reason: textSchema(1, LIMITS.reason).nullable(),
    archivedAt: InstantSchema,
  }),
);
export type AgentArchived = EventOf<typeof AgentArchived>;

/** An operator brought an archived agent back: it takes messages and edits again. */
export const AgentUnarchived = defineEvent(
  "AgentUnarchived",
  z.object({ agentId: IdSchema, unarchivedBy: IdSchema, unarchivedAt: InstantSchema }),
);
export type AgentUnarchived = EventOf<typeof AgentUnarchived>;

export const agentEventDefinitions = [
  AgentCreated,
  AgentRenamed,
  AgentPersonaUpdated,
  AgentIdentityUpdated,
  AgentAppearanceUpdated,
  AgentBasePortraitSet,
  ScenarioAdded,
  ScenarioRetired,
  AgentLifeEventOccurred,
  AgentMoodBaselineDrifted,
  AgentArchived,
  AgentUnarchived,
  ...agentCardEventDefinitions,
] as const;

export type AgentEvent =
  | AgentCreated
  | AgentRenamed
  | AgentPersonaUpdated
  | AgentIdentityUpdated
  | AgentAppearanceUpdated
  | AgentBasePortraitSet
  | ScenarioAdded
  | ScenarioRetired
  | AgentLifeEventOccurred
  | AgentMoodBaselineDrifted
  | AgentArchived
  | AgentUnarchived
  | AgentCardEvent;
