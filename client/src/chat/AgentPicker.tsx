import type { ResultOf } from "../api/graphql.ts";
import type { AgentsQuery } from "../api/operations/chat.ts";
import { Avatar } from "../ui/Avatar.tsx";
import { titleCase } from "../ui/format.ts";

type Agent = ResultOf<typeof AgentsQuery>["agents"][number];

export function AgentPicker(props: {
  agents: readonly Agent[];
  selected: string | null;
  onSelect: (id: string) => void;
  loading: boolean;
}) {
  return (
    <nav className="agent-picker" aria-label="Agents">
      <h2 className="section-title">Companions</h2>
      {props.loading && <p className="muted">Loading…</p>}
      {!props.loading && props.agents.length === 0 && (
        <p className="muted">No companions yet: an admin creates them in the admin view.</p>
      )}
      <ul>
        {props.agents.map((agent) => (
          <li key={agent.id}>
            <button
              type="button"
              className="agent-choice"
              aria-current={agent.id === props.selected ? "true" : undefined}
              onClick={() => props.onSelect(agent.id)}
            >
              <Avatar agentId={agent.id} name={agent.name} url={agent.basePortraitUrl} size={44} />
              <span className="agent-choice-text">
                <span className="agent-name">{agent.name}</span>
                <span className="agent-meta">
                  {agent.status === "ARCHIVED" ? (
                    "Archived"
                  ) : (
                    <>
                      <span className={`dot ${agent.availability.status.toLowerCase()}`} aria-hidden="true" />
                      {titleCase(agent.availability.status)}
                    </>
                  )}{" "}
                  · {agent.identity.homeCity}
                </span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
