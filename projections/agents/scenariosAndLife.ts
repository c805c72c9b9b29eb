import type {
  AgentLifeEventOccurred,
  ScenarioAdded,
  ScenarioRetired,
} from "../../src/domain/agent/events.ts";
import { assertNever } from "../../src/domain/shared/decider.ts";
import type { ProjectedOf, RowStore } from "../runner/projection.ts";
import { type AgentRow, agents, lifeEvents, scenarios } from "./rows.ts";

/** An agent's scenarios and life events: rows of their own, counted on the agent's row. */
export async function evolveScenariosAndLife(
  event: ProjectedOf<ScenarioAdded | ScenarioRetired | AgentLifeEventOccurred>,
  rows: RowStore,
  key: { id: string },
  touched: Partial<AgentRow>,
): Promise<void> {
  const agentId = key.id;
  switch (event.type) {
    case "ScenarioAdded": {
      const { scenarioId, title, description, window, addedAt } = event.data;
      scenarios.put(rows, {
        agent_id: agentId,
        scenario_id: scenarioId,
        title,
        description,
        window,
        status: "active",
        added_at: addedAt,
        retired_at: null,
        retire_reason: null,
      });
      await adjustScenarios(rows, key, 1, touched);
      return;
    }
    case "ScenarioRetired": {
      const retired = await scenarios.patch(
        rows,
        { agent_id: agentId, scenario_id: event.data.scenarioId },
        { status: "retired", retired_at: event.occurredAt, retire_reason: event.data.reason },
      );
      if (retired) await adjustScenarios(rows, key, -1, touched);
      return;
    }
    case "AgentLifeEventOccurred": {
      const d = event.data;
      lifeEvents.put(rows, {
        agent_id: agentId,
        life_event_id: d.lifeEventId,
        kind: d.kind,
        title: d.title,
        description: d.description,
        local_time: d.localTime,
        occurred_at: d.occurredAt,
        mood_impact: d.moodImpact,
      });
      const agent = await agents.get(rows, key);
      if (agent) {
        agents.put(rows, {
          ...agent,
          life_events: agent.life_events + 1,
          last_life_event_at: d.occurredAt,
          ...touched,
        });
      }
      return;
    }
    default:
      return assertNever(event);
  }
}

async function adjustScenarios(rows: RowStore, key: { id: string }, by: number, touched: Partial<AgentRow>) {
  const agent = await agents.get(rows, key);
  if (agent) agents.put(rows, { ...agent, active_scenarios: agent.active_scenarios + by, ...touched });
}
