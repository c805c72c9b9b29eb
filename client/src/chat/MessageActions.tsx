import { useEffect, useRef } from "react";
import type { ChatMessage } from "./conversationModel.ts";
import { type Siblings, siblingsOf } from "./pathModel.ts";

/** What a person can do to the conversation's path from one of its messages. */
export interface TreeControls {
  regenerate: (replyId: string) => void;
  choose: (messageId: string) => void;
  edit: (messageId: string, text: string) => Promise<boolean>;
  branch: (messageId: string) => void;
  hide: (messageId: string) => void;
}

export function MessageActions(props: {
  message: ChatMessage;
  /** The newest reply, when it can be written again. */
  regenerable: boolean;
  /** On the person's newest message, the reply to it they hid: it can be written again. */
  hiddenReplyId?: string | null;
  /** The end of the path: continuing from it changes nothing. */
  last: boolean;
  /** Whether the path may change now: not while a reply is written or a message is on its way. */
  pathFree: boolean;
  /** Whether the message may be hidden now: not while it is still to be answered. */
  hideable: boolean;
  controls: TreeControls;
  onEdit: () => void;
  /** The message's editor has just closed: its Edit button takes the focus back. */
  focusEdit?: boolean;
  onEditFocused?: () => void;
  /** This alternative was chosen with one of its arrows: that arrow (or the other, at an end) takes the focus. */
  focusArrow?: Arrow | null;
  onChose?: (messageId: string, arrow: Arrow) => void;
  onArrowFocused?: () => void;
}) {
  const { message, controls, focusEdit, onEditFocused } = props;
  const siblings = siblingsOf(message);
  const editButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!focusEdit) return;
    editButton.current?.focus();
    onEditFocused?.();
  }, [focusEdit, onEditFocused]);
  return (
    <div className={`message-actions ${message.role === "USER" ? "mine" : "theirs"}`}>
      {siblings && props.pathFree && (
        <SiblingSwitcher
          siblings={siblings}
          focusArrow={props.focusArrow ?? null}
          onFocused={props.onArrowFocused}
          onChoose={(id, arrow) => {
            props.onChose?.(id, arrow);
            controls.choose(id);
          }}
        />
      )}
      {props.regenerable && props.pathFree && (
        <button
          type="button"
          className="ghost small always"
          aria-label="Regenerate reply"
          title="Write this reply again"
          onClick={() => controls.regenerate(message.id)}
        >
          ↻<span className="action-label"> Regenerate</span>
        </button>
      )}
      {props.hiddenReplyId && props.pathFree && (
        <button
          type="button"
          className="ghost small always"
          aria-label="Answer again"
          title="The reply to this message is hidden: write a new one"
          onClick={() => props.hiddenReplyId && controls.regenerate(props.hiddenReplyId)}
        >
          ↻<span className="action-label"> Answer again</span>
        </button>
      )}
      {message.role === "USER" && props.pathFree && (
        <button
          ref={editButton}
          type="button"
          className="ghost small"
          aria-label="Edit message"
          onClick={props.onEdit}
        >
          ✎<span className="action-label"> Edit</span>
        </button>
      )}
      {!props.last && props.pathFree && (
        <button
          type="button"
          className="ghost small"
          aria-label="Continue from here"
          title="Go on from this message; what came after stays as an alternative"
          onClick={() => controls.branch(message.id)}
        >
          ⤴<span className="action-label"> Continue from here</span>
        </button>
      )}
      {props.hideable && (
        <button
          type="button"
          className="ghost small"
          aria-label="Hide message"
          onClick={() => controls.hide(message.id)}
        >
          ✕<span className="action-label"> Hide</span>
        </button>
      )}
    </div>
  );
}

export type Arrow = "previous" | "next";

/**
 * ‹ n/m ›. The chosen alternative is another message with a switcher of its own: the arrow pressed
 * takes the focus there, or the other one where the pressed one is at its end and disabled, so the
 * keyboard is not left on the page's body.
 */
function SiblingSwitcher(props: {
  siblings: Siblings;
  onChoose: (id: string, arrow: Arrow) => void;
  focusArrow: Arrow | null;
  onFocused?: () => void;
}) {
  const { siblings, onChoose, focusArrow, onFocused } = props;
  const { previousId, nextId } = siblings;
  const previous = useRef<HTMLButtonElement>(null);
  const next = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!focusArrow) return;
    const [wanted, other] = focusArrow === "previous" ? [previous, next] : [next, previous];
    (wanted.current?.disabled ? other : wanted).current?.focus();
    onFocused?.();
  }, [focusArrow, onFocused]);
  return (
    <fieldset className="siblings" aria-label="Alternatives">
      <button
        type="button"
        className="ghost small"
        ref={previous}
        aria-label="Previous alternative"
        disabled={!previousId}
        onClick={() => previousId && onChoose(previousId, "previous")}
      >
        ‹
      </button>
      <span data-testid="sibling-position">
        {siblings.index + 1}/{siblings.count}
      </span>
      <button
        type="button"
        className="ghost small"
        ref={next}
        aria-label="Next alternative"
        disabled={!nextId}
        onClick={() => nextId && onChoose(nextId, "next")}
      >
        ›
      </button>
    </fieldset>
  );
}
