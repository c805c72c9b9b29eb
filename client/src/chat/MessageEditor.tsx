import { type FormEvent, useState } from "react";

/** Edits a message in place: saving sends the new text beside the old one, and the agent answers it. */
export function MessageEditor(props: {
  text: string;
  onSave: (text: string) => Promise<boolean>;
  /** Closed by Escape or Cancel. */
  onClose: () => void;
  /** Closed because the edit was sent: the conversation moves the focus on. */
  onSaved: () => void;
}) {
  const [text, setText] = useState(props.text);
  const [saving, setSaving] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim() || saving) return;
    setSaving(true);
    const saved = await props.onSave(text);
    setSaving(false);
    if (saved) props.onSaved();
  };
  return (
    <form className="bubble mine message-editor" onSubmit={(event) => void submit(event)}>
      <textarea
        aria-label="Edited message"
        value={text}
        dir="auto"
        rows={Math.min(6, text.split("\n").length + 1)}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") props.onClose();
          // As in the message box: Enter sends, Shift+Enter starts a new line.
          if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault();
            event.currentTarget.form?.requestSubmit();
          }
        }}
        // biome-ignore lint/a11y/noAutofocus: the editor opens because the person asked to edit
        autoFocus
      />
      <div className="row editor-buttons">
        <button type="button" className="ghost small" onClick={props.onClose}>
          Cancel
        </button>
        <button type="submit" className="primary small" disabled={saving || !text.trim()}>
          {saving ? "Sending…" : "Send edit"}
        </button>
      </div>
    </form>
  );
}
