import { useEffect, useLayoutEffect, useRef, useState } from "react";
import type { ConversationModel, PendingMessage } from "./conversationModel.ts";
import { type Arrow, MessageActions, type TreeControls } from "./MessageActions.tsx";
import { MessageBubble, PendingBubble, StreamBubble } from "./MessageBubble.tsx";
import { MessageEditor } from "./MessageEditor.tsx";
import { isTreeNode, regenerableReplyId } from "./pathModel.ts";
import { timeline } from "./timeline.ts";
import { answerAgainOf, controlRules } from "./treeControlRules.ts";
import { answerAfterText } from "./wakeTime.ts";

const NEAR_BOTTOM_PX = 120;
/** Scrolled back this close to the top, the earlier messages start loading. */
const NEAR_TOP_PX = 200;

export function MessageList(props: {
  agentName: string;
  /** The agent's time zone: a wake time is given on its clock as well as the person's. */
  agentTimeZone: string;
  model: ConversationModel;
  /** When the agent sleeps until a known time, a message of the person's waits for the morning. */
  asleepUntil?: string | null;
  earlier: { has: boolean; loading: boolean };
  onLoadEarlier: () => void;
  onRetrySend: (pending: PendingMessage) => void;
  onDiscardSend: (pending: PendingMessage) => void;
  onRetryReply: (messageId: string) => void;
  onOpenImage: (image: { url: string; alt: string }) => void;
  /** Regenerate, alternatives, edit, branch and hide; absent where the path is read-only. */
  controls?: TreeControls;
}) {
  const { model, controls } = props;
  const items = timeline(model);
  const [editing, setEditing] = useState<string | null>(null);
  // The message whose editor closed last: the focus goes back to its Edit button.
  const [edited, setEdited] = useState<string | null>(null);
  // The alternative chosen last, and with which arrow: its switcher takes the focus when it shows.
  const [chosen, setChosen] = useState<{ id: string; arrow: Arrow } | null>(null);
  const nodes = items.flatMap((item) =>
    item.type === "message" && isTreeNode(item.message) ? [item.message] : [],
  );
  const regenerable = regenerableReplyId(items);
  const lastNodeId = nodes.at(-1)?.id ?? null;
  const rules = controlRules(model, items, Boolean(props.asleepUntil));
  const answerAgain = answerAgainOf(model, items);
  const scroller = useRef<HTMLDivElement>(null);
  const last = useRef({ first: "", height: 0, top: 0, atBottom: true });
  const [, setTick] = useState(0);

  useEffect(() => {
    const timer = setInterval(() => setTick((t) => t + 1), 30_000);
    return () => clearInterval(timer);
  }, []);

  const firstKey = items[0]?.key ?? "";
  // Every render: keeps the newest in view while at the bottom, and the view still when older ones load.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const previous = last.current;
    if (previous.first && firstKey !== previous.first && previous.height > 0)
      element.scrollTop = element.scrollHeight - previous.height + previous.top;
    else if (previous.atBottom) element.scrollTop = element.scrollHeight;
    last.current = { ...previous, first: firstKey, height: element.scrollHeight, top: element.scrollTop };
  });

  useEffect(() => {
    const element = scroller.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    // A rotated phone or a resized window keeps the newest message in view.
    const observer = new ResizeObserver(() => {
      if (last.current.atBottom) element.scrollTop = element.scrollHeight;
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const onScroll = () => {
    const element = scroller.current;
    if (!element) return;
    const atBottom = element.scrollHeight - element.scrollTop - element.clientHeight < NEAR_BOTTOM_PX;
    // Once per arrival near the top, so a page that failed to load is not asked for again and again.
    const reachedTop = element.scrollTop < NEAR_TOP_PX && last.current.top >= NEAR_TOP_PX;
    if (reachedTop && props.earlier.has && !props.earlier.loading) props.onLoadEarlier();
    last.current = { ...last.current, atBottom, height: element.scrollHeight, top: element.scrollTop };
  };

  // A started reply's bubble shows the typing dots itself until its first words come.
  const streamingShown = items.some(
    (item) =>
      item.type === "stream" ||
      (item.type === "message" && (item.streamed || item.message.status === "STREAMING")),
  );
  const newest = items.at(-1);
  const answerAfter =
    !model.typing && newest?.type === "message" && newest.message.role === "USER" ? props.asleepUntil : null;
  return (
    <div className="messages" ref={scroller} onScroll={onScroll}>
      {props.earlier.has && (
        <div className="load-earlier">
          <button type="button" onClick={props.onLoadEarlier} disabled={props.earlier.loading}>
            {props.earlier.loading ? "Loading…" : "Load earlier messages"}
          </button>
        </div>
      )}
      {items.length === 0 && <p className="note hello">Say hello to {props.agentName}.</p>}
      <ol
        className="message-list"
        aria-label="Messages"
        aria-live="polite"
        aria-relevant="additions"
        aria-busy={model.refresh !== null}
      >
        {items.map((item) => (
          <li key={item.key} className="message-item">
            {item.type === "message" && editing === item.message.id && controls ? (
              <MessageEditor
                text={item.message.text ?? ""}
                onSave={(text) => controls.edit(item.message.id, text)}
                onClose={() => {
                  setEditing(null);
                  setEdited(item.message.id);
                }}
                // A sent edit hands the focus to the message box; the Edit button would take it away.
                onSaved={() => setEditing(null)}
              />
            ) : item.type === "message" ? (
              <>
                <MessageBubble
                  agentName={props.agentName}
                  message={item.message}
                  streamed={item.streamed}
                  onRetryReply={props.onRetryReply}
                  onOpenImage={props.onOpenImage}
                />
                {controls && isTreeNode(item.message) && item.message.status !== "STREAMING" && (
                  <MessageActions
                    message={item.message}
                    regenerable={item.message.id === regenerable}
                    hiddenReplyId={answerAgain?.messageId === item.message.id ? answerAgain.replyId : null}
                    last={item.message.id === lastNodeId}
                    pathFree={rules.pathFree}
                    hideable={!rules.awaiting.has(item.message.id)}
                    controls={controls}
                    onEdit={() => {
                      setEdited(null);
                      setEditing(item.message.id);
                    }}
                    focusEdit={edited === item.message.id}
                    onEditFocused={() => setEdited(null)}
                    focusArrow={chosen?.id === item.message.id ? chosen.arrow : null}
                    onChose={(id, arrow) => setChosen({ id, arrow })}
                    onArrowFocused={() => setChosen(null)}
                  />
                )}
              </>
            ) : item.type === "pending" ? (
              <PendingBubble
                pending={item.pending}
                onRetry={props.onRetrySend}
                onDiscard={props.onDiscardSend}
              />
            ) : (
              <StreamBubble text={item.text} />
            )}
          </li>
        ))}
      </ol>
      {model.typing && !streamingShown && (
        <p className="typing" role="status">
          <span className="typing-dots" aria-hidden="true">
            <span />
            <span />
            <span />
          </span>
          {props.agentName} is typing…
        </p>
      )}
      {answerAfter && (
        <p className="note asleep" role="status">
          {answerAfterText(props.agentName, answerAfter, props.agentTimeZone)}
        </p>
      )}
    </div>
  );
}
