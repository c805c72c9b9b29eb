import { useState } from "react";
import { useClient } from "urql";
import { ArchiveAgentMutation, UnarchiveAgentMutation } from "../api/operations/admin.ts";
import { errorText } from "../ui/format.ts";
import { useToast } from "../ui/toasts.tsx";
import { type Agent, waitForAgent } from "./agentData.ts";

/**
 * Archives the agent after a confirmation (it then takes no messages and no edits), or brings an
 * archived one back.
 */
export function ArchiveAgentButton(props: { agent: Agent; onChanged: () => void }) {
  const { agent } = props;
  const client = useClient();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const archived = agent.status === "ARCHIVED";
  const change = async () => {
    if (
      !archived &&
      !window.confirm(`Archive ${agent.name}? They take no new messages and no edits until unarchived.`)
    )
      return;
    setBusy(true);
    const input = { input: { agentId: agent.id } };
    const result = archived
      ? await client.mutation(UnarchiveAgentMutation, input).toPromise()
      : await client.mutation(ArchiveAgentMutation, input).toPromise();
    if (!result.data) {
      setBusy(false);
      const failed = archived ? "The agent was not unarchived." : "The agent was not archived.";
      toast({ kind: "error", text: errorText(result.error, failed) });
      return;
    }
    await waitForAgent(client, agent.id, (a) => (a.status === "ARCHIVED") !== archived);
    setBusy(false);
    toast({ kind: "info", text: archived ? `${agent.name} is back.` : `${agent.name} is archived.` });
    props.onChanged();
  };
  if (archived)
    return (
      <p className="muted small">
        Archived: takes no new messages. Its settings are read-only until it is unarchived.{" "}
        <button type="button" className="small" disabled={busy} onClick={() => void change()}>
          {busy ? "Unarchiving…" : "Unarchive"}
        </button>
      </p>
    );
  return (
    <button type="button" className="danger" disabled={busy} onClick={() => void change()}>
      {busy ? "Archiving…" : "Archive"}
    </button>
  );
}
