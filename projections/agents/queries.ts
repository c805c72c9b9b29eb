import { type CommonQueryMethods, sql } from "slonik";
import { pageSize, readModel, readRow, readRows } from "../runner/readRows.ts";
import {
  type AgentRow,
  type AgentView,
  agentRow,
  type LifeEventRow,
  type LifeEventView,
  lifeEventRow,
  type ScenarioRow,
  type ScenarioView,
  scenarioRow,
  toAgentView,
  toLifeEventView,
  toScenarioView,
} from "./rows.ts";

export type { AgentView, LifeEventView, ScenarioView } from "./rows.ts";

export interface AgentDetail extends AgentView {
  /** Every scenario, active ones first, then by when they were added. */
  scenarios: ScenarioView[];
  /** The most recent life events, newest first. */
  recentLifeEvents: LifeEventView[];
}

/**
 * Agents by name; archived ones only when asked for: every one (`includeArchived`), or only those
 * the person `talkedToBy` has a conversation with.
 */
export async function listAgents(
  db: CommonQueryMethods,
  args: { includeArchived?: boolean; talkedToBy?: string } = {},
): Promise<AgentView[]> {
  const filter = args.includeArchived
    ? sql.fragment`true`
    : args.talkedToBy
      ? sql.fragment`(t.status = 'active' or exists (select 1 from ${readModel("conversations")} c
          where c.user_id = ${args.talkedToBy} and c.agent_id = t.id))`
      : sql.fragment`t.status = 'active'`;
  const rows = await readRows(
    db,
    agentRow,
    sql.fragment`from ${readModel("agents")} t where ${filter} order by lower(t.name), t.name, t.id`,
  );
  return rows.map(toAgentView);
}

/** One agent (archived ones too) with its scenarios and its latest life events (10 unless asked otherwise, at most 100). */
export async function getAgent(
  db: CommonQueryMethods,
  args: { id: string; lifeEvents?: number },
): Promise<AgentDetail | null> {
  const row = await readRow(
    db,
    agentRow,
    sql.fragment`from ${readModel("agents")} t where t.id = ${args.id}`,
  );
  if (!row) return null;
  const scenarioRows = await readRows(
    db,
    scenarioRow,
    sql.fragment`from ${readModel("agent_scenarios")} t where t.agent_id = ${args.id}
      order by t.status = 'active' desc, t.added_at, t.scenario_id`,
  );
  const lifeEventRows = await readRows(
    db,
    lifeEventRow,
    sql.fragment`from ${readModel("agent_life_events")} t where t.agent_id = ${args.id}
      order by t.occurred_at desc, t.life_event_id desc limit ${pageSize(args.lifeEvents, 10, 100)}`,
  );
  return {
    ...toAgentView(row),
    scenarios: scenarioRows.map(toScenarioView),
    recentLifeEvents: lifeEventRows.map(toLifeEventView),
  };
}

export interface AgentWithLife {
  agent: AgentRow;
  /** Every scenario, retired ones too. */
  scenarios: ScenarioRow[];
  /** Life events since the instant asked for (at most 200, the latest), oldest first. */
  lifeEvents: LifeEventRow[];
}

/** Active agents with their scenarios and recent life events: what the life scheduler plans from. */
export async function listActiveAgentsWithLife(
  db: CommonQueryMethods,
  args: { lifeEventsSince: string },
): Promise<AgentWithLife[]> {
  const active = sql.fragment`(select a.id from ${readModel("agents")} a where a.status = 'active')`;
  const [agentRows, scenarioRows, lifeEventRows] = await Promise.all([
    readRows(
      db,
      agentRow,
      sql.fragment`from ${readModel("agents")} t where t.status = 'active' order by t.id`,
    ),
    readRows(
      db,
      scenarioRow,
      sql.fragment`from ${readModel("agent_scenarios")} t where t.agent_id in ${active}
        order by t.agent_id, t.added_at, t.scenario_id`,
    ),
    readRows(
      db,
      lifeEventRow,
      sql.fragment`from (select e.*, row_number() over (partition by e.agent_id
          order by e.occurred_at desc, e.life_event_id desc) as n
        from ${readModel("agent_life_events")} e
        where e.agent_id in ${active} and e.occurred_at >= ${args.lifeEventsSince}) t
        where t.n <= 200 order by t.agent_id, t.occurred_at, t.life_event_id`,
    ),
  ]);
  const byAgent = new Map(
    agentRows.map((agent) => [agent.id, { agent, scenarios: [], lifeEvents: [] } as AgentWithLife]),
  );
  for (const scenario of scenarioRows) byAgent.get(scenario.agent_id)?.scenarios.push(scenario);
  for (const event of lifeEventRows) byAgent.get(event.agent_id)?.lifeEvents.push(event);
  return [...byAgent.values()];
}
