import { type FormEvent, type KeyboardEvent, type RefObject, useId, useRef } from "react";
import { useDraft } from "./drafts.tsx";

/** The longest message the server takes, in characters as it counts them (an emoji is one). */
const MAX = 4000;
/** How close to the limit the characters left are shown. */
const NEAR = 200;

const characters = (text: string) => Array.from(text.trim()).length;
const plural = (count: number) => `${count} character${count === 1 ? "" : "s"}`;

export function Composer(props: {
  agentId: string;
  agentName: string;
  onSend: (text: string) => void;
  onAskForImage: (prompt: string | null) => void;
  /** The message box, for the conversation to hand the focus back to it. */
  inputRef?: RefObject<HTMLTextAreaElement | null>;
}) {
  const [text, setText] = useDraft(props.agentId);
  const id = useId();
  const ownInput = useRef<HTMLTextAreaElement>(null);
  const input = props.inputRef ?? ownInput;
  const left = MAX - characters(text);
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const value = text.trim();
    if (!value || left < 0) return;
    props.onSend(value);
    setText("");
    // A click on Send (disabled once the text is gone) would otherwise leave the focus nowhere.
    input.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) submit(event);
  };
  const askForImage = () => {
    // What is typed, if anything, says what the picture should show.
    props.onAskForImage(text.trim().slice(0, 500) || null);
    setText("");
    input.current?.focus();
  };
  return (
    <form className="composer" onSubmit={submit}>
      <label htmlFor={`${id}-text`} className="visually-hidden">
        Message to {props.agentName}
      </label>
      <textarea
        id={`${id}-text`}
        ref={input}
        rows={1}
        dir="auto"
        placeholder={`Message ${props.agentName}…`}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        aria-describedby={`${id}-hint ${id}-limit`}
        aria-invalid={left < 0 || undefined}
      />
      <span id={`${id}-hint`} className="visually-hidden">
        Enter sends, Shift+Enter starts a new line.
      </span>
      <span id={`${id}-limit`} className={`composer-limit${left < 0 ? " over" : ""}`} role="status">
        {left < 0
          ? `${plural(-left)} too long: messages take up to ${MAX}.`
          : left <= NEAR
            ? `${plural(left)} left`
            : ""}
      </span>
      <button
        type="button"
        className="icon"
        onClick={askForImage}
        aria-label={text.trim() ? "Ask for a picture of what you typed" : "Ask for a selfie"}
        title="Ask for a selfie"
      >
        <CameraIcon />
      </button>
      <button type="submit" className="primary" disabled={!text.trim() || left < 0}>
        Send
      </button>
    </form>
  );
}

function CameraIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinejoin="round"
        d="M4 8h3l1.6-2.4h6.8L17 8h3v11H4z"
      />
      <circle cx="12" cy="13.2" r="3.6" fill="none" stroke="currentColor" strokeWidth="1.8" />
    </svg>
  );
}
