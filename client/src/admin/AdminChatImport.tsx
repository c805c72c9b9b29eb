import { type FormEvent, useId, useState } from "react";
import { useMutation, useQuery } from "urql";
import { AgentsQuery } from "../api/operations/chat.ts";
import { ImportChatMutation } from "../api/operations/privacy.ts";
import { errorText } from "../ui/format.ts";
import { ImportWarnings } from "../ui/ImportWarnings.tsx";

/**
 * Imports a SillyTavern chat (JSONL) into a chosen person's conversation with a chosen agent, for
 * operators moving someone's history over; the person must not have talked to the agent yet.
 */
export function AdminChatImport() {
  const ids = useId();
  const [{ data }] = useQuery({ query: AgentsQuery });
  const [importing, importChat] = useMutation(ImportChatMutation);
  const [agentId, setAgentId] = useState("");
  const [userId, setUserId] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [done, setDone] = useState<{ name: string; messages: number; warnings: readonly string[] } | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);
  const agents = data?.agents ?? [];
  const chosen = agents.find((a) => a.id === agentId) ?? agents[0];
  const person = userId.trim();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen || !file || !person) return;
    setError(null);
    setDone(null);
    const result = await importChat({ input: { agentId: chosen.id, userId: person, file } });
    const imported = result.data?.importChat;
    if (!imported) {
      setError(errorText(result.error, "The chat was not imported; try again."));
      return;
    }
    setDone({ name: chosen.name, messages: imported.messages, warnings: imported.warnings });
  };

  return (
    <form className="agent-form" onSubmit={submit} aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>Import a chat for a person</h2>
      <p className="hint">
        A SillyTavern chat becomes the person's conversation with the agent you pick; they must not have
        talked to that agent yet.
      </p>
      <div className="row wrap">
        <div className="stack field">
          <label htmlFor={`${ids}-person`}>Person (user id)</label>
          <input
            id={`${ids}-person`}
            value={userId}
            required
            autoComplete="off"
            onChange={(e) => setUserId(e.target.value)}
          />
        </div>
        <div className="stack field">
          <label htmlFor={`${ids}-agent`}>Agent</label>
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
      <div className="row">
        <button
          type="submit"
          className="primary"
          disabled={!chosen || !file || !person || importing.fetching}
        >
          {importing.fetching ? "Importing…" : "Import chat"}
        </button>
      </div>
      {done && (
        <p className="hint" role="status">
          Imported {done.messages} {done.messages === 1 ? "message" : "messages"} into {person}'s conversation
          with {done.name}.
        </p>
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
