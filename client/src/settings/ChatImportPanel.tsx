import { useId } from "react";
import { ChatImportFields, useChatImport } from "../ui/ChatImportFields.tsx";
import { ImportWarnings } from "../ui/ImportWarnings.tsx";
import { navigate } from "../ui/router.ts";

/**
 * Brings a chat from SillyTavern (JSONL) into a conversation with a companion the person has not
 * talked to yet: the chosen messages become the conversation, swipes its alternatives.
 */
export function ChatImportPanel() {
  const ids = useId();
  const form = useChatImport();
  const { done, error } = form;

  return (
    <form className="settings-card stack" onSubmit={form.submit} aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>Import a chat</h2>
      <p className="hint">
        Continue a SillyTavern chat here: it becomes your conversation with the companion you pick. Only
        companions you have not talked to yet are listed, since a chat can only go into a conversation that
        has not begun.
      </p>
      <div className="row wrap">
        <ChatImportFields ids={ids} agentLabel="Companion" form={form} />
      </div>
      <div className="row settings-actions">
        <button type="submit" className="primary" disabled={!form.ready}>
          {form.importing ? "Importing…" : "Import chat"}
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
