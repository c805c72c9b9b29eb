import "../styles/memories.css";
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from "react";
import { useMutation, useQuery } from "urql";
import type { ResultOf } from "../api/graphql.ts";
import {
  CorrectMemoryMutation,
  ForgetMemoryMutation,
  MemoriesQuery,
  type MemoryFields,
} from "../api/operations/memories.ts";
import { errorText, fullTime, relativeTime } from "../ui/format.ts";

type Memory = ResultOf<typeof MemoryFields>;

const MEMORIES_RELOAD_MS = 5_000;

/** Brings a message into view when it is loaded; otherwise the link's address still names it. */
function showMessage(messageId: string) {
  const element = document.getElementById(`message-${messageId}`);
  if (!element) return;
  element.scrollIntoView({ block: "center", behavior: "smooth" });
  element.classList.add("highlighted");
  setTimeout(() => element.classList.remove("highlighted"), 2_000);
}

/** "What <agent> remembers about you": the facts it keeps, each correctable and forgettable. */
export function MemoryPanel({
  agentId,
  agentName,
  revision,
  onClose,
}: {
  agentId: string;
  agentName: string;
  /** The conversation's newest revision: each new message may have taught the agent something. */
  revision: number;
  onClose: () => void;
}) {
  const [{ data, error, fetching }, reload] = useQuery({
    query: MemoriesQuery,
    variables: { agentId },
    requestPolicy: "network-only",
  });
  // Facts are recorded a moment after the message that states them, so the open list looks again
  // when the conversation moves and every few seconds after.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new revision is the reason to look again
  useEffect(() => {
    const again = () => reload({ requestPolicy: "network-only" });
    const first = setTimeout(again, 500);
    const timer = setInterval(again, MEMORIES_RELOAD_MS);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [reload, revision]);
  // The list comes from a read model that follows a moment behind: changes made here show at once.
  const [forgotten, setForgotten] = useState<ReadonlySet<string>>(new Set());
  // A forgotten memory takes its Forget button with it: the focus stays in the panel.
  const heading = useRef<HTMLHeadingElement>(null);
  const [corrected, setCorrected] = useState<ReadonlyMap<string, Memory>>(new Map());
  const memories = (data?.memories ?? [])
    .filter((memory) => !forgotten.has(memory.id))
    .map((memory) => corrected.get(memory.id) ?? memory);
  return (
    <aside className="memory-panel" aria-label={`What ${agentName} remembers about you`}>
      <header className="memory-panel-header">
        <h2 ref={heading} tabIndex={-1}>
          What {agentName} remembers about you
        </h2>
        <button type="button" className="ghost" onClick={onClose} aria-label="Close memories">
          ×
        </button>
      </header>
      {error ? (
        <p role="alert">{errorText(error, "The memories did not load; try again.")}</p>
      ) : !data && fetching ? (
        <p aria-busy="true">Loading…</p>
      ) : memories.length === 0 ? (
        <p className="muted">Nothing yet. Tell {agentName} about yourself and it will show up here.</p>
      ) : (
        <ul className="memory-list">
          {memories.map((memory) => (
            <MemoryItem
              key={memory.id}
              agentId={agentId}
              memory={memory}
              onCorrected={(next) => setCorrected((map) => new Map(map).set(next.id, next))}
              onForgotten={() => {
                setForgotten((set) => new Set(set).add(memory.id));
                heading.current?.focus();
              }}
            />
          ))}
        </ul>
      )}
    </aside>
  );
}

function MemoryItem(props: {
  agentId: string;
  memory: Memory;
  onCorrected: (memory: Memory) => void;
  onForgotten: () => void;
}) {
  const { agentId, memory } = props;
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(memory.text);
  const [problem, setProblem] = useState<string | null>(null);
  const [correcting, correct] = useMutation(CorrectMemoryMutation);
  const [forgetting, forget] = useMutation(ForgetMemoryMutation);

  const save = async (event: FormEvent | KeyboardEvent) => {
    event.preventDefault();
    setProblem(null);
    const result = await correct({ input: { agentId, memoryId: memory.id, text } });
    if (result.error || !result.data) return setProblem(errorText(result.error, "Saving did not work."));
    props.onCorrected(result.data.correctMemory);
    setEditing(false);
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
            maxLength={500}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Escape") setEditing(false);
              if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing)
                void save(event);
            }}
            aria-describedby={`memory-${memory.id}-hint`}
            // biome-ignore lint/a11y/noAutofocus: the box opens because the person asked to correct
            autoFocus
          />
          <span id={`memory-${memory.id}-hint`} className="visually-hidden">
            Enter saves, Escape cancels.
          </span>
          <div className="memory-actions">
            <button type="submit" disabled={correcting.fetching}>
              Save
            </button>
            <button type="button" className="ghost" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <p className="memory-text">{memory.text}</p>
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
                showMessage(memory.sourceMessageId!);
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
