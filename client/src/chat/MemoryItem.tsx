import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from "react";
import { useMutation } from "urql";
import type { ResultOf } from "../api/graphql.ts";
import {
  CorrectMemoryMutation,
  ForgetMemoryMutation,
  type MemoryFields,
} from "../api/operations/memories.ts";
import { errorText, fullTime, relativeTime } from "../ui/format.ts";

type Memory = ResultOf<typeof MemoryFields>;

/** The longest memory the server takes, in characters as it counts them (an emoji is one). */
const MAX = 500;
const characters = (text: string) => Array.from(text).length;

/** One remembered fact: its text, when and from which message, and Correct and Forget. */
export function MemoryItem(props: {
  agentId: string;
  memory: Memory;
  onCorrected: (memory: Memory) => void;
  onForgotten: () => void;
  /** Brings the message the memory came from into view. */
  onShowSource: (messageId: string) => void;
}) {
  const { agentId, memory } = props;
  const [editing, setEditing] = useState(false);
  // The box has just closed: its Correct button takes the focus back.
  const [closed, setClosed] = useState(false);
  const correctButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!closed || editing) return;
    correctButton.current?.focus();
    setClosed(false);
  }, [closed, editing]);
  const close = () => {
    setEditing(false);
    setClosed(true);
  };
  const [text, setText] = useState(memory.text);
  const [problem, setProblem] = useState<string | null>(null);
  const [correcting, correct] = useMutation(CorrectMemoryMutation);
  const [forgetting, forget] = useMutation(ForgetMemoryMutation);

  const over = characters(text) - MAX;
  const save = async (event: FormEvent | KeyboardEvent) => {
    event.preventDefault();
    if (over > 0 || !text.trim()) return;
    setProblem(null);
    const result = await correct({ input: { agentId, memoryId: memory.id, text } });
    if (result.error || !result.data) return setProblem(errorText(result.error, "Saving did not work."));
    props.onCorrected(result.data.correctMemory);
    close();
  };
  const drop = async () => {
    setProblem(null);
    const result = await forget({ input: { agentId, memoryId: memory.id } });
    if (result.error) return setProblem(errorText(result.error, "Forgetting did not work."));
    props.onForgotten();
  };

  return (
    <li className="memory" data-testid="memory" data-memory-id={memory.id}>
      {editing ? (
        <form className="memory-edit" onSubmit={save}>
          <label className="visually-hidden" htmlFor={`memory-${memory.id}`}>
            Correct this memory
          </label>
          <textarea
            id={`memory-${memory.id}`}
            value={text}
            dir="auto"
            aria-invalid={over > 0 || undefined}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Escape") {
                event.preventDefault();
                close();
              }
              if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing)
                void save(event);
            }}
            aria-describedby={`memory-${memory.id}-hint memory-${memory.id}-limit`}
            // biome-ignore lint/a11y/noAutofocus: the box opens because the person asked to correct
            autoFocus
          />
          <span id={`memory-${memory.id}-hint`} className="visually-hidden">
            Enter saves, Escape cancels.
          </span>
          <span id={`memory-${memory.id}-limit`} className="composer-limit over" role="status">
            {over > 0
              ? `${over} character${over === 1 ? "" : "s"} too long: memories take up to ${MAX}.`
              : ""}
          </span>
          <div className="memory-actions">
            <button type="submit" disabled={correcting.fetching || over > 0 || !text.trim()}>
              Save
            </button>
            <button type="button" className="ghost" onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <p className="memory-text" dir="auto">
          {memory.text}
        </p>
      )}
      <p className="memory-meta muted">
        <time dateTime={memory.recordedAt} title={fullTime(memory.recordedAt)}>
          {relativeTime(memory.recordedAt)}
        </time>
        {memory.correctedAt && " · corrected"}
        {memory.sourceMessageId && (
          <>
            {" · "}
            <a
              href={`#message-${memory.sourceMessageId}`}
              onClick={(event) => {
                event.preventDefault();
                props.onShowSource(memory.sourceMessageId!);
              }}
            >
              from your message
            </a>
          </>
        )}
      </p>
      {!editing && (
        <div className="memory-actions">
          <button
            ref={correctButton}
            type="button"
            className="small"
            onClick={() => {
              setText(memory.text);
              setEditing(true);
            }}
          >
            Correct
          </button>
          <button
            type="button"
            className="small danger"
            onClick={() => void drop()}
            disabled={forgetting.fetching}
          >
            Forget
          </button>
        </div>
      )}
      {problem && <p role="alert">{problem}</p>}
    </li>
  );
}
