import { useState } from "react";
import { useClient } from "urql";
import { ExportChatQuery } from "../api/operations/privacy.ts";
import { errorText } from "../ui/format.ts";
import { useToast } from "../ui/toasts.tsx";

/** Downloads this conversation's active path as a SillyTavern chat (JSONL). */
export function ExportChatButton({ agentId, agentName }: { agentId: string; agentName: string }) {
  const client = useClient();
  const toast = useToast();
  const [exporting, setExporting] = useState(false);
  const download = async () => {
    setExporting(true);
    const result = await client
      .query(ExportChatQuery, { agentId }, { requestPolicy: "network-only" })
      .toPromise();
    setExporting(false);
    if (result.error || result.data?.exportChat === undefined) {
      toast({ kind: "error", text: errorText(result.error, "The chat did not arrive; try again.") });
      return;
    }
    const blob = new Blob([result.data.exportChat], { type: "application/jsonl" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = `withme-chat-${agentName}-${new Date().toISOString().slice(0, 10)}.jsonl`;
    link.click();
    URL.revokeObjectURL(link.href);
  };
  return (
    <button type="button" className="ghost small" onClick={download} disabled={exporting}>
      {exporting ? "Preparing…" : "Export chat"}
    </button>
  );
}
