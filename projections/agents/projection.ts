import type { AgentEvent } from "../../src/domain/agent/events.ts";
import { EMPTY_AGENT_CARD } from "../../src/domain/agent/state.ts";
import { assertNever } from "../../src/domain/shared/decider.ts";
import { defineProjection, type ProjectedOf, type RowStore } from "../runner/projection.ts";
import { cardDetailsView, evolveCard } from "./card.ts";
import { notifyAgent } from "./notify.ts";
import { agents, lifeEvents, scenarios } from "./rows.ts";
import { evolveScenariosAndLife } from "./scenariosAndLife.ts";

const handled = [
  "AgentCreated",
  "AgentRenamed",
  "AgentPersonaUpdated",
  "AgentIdentityUpdated",
  "AgentAppearanceUpdated",
  "AgentBasePortraitSet",
  "ScenarioAdded",
  "ScenarioRetired",
  "AgentLifeEventOccurred",
  "AgentMoodBaselineDrifted",
  "AgentArchived",
  "AgentUnarchived",
  "AgentGreetingsUpdated",
  "AgentStyleExamplesUpdated",
  "AgentPromptPartsUpdated",
  "AgentCardDetailsUpdated",
  "AgentLorebookAttached",
  "AgentLorebookDetached",
] as const satisfies readonly AgentEvent["type"][];

type Event = ProjectedOf<AgentEvent>;

/** Agents for the admin view and the chat header: profile, portrait, status, scenarios, life events. */
export const agentsProjection = defineProjection({
  name: "agents",
  // 2: the original mood baseline and the last drift, for the life scheduler.
  // 3: character-card content and the lorebooks the agent reads.
  version: 3,
  tables: [
    {
      name: agents.name,
      columns: `id text not null, name text not null, persona jsonb not null, identity jsonb not null,
        appearance_prompt text not null, mood_baseline text not null, mood_baseline_intensity float8 not null,
        original_mood_baseline text not null, original_mood_baseline_intensity float8 not null,
        last_baseline_drift_at timestamptz,
        base_portrait_url text, base_portrait_job_id text, status text not null, source text not null,
        created_by text not null, created_at timestamptz not null, updated_at timestamptz not null,
        archived_at timestamptz, archive_reason text, active_scenarios int not null, life_events int not null,
        last_life_event_at timestamptz, card jsonb not null, lorebook_ids jsonb not null, revision int not null`,
      primaryKey: ["id"],
      indexes: ["(status, name, id)"],
    },
    {
      name: scenarios.name,
      columns: `agent_id text not null, scenario_id text not null, title text not null, description text not null,
        "window" jsonb not null, status text not null, added_at timestamptz not null, retired_at timestamptz,
        retire_reason text`,
      primaryKey: ["agent_id", "scenario_id"],
    },
    {
      name: lifeEvents.name,
      columns: `agent_id text not null, life_event_id text not null, kind text not null, title text not null,
        description text not null, local_time text not null, occurred_at timestamptz not null, mood_impact jsonb`,
      primaryKey: ["agent_id", "life_event_id"],
      indexes: ["(agent_id, occurred_at desc, life_event_id)"],
    },
  ],
  canHandle: handled,
  evolve: (event, rows) => evolve(event as Event, rows),
  notify: (event, rows) => notifyAgent(event as Event, rows),
});

async function evolve(event: Event, rows: RowStore): Promise<void> {
  const { agentId } = event.data;
  const key = { id: agentId };
  const touched = { updated_at: event.occurredAt, revision: event.revision };
  switch (event.type) {
    case "AgentCreated": {
      const d = event.data;
      agents.put(rows, {
        id: agentId,
        name: d.name,
        persona: d.persona,
        identity: d.identity,
        appearance_prompt: d.appearancePrompt,
        mood_baseline: d.moodBaseline.mood,
        mood_baseline_intensity: d.moodBaseline.intensity,
        original_mood_baseline: d.moodBaseline.mood,
        original_mood_baseline_intensity: d.moodBaseline.intensity,
        last_baseline_drift_at: null,
        base_portrait_url: null,
        base_portrait_job_id: null,
        status: "active",
        source: d.source,
        created_by: d.createdBy,
        created_at: d.createdAt,
        updated_at: d.createdAt,
        archived_at: null,
        archive_reason: null,
        active_scenarios: 0,
        life_events: 0,
        last_life_event_at: null,
        card: {
          ...EMPTY_AGENT_CARD,
          greetings: [],
          details: cardDetailsView(EMPTY_AGENT_CARD.details),
        },
        lorebook_ids: [],
        revision: event.revision,
      });
      return;
    }
    case "AgentRenamed":
      await agents.patch(rows, key, { name: event.data.name, ...touched });
      return;
    case "AgentPersonaUpdated":
      await agents.patch(rows, key, { persona: event.data.persona, ...touched });
      return;
    case "AgentIdentityUpdated":
      await agents.patch(rows, key, { identity: event.data.identity, ...touched });
      return;
    case "AgentAppearanceUpdated":
      await agents.patch(rows, key, { appearance_prompt: event.data.appearancePrompt, ...touched });
      return;
    case "AgentBasePortraitSet":
      await agents.patch(rows, key, {
        base_portrait_url: event.data.url,
        base_portrait_job_id: event.data.imageJobId,
        ...touched,
      });
      return;
    case "ScenarioAdded":
    case "ScenarioRetired":
    case "AgentLifeEventOccurred":
      await evolveScenariosAndLife(event, rows, key, touched);
      return;
    case "AgentMoodBaselineDrifted":
      await agents.patch(rows, key, {
        mood_baseline: event.data.to.mood,
        mood_baseline_intensity: event.data.to.intensity,
        last_baseline_drift_at: event.occurredAt,
        ...touched,
      });
      return;
    case "AgentArchived":
      await agents.patch(rows, key, {
        status: "archived",
        archived_at: event.data.archivedAt,
        archive_reason: event.data.reason,
        ...touched,
      });
      return;
    case "AgentUnarchived":
      await agents.patch(rows, key, {
        status: "active",
        archived_at: null,
        archive_reason: null,
        ...touched,
      });
      return;
    case "AgentGreetingsUpdated":
    case "AgentStyleExamplesUpdated":
    case "AgentPromptPartsUpdated":
    case "AgentCardDetailsUpdated":
    case "AgentLorebookAttached":
    case "AgentLorebookDetached":
      await evolveCard(event, rows, key, touched);
      return;
    default:
      return assertNever(event);
  }
}
