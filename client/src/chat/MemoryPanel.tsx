import "../styles/memories.css";
import { useEffect, useRef, useState } from "react";
import { useQuery } from "urql";
import type { ResultOf } from "../api/graphql.ts";
import { MemoriesQuery, type MemoryFields } from "../api/operations/memories.ts";
import { errorText } from "../ui/format.ts";
import { MemoryItem } from "./MemoryItem.tsx";

type Memory = ResultOf<typeof MemoryFields>;

const MEMORIES_RELOAD_MS = 5_000;

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
  const panel = useRef<HTMLElement>(null);
  // On a phone the panel covers the button that opened it: the focus goes where the person now looks.
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    // On the document, so a memory's editor has seen the key first: an Escape it took for itself
    // closes only that editor.
    const onKeyDown = (event: KeyboardEvent) => {
      const inside = event.target instanceof Node && panel.current?.contains(event.target);
      if (event.key === "Escape" && inside && !event.defaultPrevented) onClose();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [onClose]);
  const showSource = (messageId: string) => {
    const message = document.getElementById(`message-${messageId}`);
    // Not loaded: the link's address still names it.
    if (!message) return;
    // Where the panel lies over the messages (a phone), it makes way for the one asked for.
    const covering = overlapsSideways(panel.current, message);
    if (covering) onClose();
    showMessage(message, covering);
  };
  return (
    <aside ref={panel} className="memory-panel" aria-label={`What ${agentName} remembers about you`}>
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
              onShowSource={showSource}
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

function overlapsSideways(panel: HTMLElement | null, message: HTMLElement): boolean {
  if (!panel) return false;
  const over = panel.getBoundingClientRect();
  const under = message.getBoundingClientRect();
  return over.left < under.right && over.right > under.left;
}

/** Scrolls a message into view and marks it a moment; with the panel gone, the focus goes to it. */
function showMessage(message: HTMLElement, focus: boolean) {
  message.scrollIntoView({ block: "center", behavior: "smooth" });
  message.classList.add("highlighted");
  setTimeout(() => message.classList.remove("highlighted"), 2_000);
  if (!focus) return;
  message.tabIndex = -1;
  message.focus({ preventScroll: true });
}
