import { useCallback, useEffect, useState } from "react";
import { useQuery } from "urql";
import { AdminAgentQuery, AdminAgentsQuery } from "../api/operations/admin.ts";
import { Avatar } from "../ui/Avatar.tsx";
import { errorText, titleCase } from "../ui/format.ts";
import { ImportWarnings } from "../ui/ImportWarnings.tsx";
import { replaceSearchParams, searchParamNow } from "../ui/router.ts";
import { AgentEditor } from "./AgentEditor.tsx";
import { CreateAgentPanel } from "./CreateAgentPanel.tsx";

type Selection =
  | { mode: "create" }
  | { mode: "edit"; id: string; portraitJobId?: string | null; warnings?: readonly string[] };

export function AgentsAdmin() {
  const [{ data, error, fetching }, refetch] = useQuery({ query: AdminAgentsQuery });
  // The agent being edited is in the address (`/admin?agent=<id>`): a reload opens it again.
  const [selection, setSelection] = useState<Selection>(() => {
    const id = searchParamNow("agent");
    return id ? { mode: "edit", id } : { mode: "create" };
  });
  const [missing, setMissing] = useState(false);
  const editing = selection.mode === "edit" ? selection.id : null;
  useEffect(() => replaceSearchParams({ agent: editing }), [editing]);
  const agents = data?.agents ?? [];
  const selected = selection.mode === "edit" ? agents.find((a) => a.id === selection.id) : undefined;
  const reload = useCallback(() => refetch({ requestPolicy: "network-only" }), [refetch]);
  return (
    <div className="admin-agents">
      <nav className="admin-list" aria-label="Agents to edit">
        <button
          type="button"
          className="primary"
          aria-pressed={selection.mode === "create"}
          onClick={() => {
            setMissing(false);
            setSelection({ mode: "create" });
          }}
        >
          + New agent
        </button>
        {error && <p role="alert">{errorText(error, "The agents did not load.")}</p>}
        {missing && (
          <p className="notice" role="alert">
            That agent was not found: it no longer exists. Pick one from the list.
          </p>
        )}
        {fetching && !data && <p className="muted">Loading…</p>}
        {data && agents.length === 0 && (
          <p className="muted">No agents yet. Create the first one with “+ New agent”.</p>
        )}
        <ul>
          {agents.map((agent) => (
            <li key={agent.id}>
              <button
                type="button"
                className="agent-choice"
                aria-current={selected?.id === agent.id ? "true" : undefined}
                onClick={() => {
                  setMissing(false);
                  setSelection({ mode: "edit", id: agent.id });
                }}
              >
                <Avatar agentId={agent.id} name={agent.name} url={agent.basePortraitUrl} size={36} />
                <span className="agent-choice-text">
                  <span className="agent-name">{agent.name}</span>
                  <span className="agent-meta">
                    {agent.identity.homeCity} · {titleCase(agent.source)}
                    {agent.status === "ARCHIVED" ? " · archived" : ""}
                  </span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="admin-detail">
        {selection.mode === "create" ? (
          <CreateAgentPanel
            onCreated={(id, portraitJobId, warnings) => {
              reload();
              setSelection({ mode: "edit", id, portraitJobId, warnings: warnings ?? [] });
            }}
          />
        ) : (
          <EditSelected
            key={selection.id}
            id={selection.id}
            portraitJobId={selection.portraitJobId ?? null}
            warnings={selection.warnings ?? []}
            onChanged={reload}
            onMissing={() => {
              setMissing(true);
              setSelection({ mode: "create" });
            }}
          />
        )}
      </div>
    </div>
  );
}

/** The editor works from `agent(id)`, which has every scenario (the list leaves retired ones out). */
function EditSelected(props: {
  id: string;
  portraitJobId: string | null;
  /** What the card import that made the agent left out or changed. */
  warnings: readonly string[];
  onChanged: () => void;
  /** The server answered that there is no such agent (an address kept from before). */
  onMissing: () => void;
}) {
  const [{ data, error, fetching, stale }, refetch] = useQuery({
    query: AdminAgentQuery,
    variables: { id: props.id },
  });
  const { onChanged, onMissing } = props;
  const answeredNone = data !== undefined && data.agent === null && !fetching && !stale;
  useEffect(() => {
    if (answeredNone) onMissing();
  }, [answeredNone, onMissing]);
  const changed = useCallback(() => {
    refetch({ requestPolicy: "network-only" });
    onChanged();
  }, [refetch, onChanged]);
  if (error) return <p role="alert">{errorText(error, "The agent did not load.")}</p>;
  if (!data?.agent)
    return (
      <p className="muted" aria-busy="true">
        Loading the agent… (a new agent appears once the read model has it)
      </p>
    );
  return (
    <>
      <ImportWarnings what="The card was" warnings={props.warnings} />
      <AgentEditor agent={data.agent} portraitJobId={props.portraitJobId} onChanged={changed} />
    </>
  );
}
