import { useEffect, useState } from "react";
import { type CombinedError, useClient, useQuery } from "urql";
import { AdminAgentsQuery } from "../api/operations/admin.ts";
import {
  AttachLorebookMutation,
  DetachLorebookMutation,
  ImportLorebookMutation,
  LorebookQuery,
  LorebooksQuery,
  RemoveLorebookEntryMutation,
  SaveLorebookEntryMutation,
} from "../api/operations/cards.ts";
import { errorText } from "../ui/format.ts";
import { useToast } from "../ui/toasts.tsx";
import { EntryForm } from "./LorebookEntryForm.tsx";

/** Lorebooks: import world info, attach books to agents, edit their entries. */
export function LorebooksAdmin() {
  const client = useClient();
  const toast = useToast();
  const [{ data }, refetch] = useQuery({ query: LorebooksQuery });
  const [selected, setSelected] = useState<string | null>(null);
  const importFile = async (file: File | null) => {
    if (!file) return;
    const result = await client.mutation(ImportLorebookMutation, { file }).toPromise();
    const id = result.data?.importLorebook.lorebookId;
    if (!id) return toast({ kind: "error", text: errorText(result.error, "The lorebook was not imported.") });
    toast({ kind: "info", text: "Lorebook imported." });
    refetch({ requestPolicy: "network-only" });
    setSelected(id);
  };
  return (
    <div className="admin-agents">
      <nav className="admin-list" aria-label="Lorebooks">
        <label className="field">
          <span>Import world info (JSON)</span>
          <input
            type="file"
            accept=".json,application/json"
            onChange={(e) => void importFile(e.target.files?.[0] ?? null)}
          />
        </label>
        <ul>
          {(data?.lorebooks ?? []).map((book) => (
            <li key={book.id}>
              <button
                type="button"
                className="agent-choice"
                aria-current={selected === book.id ? "true" : undefined}
                onClick={() => setSelected(book.id)}
              >
                {book.name} <span className="muted">· {book.entryCount} entries</span>
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="admin-detail">
        {selected ? (
          <BookEditor key={selected} id={selected} />
        ) : (
          <p className="muted">Choose or import a lorebook.</p>
        )}
      </div>
    </div>
  );
}

function BookEditor({ id }: { id: string }) {
  const client = useClient();
  const toast = useToast();
  const [{ data }, refetch] = useQuery({ query: LorebookQuery, variables: { id } });
  const [{ data: agents }] = useQuery({ query: AdminAgentsQuery });
  const [agentId, setAgentId] = useState("");
  const book = data?.lorebook;
  // The read model follows a change a moment later: ask again a few times.
  const reload = () => {
    for (const ms of [300, 1000, 2500]) setTimeout(() => refetch({ requestPolicy: "network-only" }), ms);
  };
  useEffect(() => {
    if (data === undefined || data.lorebook) return;
    const timer = setTimeout(() => refetch({ requestPolicy: "network-only" }), 300);
    return () => clearTimeout(timer);
  }, [data, refetch]);
  const run = async (outcome: Promise<{ error?: CombinedError; data?: unknown }>, done: string) => {
    const result = await outcome;
    if (!result.data) return toast({ kind: "error", text: errorText(result.error, "That did not work.") });
    toast({ kind: "info", text: done });
    reload();
  };
  if (!book) return <p className="muted">Loading…</p>;
  const attached = new Set(book.agentIds);
  return (
    <section aria-labelledby="book-title">
      <h2 id="book-title">{book.name}</h2>
      <div className="row">
        <select aria-label="Agent" value={agentId} onChange={(e) => setAgentId(e.target.value)}>
          <option value="">Choose an agent…</option>
          {(agents?.agents ?? []).map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
              {attached.has(a.id) ? " (reads it)" : ""}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={!agentId}
          onClick={() => {
            const mutation = attached.has(agentId) ? DetachLorebookMutation : AttachLorebookMutation;
            void run(client.mutation(mutation, { agentId, lorebookId: id }).toPromise(), "Saved.");
          }}
        >
          {agentId && attached.has(agentId) ? "Detach from agent" : "Attach to agent"}
        </button>
      </div>
      <ul className="lore-entries">
        {book.entries.map((entry) => (
          <li key={entry.id}>
            <EntryForm
              entry={entry}
              onSave={(input) =>
                void run(
                  client
                    .mutation(SaveLorebookEntryMutation, { input: { lorebookId: id, ...input } })
                    .toPromise(),
                  "Entry saved.",
                )
              }
              onRemove={() =>
                void run(
                  client
                    .mutation(RemoveLorebookEntryMutation, { lorebookId: id, entryId: entry.id })
                    .toPromise(),
                  "Entry deleted.",
                )
              }
            />
          </li>
        ))}
      </ul>
      <h3>New entry</h3>
      <EntryForm
        entry={null}
        onSave={(input) =>
          void run(
            client.mutation(SaveLorebookEntryMutation, { input: { lorebookId: id, ...input } }).toPromise(),
            "Entry added.",
          )
        }
      />
    </section>
  );
}
