import { type FormEvent, useId, useState } from "react";
import { useClient } from "urql";
import type { ResultOf } from "../api/graphql.ts";
import { EventsQuery, type StoredEventFields, StreamQuery } from "../api/operations/admin.ts";
import { errorText, fullTime } from "../ui/format.ts";
import { JsonView } from "./JsonView.tsx";

/** An event as the store holds it: the inspector shows the stored JSON. */
type StoredEvent = ResultOf<typeof StoredEventFields>;

const LIMIT = 100;

/** Stored events with their data and metadata: one stream, or the global log page by page. */
export function EventInspector() {
  const client = useClient();
  const id = useId();
  const [mode, setMode] = useState<"stream" | "all">("stream");
  const [streamId, setStreamId] = useState("");
  const [fromRevision, setFromRevision] = useState(0);
  const [events, setEvents] = useState<StoredEvent[] | null>(null);
  const [next, setNext] = useState<{ after: string; hasMore: boolean } | null>(null);
  const [status, setStatus] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  const loadStream = async (from: number) => {
    setStatus({ busy: true, error: null });
    const result = await client
      .query(
        StreamQuery,
        { streamId: streamId.trim(), fromRevision: from, limit: LIMIT },
        { requestPolicy: "network-only" },
      )
      .toPromise();
    setStatus({
      busy: false,
      error: result.data ? null : errorText(result.error, "The stream did not load."),
    });
    if (result.data) {
      setEvents(result.data.stream);
      setFromRevision(from);
    }
  };
  const loadAll = async (after: string, append: boolean) => {
    setStatus({ busy: true, error: null });
    const result = await client
      .query(EventsQuery, { after, limit: LIMIT }, { requestPolicy: "network-only" })
      .toPromise();
    setStatus({
      busy: false,
      error: result.data ? null : errorText(result.error, "The events did not load."),
    });
    if (!result.data) return;
    const page = result.data.events;
    setEvents((old) => (append ? [...(old ?? []), ...page.events] : page.events));
    setNext({ after: page.nextAfter, hasMore: page.hasMore });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setEvents(null);
    if (mode === "stream") void loadStream(fromRevision);
    else void loadAll("start", false);
  };
  return (
    <section aria-labelledby={`${id}-title`} className="stack">
      <h2 id={`${id}-title`}>Event streams</h2>
      <form className="row wrap" onSubmit={submit}>
        <fieldset className="segmented">
          <legend className="visually-hidden">What to read</legend>
          <button type="button" aria-pressed={mode === "stream"} onClick={() => setMode("stream")}>
            One stream
          </button>
          <button type="button" aria-pressed={mode === "all"} onClick={() => setMode("all")}>
            All events
          </button>
        </fieldset>
        {mode === "stream" && (
          <>
            <div className="field grow">
              <label htmlFor={`${id}-stream`}>Stream id</label>
              <input
                id={`${id}-stream`}
                required
                value={streamId}
                placeholder="agent-<id>, conversation-<userId>-<agentId>, imagejob-<id>"
                onChange={(e) => setStreamId(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-from`}>From revision</label>
              <input
                id={`${id}-from`}
                type="number"
                min={0}
                value={fromRevision}
                onChange={(e) => setFromRevision(Number(e.target.value))}
              />
            </div>
          </>
        )}
        <button type="submit" className="primary" disabled={status.busy}>
          {status.busy ? "Reading…" : "Read"}
        </button>
      </form>
      {status.error && <p role="alert">{status.error}</p>}
      {events && events.length === 0 && <p className="muted">No events.</p>}
      {events && events.length > 0 && (
        <ol className="event-list" aria-label="Events">
          {events.map((event) => (
            <li key={event.id}>
              <details>
                <summary>
                  <span className="event-type">{event.type}</span>
                  <span className="muted small">
                    {mode === "all" && <code>{event.streamId}</code>} #{event.revision} ·{" "}
                    {fullTime(event.recordedAt)}
                  </span>
                </summary>
                <div className="event-body">
                  <p className="muted small">
                    id <code>{event.id}</code> · position <code>{event.position}</code>
                  </p>
                  <JsonView value={event.data} label="data" open />
                  <JsonView value={event.metadata} label="metadata" />
                </div>
              </details>
            </li>
          ))}
        </ol>
      )}
      <div className="row">
        {mode === "stream" && events && events.length === LIMIT && (
          <button type="button" onClick={() => void loadStream(fromRevision + LIMIT)}>
            Next {LIMIT}
          </button>
        )}
        {mode === "all" && next?.hasMore && (
          <button type="button" onClick={() => void loadAll(next.after, true)}>
            Load more
          </button>
        )}
      </div>
    </section>
  );
}
