import { type FormEvent, useId, useState } from "react";
import { useClient, useQuery } from "urql";
import { AdminAgentsQuery } from "../api/operations/admin.ts";
import { fullTime } from "../ui/format.ts";
import { seriesFromEvents } from "./chartSeries.ts";
import { MoodAffinityChart } from "./MoodAffinityChart.tsx";
import { type ConversationRef, findConversations, readWholeStream } from "./streamData.ts";

type Series = ReturnType<typeof seriesFromEvents>;

/**
 * Mood and affinity over time for one conversation. The API has no history fields for them yet,
 * so the points are the conversation's own stored MoodShifted and AffinityChanged events.
 */
export function ConversationCharts() {
  const client = useClient();
  const id = useId();
  const [{ data }] = useQuery({ query: AdminAgentsQuery });
  const [agentId, setAgentId] = useState("");
  const [found, setFound] = useState<{ list: ConversationRef[]; complete: boolean } | null>(null);
  const [streamId, setStreamId] = useState("");
  const [series, setSeries] = useState<{ streamId: string; series: Series } | null>(null);
  const [status, setStatus] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  const run = async (work: () => Promise<void>) => {
    setStatus({ busy: true, error: null });
    try {
      await work();
      setStatus({ busy: false, error: null });
    } catch (error) {
      setStatus({ busy: false, error: (error as Error).message });
    }
  };
  const find = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const result = await findConversations(client, agentId || null);
      setFound({ list: result.conversations, complete: result.complete });
      if (result.conversations[0]) setStreamId(result.conversations[0].streamId);
    });
  };
  const show = (event: FormEvent) => {
    event.preventDefault();
    const chosen = streamId.trim();
    void run(async () =>
      setSeries({ streamId: chosen, series: seriesFromEvents(await readWholeStream(client, chosen)) }),
    );
  };
  const agentName = (agent: string) => data?.agents.find((a) => a.id === agent)?.name ?? agent;
  return (
    <section aria-labelledby={`${id}-title`} className="stack">
      <h2 id={`${id}-title`}>Mood and affinity over time</h2>
      <p className="hint">
        Drawn from each conversation's MoodShifted and AffinityChanged events (the API has no history fields
        yet).
      </p>
      <form className="row wrap" onSubmit={find}>
        <div className="field">
          <label htmlFor={`${id}-agent`}>Agent</label>
          <select id={`${id}-agent`} value={agentId} onChange={(e) => setAgentId(e.target.value)}>
            <option value="">Any agent</option>
            {data?.agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={status.busy}>
          Find conversations
        </button>
      </form>
      {found && (
        <p className="muted small">
          {found.list.length} conversation{found.list.length === 1 ? "" : "s"} found
          {found.complete ? "" : " (the log is long; only its start was searched)"}.
        </p>
      )}
      <form className="row wrap" onSubmit={show}>
        <div className="field grow">
          <label htmlFor={`${id}-stream`}>Conversation</label>
          {found && found.list.length > 0 ? (
            <select id={`${id}-stream`} value={streamId} onChange={(e) => setStreamId(e.target.value)}>
              {found.list.map((c) => (
                <option key={c.streamId} value={c.streamId}>
                  {agentName(c.agentId)} × user {c.userId.slice(0, 8)} — since {fullTime(c.startedAt)}
                </option>
              ))}
            </select>
          ) : (
            <input
              id={`${id}-stream`}
              value={streamId}
              placeholder="conversation-<userId>-<agentId>"
              onChange={(e) => setStreamId(e.target.value)}
            />
          )}
        </div>
        <button type="submit" className="primary" disabled={status.busy || !streamId.trim()}>
          Show chart
        </button>
      </form>
      {status.busy && <p aria-busy="true">Loading…</p>}
      {status.error && <p role="alert">{status.error}</p>}
      {series && (
        <div className="panel">
          <h3 className="small">
            <code>{series.streamId}</code>
          </h3>
          <MoodAffinityChart mood={series.series.mood} affinity={series.series.affinity} />
        </div>
      )}
    </section>
  );
}
