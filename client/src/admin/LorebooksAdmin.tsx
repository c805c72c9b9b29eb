import { useEffect, useId, useState } from "react";
import { type Client, type CombinedError, useClient, useQuery } from "urql";
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
import { uuid } from "../api/uuid.ts";
import { entriesLabel, errorText } from "../ui/format.ts";
import { ImportWarnings } from "../ui/ImportWarnings.tsx";
import { useToast } from "../ui/toasts.tsx";
import { EntryForm } from "./LorebookEntryForm.tsx";

/** Lorebooks: import world info, attach books to agents, edit their entries. */
export function LorebooksAdmin() {
  const client = useClient();
  const toast = useToast();
  const [{ data }, refetch] = useQuery({ query: LorebooksQuery });
  const [selected, setSelected] = useState<string | null>(null);
  const [imported, setImported] = useState<{ id: string; warnings: readonly string[] } | null>(null);
  // Stays beside the file until another is chosen: a toast would leave the file named with no reason.
  const [importError, setImportError] = useState<string | null>(null);
  const importErrorId = useId();
  // Kept until an import succeeds, so importing the file again after a lost answer adds no second book.
  const [clientRequestId, setClientRequestId] = useState(uuid);
  const importFile = async (file: File | null) => {
    setImportError(null);
    if (!file) return;
    setImported(null);
    const result = await client.mutation(ImportLorebookMutation, { file, clientRequestId }).toPromise();
    const payload = result.data?.importLorebook;
    if (!payload) return setImportError(errorText(result.error, "The lorebook was not imported."));
    setClientRequestId(uuid());
    toast({ kind: "info", text: "Lorebook imported." });
    setImported({ id: payload.lorebookId, warnings: payload.warnings });
    setSelected(payload.lorebookId);
    // The list is a read model: it has the new book a moment after the import.
    await waitForLorebook(client, payload.lorebookId);
    refetch({ requestPolicy: "network-only" });
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
            aria-invalid={importError ? true : undefined}
            aria-describedby={importError ? importErrorId : undefined}
          />
        </label>
        {importError && (
          <p id={importErrorId} className="notice" role="alert">
            {importError}
          </p>
        )}
        <ul>
          {(data?.lorebooks ?? []).map((book) => (
            <li key={book.id}>
              <button
                type="button"
                className="agent-choice"
                aria-current={selected === book.id ? "true" : undefined}
                onClick={() => setSelected(book.id)}
              >
                {book.name} <span className="muted">· {entriesLabel(book.entryCount)}</span>
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="admin-detail">
        {imported && selected === imported.id && (
          <ImportWarnings what="The lorebook was" warnings={imported.warnings} />
        )}
        {selected ? (
          <BookEditor
            key={selected}
            id={selected}
            onChanged={() => refetch({ requestPolicy: "network-only" })}
          />
        ) : (
          <p className="muted">Choose or import a lorebook.</p>
        )}
      </div>
    </div>
  );
}

/** One book: its agents and entries; `onChanged` after each change, so the list's counts follow. */
function BookEditor({ id, onChanged }: { id: string; onChanged: () => void }) {
  const client = useClient();
  const toast = useToast();
  const [{ data }, refetch] = useQuery({ query: LorebookQuery, variables: { id } });
  const [{ data: agents }] = useQuery({ query: AdminAgentsQuery });
  const [agentId, setAgentId] = useState("");
  const book = data?.lorebook;
  // The read model follows a change a moment later: ask again a few times.
  const reload = () => {
    for (const ms of [300, 1000, 2500])
      setTimeout(() => {
        refetch({ requestPolicy: "network-only" });
        onChanged();
      }, ms);
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
      <div className="row attach-row">
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

/** Asks for the list until it has the book (or a few seconds pass). */
async function waitForLorebook(client: Client, id: string, tries = 20): Promise<void> {
  for (let attempt = 0; attempt < tries; attempt++) {
    const result = await client.query(LorebooksQuery, {}, { requestPolicy: "network-only" }).toPromise();
    if (result.data?.lorebooks.some((book) => book.id === id)) return;
    await new Promise((resolve) => setTimeout(resolve, 200 + attempt * 50));
  }
}
