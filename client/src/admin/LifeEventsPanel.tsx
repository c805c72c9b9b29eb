import { useEffect, useState } from "react";
import { useClient } from "urql";
import { fullTime } from "../ui/format.ts";
import { readWholeStream } from "./streamData.ts";

interface LifeEvent {
  lifeEventId: string;
  kind: string;
  title: string;
  description: string;
  localTime: string;
  occurredAt: string;
  moodImpact: { mood: string; intensity: number } | null;
}

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
    readWholeStream(client, `agent-${agentId}`)
      .then((events) => {
        const life = events
          .filter((e) => e.type === "AgentLifeEventOccurred")
          .map((e) => e.data as LifeEvent)
          .reverse()
          .slice(0, SHOWN);
        if (!cancelled) setState({ events: life, error: null });
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
            {event.localTime.replace("T", " ")} local · {fullTime(event.occurredAt)}
            {event.moodImpact
              ? ` · mood → ${event.moodImpact.mood} (${event.moodImpact.intensity.toFixed(1)})`
              : ""}
          </p>
        </li>
      ))}
    </ol>
  );
}
