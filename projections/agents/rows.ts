import { z } from "zod";
import {
  CardDetailsSchema,
  GreetingsSchema,
  PromptPartsSchema,
  StyleExamplesSchema,
} from "../../src/domain/agent/cardSchemas.ts";
import {
  AgentSourceSchema,
  IdentitySchema,
  LifeEventKindSchema,
  PersonaSchema,
  ScenarioWindowSchema,
} from "../../src/domain/agent/schemas.ts";
import { MoodSchema, MoodStateSchema } from "../../src/domain/shared/mood.ts";
import { StoredNameSchema } from "../../src/domain/shared/schemas.ts";
import { instant, nullableInstant, rowTable } from "../runner/rowTables.ts";

/** What the agent holds from a character card; the card's kept `extensions` stay in the events (export reads them there). */
export const AgentCardViewSchema = z.object({
  greetings: GreetingsSchema,
  styleExamples: StyleExamplesSchema,
  promptParts: PromptPartsSchema,
  details: CardDetailsSchema.omit({ extensions: true }),
});
export type AgentCardView = z.output<typeof AgentCardViewSchema>;

export const agentRow = z.object({
  id: z.string(),
  name: StoredNameSchema,
  persona: PersonaSchema,
  identity: IdentitySchema,
  appearance_prompt: z.string(),
  mood_baseline: MoodSchema,
  mood_baseline_intensity: z.number(),
  /** The baseline it was created with, which quiet days drift back toward. */
  original_mood_baseline: MoodSchema,
  original_mood_baseline_intensity: z.number(),
  last_baseline_drift_at: nullableInstant,
  base_portrait_url: z.string().nullable(),
  base_portrait_job_id: z.string().nullable(),
  status: z.enum(["active", "archived"]),
  source: AgentSourceSchema,
  created_by: z.string(),
  created_at: instant,
  updated_at: instant,
  archived_at: nullableInstant,
  archive_reason: z.string().nullable(),
  active_scenarios: z.number(),
  life_events: z.number(),
  last_life_event_at: nullableInstant,
  card: AgentCardViewSchema,
  lorebook_ids: z.array(z.string()),
  revision: z.number(),
});
export type AgentRow = z.output<typeof agentRow>;

export const scenarioRow = z.object({
  agent_id: z.string(),
  scenario_id: z.string(),
  title: z.string(),
  description: z.string(),
  window: ScenarioWindowSchema,
  status: z.enum(["active", "retired"]),
  added_at: instant,
  retired_at: nullableInstant,
  retire_reason: z.string().nullable(),
});
export type ScenarioRow = z.output<typeof scenarioRow>;

export const lifeEventRow = z.object({
  agent_id: z.string(),
  life_event_id: z.string(),
  kind: LifeEventKindSchema,
  title: z.string(),
  description: z.string(),
  local_time: z.string(),
  occurred_at: instant,
  mood_impact: MoodStateSchema.nullable(),
});
export type LifeEventRow = z.output<typeof lifeEventRow>;

export const agents = rowTable<AgentRow>("agents");
export const scenarios = rowTable<ScenarioRow>("agent_scenarios");
export const lifeEvents = rowTable<LifeEventRow>("agent_life_events");

export interface AgentView {
  id: string;
  name: string;
  persona: z.output<typeof PersonaSchema>;
  /** Home city, occupation, IANA time zone (the agent's local clock), hemisphere. */
  identity: z.output<typeof IdentitySchema>;
  appearancePrompt: string;
  moodBaseline: z.output<typeof MoodStateSchema>;
  basePortrait: { url: string; imageJobId: string } | null;
  status: "active" | "archived";
  source: z.output<typeof AgentSourceSchema>;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
  archiveReason: string | null;
  activeScenarioCount: number;
  lifeEventCount: number;
  lastLifeEventAt: string | null;
  /** Greetings, style examples, prompt parts and card details (empty for agents made here). */
  card: AgentCardView;
  /** The lorebooks the agent reads, in order. */
  lorebookIds: string[];
  /** Revision of the agent's stream this row reflects: an expected revision for edits. */
  revision: number;
}

export interface ScenarioView {
  scenarioId: string;
  agentId: string;
  title: string;
  description: string;
  /** Weekly on the agent's local clock, or once between two instants. */
  window: z.output<typeof ScenarioWindowSchema>;
  status: "active" | "retired";
  addedAt: string;
  retiredAt: string | null;
  retireReason: string | null;
}

export interface LifeEventView {
  lifeEventId: string;
  agentId: string;
  kind: "routine" | "event" | "milestone";
  title: string;
  description: string;
  /** The agent's wall clock when it happened, "YYYY-MM-DDTHH:MM". */
  localTime: string;
  occurredAt: string;
  moodImpact: z.output<typeof MoodStateSchema> | null;
}

export function toAgentView(row: AgentRow): AgentView {
  return {
    id: row.id,
    name: row.name,
    persona: row.persona,
    identity: row.identity,
    appearancePrompt: row.appearance_prompt,
    moodBaseline: { mood: row.mood_baseline, intensity: row.mood_baseline_intensity },
    basePortrait:
      row.base_portrait_url && row.base_portrait_job_id
        ? { url: row.base_portrait_url, imageJobId: row.base_portrait_job_id }
        : null,
    status: row.status,
    source: row.source,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    archivedAt: row.archived_at,
    archiveReason: row.archive_reason,
    activeScenarioCount: row.active_scenarios,
    lifeEventCount: row.life_events,
    lastLifeEventAt: row.last_life_event_at,
    card: row.card,
    lorebookIds: row.lorebook_ids,
    revision: row.revision,
  };
}

export function toScenarioView(row: ScenarioRow): ScenarioView {
  return {
    scenarioId: row.scenario_id,
    agentId: row.agent_id,
    title: row.title,
    description: row.description,
    window: row.window,
    status: row.status,
    addedAt: row.added_at,
    retiredAt: row.retired_at,
    retireReason: row.retire_reason,
  };
}

export function toLifeEventView(row: LifeEventRow): LifeEventView {
  return {
    lifeEventId: row.life_event_id,
    agentId: row.agent_id,
    kind: row.kind,
    title: row.title,
    description: row.description,
    localTime: row.local_time,
    occurredAt: row.occurred_at,
    moodImpact: row.mood_impact,
  };
}
