import { type FormEvent, useId, useState } from "react";
import { useMutation, useQuery } from "urql";
import { AgentsQuery } from "../api/operations/chat.ts";
import { ImportChatMutation } from "../api/operations/privacy.ts";
import { errorText } from "../ui/format.ts";
import { ImportWarnings } from "../ui/ImportWarnings.tsx";
import { navigate } from "../ui/router.ts";

/**
 * Brings a chat from SillyTavern (JSONL) into a conversation with a companion the person has not
 * talked to yet: the chosen messages become the conversation, swipes its alternatives.
 */
export function ChatImportPanel() {
  const ids = useId();
  const [{ data }] = useQuery({ query: AgentsQuery });
  const [importing, importChat] = useMutation(ImportChatMutation);
  const [agentId, setAgentId] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [done, setDone] = useState<{
    agentId: string;
    name: string;
    messages: number;
    warnings: readonly string[];
  } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const agents = data?.agents ?? [];
  const chosen = agents.find((a) => a.id === agentId) ?? agents[0];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen || !file) return;
    setError(null);
    setDone(null);
    const result = await importChat({ input: { agentId: chosen.id, file } });
    const imported = result.data?.importChat;
    if (!imported) {
      setError(errorText(result.error, "The chat was not imported; try again."));
      return;
    }
    setDone({
      agentId: imported.agentId,
      name: chosen.name,
      messages: imported.messages,
      warnings: imported.warnings,
    });
  };

  return (
    <form className="settings-card stack" onSubmit={submit} aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>Import a chat</h2>
      <p className="hint">
        Continue a SillyTavern chat here: it becomes your conversation with the companion you pick, who must
        be someone you have not talked to yet.
      </p>
      <div className="row wrap">
        <div className="stack field">
          <label htmlFor={`${ids}-agent`}>Companion</label>
          <select
            id={`${ids}-agent`}
            value={chosen?.id ?? ""}
            disabled={agents.length === 0}
            onChange={(e) => setAgentId(e.target.value)}
          >
            {agents.map((agent) => (
              <option key={agent.id} value={agent.id}>
                {agent.name}
              </option>
            ))}
          </select>
        </div>
        <div className="stack field">
          <label htmlFor={`${ids}-file`}>Chat file (JSONL)</label>
          <input
            id={`${ids}-file`}
            type="file"
            accept=".jsonl,application/jsonl,application/x-ndjson"
            required
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
      </div>
      <div className="row settings-actions">
        <button type="submit" className="primary" disabled={!chosen || !file || importing.fetching}>
          {importing.fetching ? "Importing…" : "Import chat"}
        </button>
      </div>
      {done && (
        <div className="row settings-actions" role="status">
          <p className="hint">
            Imported {done.messages} {done.messages === 1 ? "message" : "messages"} into your conversation
            with {done.name}.
          </p>
          <button type="button" onClick={() => navigate(`/?agent=${encodeURIComponent(done.agentId)}`)}>
            Open the conversation
          </button>
        </div>
      )}
      {done && <ImportWarnings what="The chat was" warnings={done.warnings} />}
      {error && (
        <p className="notice" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
