import type { AgentEvent } from "../../src/domain/agent/events.ts";
import { type AgentUpdated, topics } from "../../src/ports/liveBus.ts";
import { type Notice, notice, type ProjectedOf, type RowStore } from "../runner/projection.ts";
import {
  agentRow,
  agents,
  lifeEventRow,
  lifeEvents,
  scenarioRow,
  scenarios,
  toAgentView,
  toLifeEventView,
  toScenarioView,
} from "./rows.ts";

/** `agent.updated` on the agent's topic: the agent as the API shows it, with the scenario or life event that changed. */
export async function notifyAgent(event: ProjectedOf<AgentEvent>, rows: RowStore): Promise<Notice[]> {
  const agentId = event.data.agentId;
  const agent = await agents.get(rows, { id: agentId });
  if (!agent) return [];
  const payload: AgentUpdated["payload"] = {
    ...toAgentView(agentRow.parse(agent)),
    eventType: event.type,
    position: event.position,
    streamId: event.streamId,
    revision: event.revision,
  };
  if (event.type === "ScenarioAdded" || event.type === "ScenarioRetired") {
    const scenario = await scenarios.get(rows, { agent_id: agentId, scenario_id: event.data.scenarioId });
    if (scenario) payload.scenario = toScenarioView(scenarioRow.parse(scenario));
  }
  if (event.type === "AgentLifeEventOccurred") {
    const lifeEvent = await lifeEvents.get(rows, {
      agent_id: agentId,
      life_event_id: event.data.lifeEventId,
    });
    if (lifeEvent) payload.lifeEvent = toLifeEventView(lifeEventRow.parse(lifeEvent));
  }
  return [notice(topics.agent(agentId), { kind: "agent.updated", payload })];
}
