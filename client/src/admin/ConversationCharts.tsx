import { type FormEvent, useId, useState } from "react";
import { useClient, useQuery } from "urql";
import type { ResultOf } from "../api/graphql.ts";
import {
  AdminAgentsQuery,
  ConversationHistoryQuery,
  ConversationsWithAgentQuery,
} from "../api/operations/admin.ts";
import { fullTime } from "../ui/format.ts";
import { seriesFromHistory } from "./chartSeries.ts";
import { MoodAffinityChart } from "./MoodAffinityChart.tsx";

type Series = ReturnType<typeof seriesFromHistory>;
type Conversation = ResultOf<typeof ConversationsWithAgentQuery>["conversationsWithAgent"][number];

const LISTED = 200;

/** Mood and affinity over time for one conversation, from the mood_history and affinity_deltas read models. */
export function ConversationCharts() {
  const client = useClient();
  const id = useId();
  const [{ data }] = useQuery({ query: AdminAgentsQuery });
  const [agentId, setAgentId] = useState("");
  const [found, setFound] = useState<Conversation[] | null>(null);
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
  const chosenAgent = agentId || data?.agents[0]?.id || "";
  const find = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const result = await client
        .query(
          ConversationsWithAgentQuery,
          { agentId: chosenAgent, limit: LISTED },
          { requestPolicy: "network-only" },
        )
        .toPromise();
      if (!result.data)
        throw new Error(result.error?.graphQLErrors[0]?.message ?? "The conversations did not load.");
      setFound(result.data.conversationsWithAgent);
      setStreamId(result.data.conversationsWithAgent[0]?.streamId ?? "");
    });
  };
  const show = (event: FormEvent) => {
    event.preventDefault();
    const conversation = found?.find((c) => c.streamId === streamId);
    if (!conversation) return;
    void run(async () => {
      const result = await client
        .query(
          ConversationHistoryQuery,
          { userId: conversation.userId, agentId: conversation.agentId },
          { requestPolicy: "network-only" },
        )
        .toPromise();
      if (!result.data)
        throw new Error(result.error?.graphQLErrors[0]?.message ?? "The history did not load.");
      setSeries({ streamId, series: seriesFromHistory(result.data.conversationHistory) });
    });
  };
  const agentName = (agent: string) => data?.agents.find((a) => a.id === agent)?.name ?? agent;
  return (
    <section aria-labelledby={`${id}-title`} className="stack">
      <h2 id={`${id}-title`}>Mood and affinity over time</h2>
      <p className="hint">
        Every mood shift and affinity change of a conversation, as the read models keep them.
      </p>
      <form className="row wrap" onSubmit={find}>
        <div className="field">
          <label htmlFor={`${id}-agent`}>Agent</label>
          <select id={`${id}-agent`} value={chosenAgent} onChange={(e) => setAgentId(e.target.value)}>
            {data?.agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={status.busy || !chosenAgent}>
          Find conversations
        </button>
      </form>
      {found && (
        <p className="muted small">
          {found.length} conversation{found.length === 1 ? "" : "s"} found
          {found.length === LISTED ? " (the most recent ones)" : ""}.
        </p>
      )}
      {found && found.length > 0 && (
        <form className="row wrap" onSubmit={show}>
          <div className="field grow">
            <label htmlFor={`${id}-stream`}>Conversation</label>
            <select id={`${id}-stream`} value={streamId} onChange={(e) => setStreamId(e.target.value)}>
              {found.map((c) => (
                <option key={c.streamId} value={c.streamId}>
                  {agentName(c.agentId)} × user {c.userId.slice(0, 8)} — since {fullTime(String(c.startedAt))}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="primary" disabled={status.busy || !streamId}>
            Show chart
          </button>
        </form>
      )}
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
