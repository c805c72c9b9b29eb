import { useId, useState } from "react";
import { ChatImportFields, useChatImport } from "../ui/ChatImportFields.tsx";
import { ImportWarnings } from "../ui/ImportWarnings.tsx";

/**
 * Imports a SillyTavern chat (JSONL) into a chosen person's conversation with a chosen agent, for
 * operators moving someone's history over; the person must not have talked to the agent yet.
 */
export function AdminChatImport() {
  const ids = useId();
  const [userId, setUserId] = useState("");
  const person = userId.trim();
  const form = useChatImport(person);
  const { done, error } = form;

  return (
    <form className="agent-form" onSubmit={form.submit} aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>Import a chat for a person</h2>
      <p className="hint">
        A SillyTavern chat becomes the person's conversation with the agent you pick. Only agents the person
        has not talked to yet are listed.
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
        <ChatImportFields ids={ids} agentLabel="Agent" form={form} />
      </div>
      <div className="row">
        <button type="submit" className="primary" disabled={!form.ready}>
          {form.importing ? "Importing…" : "Import chat"}
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
