import { useEffect, useState } from "react";
import { useQuery } from "urql";
import { AgentsQuery } from "../api/operations/chat.ts";
import { errorText } from "../ui/format.ts";
import { navigate, useSearchParam } from "../ui/router.ts";
import { AgentPicker } from "./AgentPicker.tsx";
import { Conversation } from "./Conversation.tsx";
import { lastAgent, rememberLastAgent } from "./lastAgent.ts";

const AGENTS_REFRESH_MS = 60_000;

export function ChatPage() {
  const [{ data, error, fetching }, reloadAgents] = useQuery({ query: AgentsQuery });
  // A notification opens `/?agent=<id>`: that conversation, then the plain address again.
  const requested = useSearchParam("agent");
  const [selected, setSelected] = useState<string | null>(() => requested ?? lastAgent(localStorage));
  const agents = data?.agents ?? [];
  const agentId = agents.some((a) => a.id === selected) ? selected : null;

  // A page left open hears of new companions, names and availability when the person comes back to
  // it, and each minute while they look at it.
  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState === "visible") reloadAgents({ requestPolicy: "network-only" });
    };
    const timer = setInterval(refresh, AGENTS_REFRESH_MS);
    window.addEventListener("focus", refresh);
    document.addEventListener("visibilitychange", refresh);
    return () => {
      clearInterval(timer);
      window.removeEventListener("focus", refresh);
      document.removeEventListener("visibilitychange", refresh);
    };
  }, [reloadAgents]);

  useEffect(() => {
    if (agentId) rememberLastAgent(localStorage, agentId);
  }, [agentId]);

  useEffect(() => {
    if (!requested) return;
    setSelected(requested);
    navigate("/", { replace: true });
  }, [requested]);

  return (
    // One landmark for every width: on a phone the list is all there is until someone is picked.
    <main className={`chat-layout${agentId ? " has-agent" : ""}`} id="main">
      {!agentId && <h1 className="visually-hidden">Chat</h1>}
      <AgentPicker agents={agents} selected={agentId} onSelect={setSelected} loading={fetching && !data} />
      <div className="chat-main">
        {agentId ? (
          <Conversation
            key={agentId}
            agentId={agentId}
            listed={agents.find((a) => a.id === agentId)}
            archived={agents.some((a) => a.id === agentId && a.status === "ARCHIVED")}
            onBack={() => setSelected(null)}
          />
        ) : (
          <div className="empty-state">
            {error ? (
              <p role="alert">{errorText(error, "The agents did not load.")}</p>
            ) : agents.length === 0 && data ? (
              <p>No one to talk to yet. An admin can create agents in the admin view.</p>
            ) : (
              <p>Pick someone to talk to.</p>
            )}
          </div>
        )}
      </div>
    </main>
  );
}
