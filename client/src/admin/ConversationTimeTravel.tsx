import { useEffect, useId, useState } from "react";
import { useClient, useQuery } from "urql";
import { AdminAgentsQuery, ConversationsWithAgentQuery } from "../api/operations/admin.ts";
import { ConversationAtQuery, ConversationRevisionQuery } from "../api/operations/timeTravel.ts";
import { errorText, fullTime, titleCase } from "../ui/format.ts";

/**
 * A conversation as it was at any revision, replayed from its events: the path then, with mood and
 * affinity of that path. Read-only; the slider runs from before the first event to the latest.
 */
const LISTED = 200;

export function ConversationTimeTravel() {
  const id = useId();
  const client = useClient();
  const [{ data: agents }] = useQuery({ query: AdminAgentsQuery });
  const [agentId, setAgentId] = useState("");
  const chosen = agentId || agents?.agents[0]?.id || "";
  const [{ data: listed }] = useQuery({
    query: ConversationsWithAgentQuery,
    variables: { agentId: chosen, limit: LISTED },
    pause: !chosen,
    requestPolicy: "network-only",
  });
  const people = listed?.conversationsWithAgent ?? [];
  const [userId, setUserId] = useState("");
  const person = people.some((c) => c.userId === userId) ? userId : (people[0]?.userId ?? "");
  const [latest, setLatest] = useState<number | null>(null);
  const [revision, setRevision] = useState(-1);

  useEffect(() => {
    setLatest(null);
    if (!chosen || !person) return;
    let current = true;
    void client
      .query(
        ConversationRevisionQuery,
        { agentId: chosen, userId: person },
        { requestPolicy: "network-only" },
      )
      .toPromise()
      .then((result) => {
        if (!current) return;
        const last = result.data?.conversation.state.revision ?? -1;
        setLatest(last);
        setRevision(last);
      });
    return () => {
      current = false;
    };
  }, [client, chosen, person]);

  const [past] = useQuery({
    query: ConversationAtQuery,
    variables: { agentId: chosen, userId: person, revision },
    pause: !chosen || !person || latest === null,
  });
  const conversation = past.data?.conversation;
  return (
    <section aria-labelledby={`${id}-title`} className="stack time-travel">
      <h2 id={`${id}-title`}>Conversation time travel</h2>
      <p className="hint">
        A person's conversation with an agent as it was at any point: the messages on the path then, with the
        mood and affinity of that path. Nothing here changes it.
      </p>
      <div className="field">
        <label htmlFor={`${id}-agent`}>Agent</label>
        <select id={`${id}-agent`} value={chosen} onChange={(e) => setAgentId(e.target.value)}>
          {agents?.agents.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      {people.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-person`}>Conversation</label>
          <select id={`${id}-person`} value={person} onChange={(e) => setUserId(e.target.value)}>
            {people.map((c) => (
              <option key={c.userId} value={c.userId}>
                user {c.userId.slice(0, 8)} — {messages(c.messageCount)}, since{" "}
                {fullTime(String(c.startedAt))}
              </option>
            ))}
          </select>
        </div>
      )}
      {listed && people.length === 0 && <p className="muted">No conversation with this agent yet.</p>}
      {latest !== null && latest >= 0 && (
        <div className="field">
          <label htmlFor={`${id}-revision`}>
            Revision {revision} of {latest}
            {conversation?.asOf?.at ? ` · ${fullTime(conversation.asOf.at)}` : ""}
          </label>
          <input
            id={`${id}-revision`}
            type="range"
            min={-1}
            max={latest}
            step={1}
            value={revision}
            onChange={(e) => setRevision(Number(e.target.value))}
          />
        </div>
      )}
      {past.error && <p role="alert">{errorText(past.error, "That point did not load.")}</p>}
      {conversation && (
        <div className="panel" aria-busy={past.fetching}>
          <p>
            Mood <strong data-testid="past-mood">{titleCase(conversation.state.mood)}</strong> (
            {conversation.state.moodIntensity.toFixed(2)}) · Affinity{" "}
            <strong data-testid="past-affinity">{conversation.state.affinity}</strong>
          </p>
          <ol className="past-messages" aria-label="Messages then">
            {conversation.messages.edges.map(({ node }) => (
              <li
                key={node.id}
                data-role={node.role.toLowerCase()}
                className={node.hidden ? "hidden" : undefined}
              >
                <span className="muted small">
                  {node.role === "USER" ? "Person" : "Agent"}
                  {node.siblingIds && node.siblingIds.length > 1
                    ? ` · ${(node.siblingIndex ?? 0) + 1}/${node.siblingIds.length}`
                    : ""}
                  {node.hidden ? " · hidden" : ""}
                </span>{" "}
                <span className="past-text">{node.text ?? `(${node.status.toLowerCase()})`}</span>
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}

const messages = (count: number) => `${count} message${count === 1 ? "" : "s"}`;
