import { useState } from "react";
import { useClient } from "urql";
import { ArchiveAgentMutation } from "../api/operations/admin.ts";
import { errorText } from "../ui/format.ts";
import { useToast } from "../ui/toasts.tsx";
import { type Agent, waitForAgent } from "./agentData.ts";

/** Archives the agent after a confirmation: archiving is for good, so it is asked first. */
export function ArchiveAgentButton(props: { agent: Agent; onChanged: () => void }) {
  const { agent } = props;
  const client = useClient();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  if (agent.status === "ARCHIVED") return <p className="muted small">Archived: takes no new messages.</p>;
  const archive = async () => {
    if (!window.confirm(`Archive ${agent.name}? They take no new messages, and this cannot be undone.`))
      return;
    setBusy(true);
    const result = await client.mutation(ArchiveAgentMutation, { input: { agentId: agent.id } }).toPromise();
    if (!result.data) {
      setBusy(false);
      toast({ kind: "error", text: errorText(result.error, "The agent was not archived.") });
      return;
    }
    await waitForAgent(client, agent.id, (a) => a.status === "ARCHIVED");
    setBusy(false);
    toast({ kind: "info", text: `${agent.name} is archived.` });
    props.onChanged();
  };
  return (
    <button type="button" className="danger" disabled={busy} onClick={() => void archive()}>
      {busy ? "Archiving…" : "Archive"}
    </button>
  );
}
