import { useEffect, useState } from "react";
import { useClient } from "urql";
import type { ResultOf } from "../api/graphql.ts";
import { AgentLifeEventsQuery } from "../api/operations/admin.ts";
import { fullTime } from "../ui/format.ts";

type LifeEvent = ResultOf<typeof AgentLifeEventsQuery>["agentLifeEvents"][number];

const SHOWN = 20;

/** The agent's offline life as recorded in its stream (AgentLifeEventOccurred), newest first. */
export function LifeEventsPanel({ agentId }: { agentId: string }) {
  const [generation, setGeneration] = useState(0);
  return (
    <details className="panel">
      <summary>Life events</summary>
      <p className="hint">
        Written by the scheduler as the agent's day goes by; read from the agent's event stream.{" "}
        <button type="button" className="small" onClick={() => setGeneration((g) => g + 1)}>
          Refresh
        </button>
      </p>
      <LifeEventList key={generation} agentId={agentId} />
    </details>
  );
}

function LifeEventList({ agentId }: { agentId: string }) {
  const client = useClient();
  const [state, setState] = useState<{ events: LifeEvent[] | null; error: string | null }>({
    events: null,
    error: null,
  });
  useEffect(() => {
    let cancelled = false;
    client
      .query(AgentLifeEventsQuery, { agentId, limit: SHOWN }, { requestPolicy: "network-only" })
      .toPromise()
      .then((result) => {
        if (!result.data)
          throw new Error(result.error?.graphQLErrors[0]?.message ?? "The life events did not load.");
        if (!cancelled) setState({ events: result.data.agentLifeEvents, error: null });
      })
      .catch((error: Error) => !cancelled && setState({ events: null, error: error.message }));
    return () => {
      cancelled = true;
    };
  }, [client, agentId]);
  if (state.error) return <p role="alert">{state.error}</p>;
  if (!state.events) return <p aria-busy="true">Loading…</p>;
  if (state.events.length === 0) return <p className="muted">Nothing has happened yet.</p>;
  return (
    <ol className="life-events">
      {state.events.map((event) => (
        <li key={event.lifeEventId}>
          <strong>{event.title}</strong> <span className="tag">{event.kind}</span>
          <p className="small">{event.description}</p>
          <p className="muted small">
            {event.localTime.replace("T", " ")} local · {fullTime(String(event.occurredAt))}
            {event.mood
              ? ` · mood → ${event.mood.toLowerCase()} (${(event.moodIntensity ?? 0).toFixed(1)})`
              : ""}
          </p>
        </li>
      ))}
    </ol>
  );
}
