import { useState } from "react";
import { useClient, useQuery } from "urql";
import { AgentCardQuery, ExportCardMutation } from "../api/operations/cards.ts";
import { errorText } from "../ui/format.ts";
import { useToast } from "../ui/toasts.tsx";

/** The agent's greetings as a person will see them first, and its card as a PNG to download. */
export function CardPanel({ agentId }: { agentId: string }) {
  const client = useClient();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [{ data }] = useQuery({ query: AgentCardQuery, variables: { id: agentId } });
  const greetings = data?.agent?.greetings ?? [];
  const download = async () => {
    setBusy(true);
    const result = await client.mutation(ExportCardMutation, { agentId }).toPromise();
    setBusy(false);
    const card = result.data?.exportCard;
    if (!card) {
      toast({ kind: "error", text: errorText(result.error, "The card was not exported.") });
      return;
    }
    const link = document.createElement("a");
    link.href = card.dataUrl;
    link.download = card.fileName;
    link.click();
  };
  return (
    <details className="panel" open>
      <summary>Character card</summary>
      {greetings.length > 0 ? (
        <ul className="card-greetings" aria-label="Greetings">
          {greetings.map((g) => (
            <li key={g}>{g}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">No card greetings: the agent greets people from its persona.</p>
      )}
      <button type="button" onClick={() => void download()} disabled={busy}>
        {busy ? "Exporting…" : "Export card (PNG)"}
      </button>
    </details>
  );
}
