import { type FormEvent, useId, useState } from "react";
import type { ResultOf } from "../api/graphql.ts";
import type { LorebookQuery } from "../api/operations/cards.ts";

type Entry = NonNullable<ResultOf<typeof LorebookQuery>["lorebook"]>["entries"][number];

/** One lorebook entry's title, keys and content; a new entry when `entry` is null. Text stays text. */
export function EntryForm(props: {
  entry: Entry | null;
  onSave: (input: {
    entryId: string | null;
    comment: string;
    keys: string[];
    content: string;
    constant: boolean;
  }) => void;
  onRemove?: () => void;
}) {
  const id = useId();
  const [comment, setComment] = useState(props.entry?.comment ?? "");
  const [keys, setKeys] = useState(props.entry?.keys.join(", ") ?? "");
  const [content, setContent] = useState(props.entry?.content ?? "");
  const [constant, setConstant] = useState(props.entry?.constant ?? false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const list = keys
      .split(",")
      .map((k) => k.trim())
      .filter(Boolean);
    props.onSave({ entryId: props.entry?.id ?? null, comment, keys: list, content, constant });
    if (!props.entry) {
      setComment("");
      setKeys("");
      setContent("");
    }
  };
  return (
    <form className="agent-form" onSubmit={submit}>
      {props.entry?.comment && <h3 className="entry-title">{props.entry.comment}</h3>}
      <div className="field wide">
        <label htmlFor={`${id}-comment`}>Title</label>
        <input id={`${id}-comment`} value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      <div className="field wide">
        <label htmlFor={`${id}-keys`}>Keys (comma separated)</label>
        <input id={`${id}-keys`} value={keys} onChange={(e) => setKeys(e.target.value)} />
      </div>
      <div className="field wide">
        <label htmlFor={`${id}-content`}>Content</label>
        <textarea
          id={`${id}-content`}
          rows={3}
          required
          value={content}
          onChange={(e) => setContent(e.target.value)}
        />
      </div>
      <div className="field checkbox">
        <input
          id={`${id}-constant`}
          type="checkbox"
          checked={constant}
          onChange={(e) => setConstant(e.target.checked)}
        />
        <label htmlFor={`${id}-constant`}>Always in the prompt</label>
      </div>
      <div className="row">
        <button type="submit" className="primary">
          {props.entry ? "Save entry" : "Add entry"}
        </button>
        {props.onRemove && (
          <button type="button" onClick={props.onRemove}>
            Delete
          </button>
        )}
      </div>
    </form>
  );
}
