import { fullTime, relativeTime } from "../ui/format.ts";
import { useFreshPictureLink } from "../ui/freshLinks.ts";
import { Picture } from "../ui/Picture.tsx";
import { currentLink } from "../ui/pictureLinks.ts";
import type { ChatMessage, PendingMessage } from "./conversationModel.ts";
import { declineWords } from "./declineReasons.ts";

const IMAGE_STEPS = ["QUEUED", "RUNNING", "SUCCEEDED"] as const;

function Time({ iso }: { iso: string }) {
  return (
    <time className="time" dateTime={iso} title={fullTime(iso)}>
      {relativeTime(iso)}
    </time>
  );
}

export function MessageBubble(props: {
  agentName: string;
  message: ChatMessage;
  streamed: string | null;
  onRetryReply: (messageId: string) => void;
  onOpenImage: (image: { url: string; alt: string }) => void;
}) {
  const { message, agentName } = props;
  const mine = message.role === "USER";
  if (message.kind === "IMAGE_DECLINED") {
    const words = declineWords(message.declineReason);
    return (
      <p className="note" data-kind="declined" data-reason={message.declineReason ?? undefined}>
        {agentName} {words.text}.{words.hint && <span className="hint"> {words.hint}</span>}
      </p>
    );
  }
  if (message.kind === "IMAGE") return <ImageBubble {...props} />;
  const streaming = message.status === "STREAMING";
  const failed = message.kind === "REPLY" && message.status === "FAILED";
  return (
    <div
      id={`message-${message.id}`}
      className={`bubble ${mine ? "mine" : "theirs"}${failed ? " failed" : ""}`}
      data-kind={message.kind.toLowerCase()}
    >
      {streaming ? (
        <p className="text streaming" data-testid="streaming-reply" aria-busy="true" dir="auto">
          {props.streamed || <TypingDots label={`${agentName} is typing`} />}
          {props.streamed && <span className="caret" aria-hidden="true" />}
        </p>
      ) : failed ? (
        <p className="text">
          {agentName} could not reply{message.failureReason ? `: ${message.failureReason}` : "."}{" "}
          {message.retryable !== false && message.inReplyTo && (
            <button type="button" className="small" onClick={() => props.onRetryReply(message.inReplyTo!)}>
              Retry
            </button>
          )}
        </p>
      ) : (
        <p className="text" dir="auto">
          {message.text}
        </p>
      )}
      {!streaming && <Time iso={message.createdAt} />}
    </div>
  );
}

function ImageBubble(props: Parameters<typeof MessageBubble>[0]) {
  const { message, agentName } = props;
  const image = message.image;
  const alt = `A picture from ${agentName}`;
  const freshLink = useFreshPictureLink(image?.imageJobId ?? "");
  if (message.status === "SUCCEEDED" && image?.url)
    return (
      <div className="bubble theirs image" data-kind="image">
        <button
          type="button"
          className="image-button"
          onClick={() => props.onOpenImage({ url: currentLink(image.url!), alt })}
        >
          <Picture
            src={image.url}
            freshLink={freshLink}
            alt={alt}
            width={image.width ?? undefined}
            height={image.height ?? undefined}
          />
          <span className="visually-hidden">Open larger</span>
        </button>
        <Time iso={message.createdAt} />
      </div>
    );
  if (message.status === "FAILED")
    return (
      <p className="note failed" data-kind="image">
        The picture from {agentName} did not come out
        {message.failureReason ? `: ${message.failureReason}` : "."}
      </p>
    );
  const step = Math.max(0, IMAGE_STEPS.indexOf(message.status as (typeof IMAGE_STEPS)[number]));
  const label = message.status === "QUEUED" ? "Queued" : "Drawing";
  return (
    <div className="bubble theirs image-progress" data-kind="image" data-status={message.status}>
      <p className="text">
        {agentName} is sending a picture… {label.toLowerCase()}
        {message.queuePosition ? ` (#${message.queuePosition} in line)` : ""}
      </p>
      <progress max={3} value={step + 1} aria-label={`Picture: ${label}`} />
    </div>
  );
}

function TypingDots({ label }: { label: string }) {
  return (
    <>
      <span className="typing-dots" aria-hidden="true">
        <span />
        <span />
        <span />
      </span>
      <span className="visually-hidden">{label}</span>
    </>
  );
}

export function PendingBubble(props: {
  pending: PendingMessage;
  onRetry: (pending: PendingMessage) => void;
  onDiscard: (pending: PendingMessage) => void;
}) {
  const { pending } = props;
  return (
    <div className={`bubble mine pending${pending.status === "failed" ? " failed" : ""}`} data-kind="user">
      <p className="text" dir="auto">
        {pending.text}
      </p>
      {/* The notice that said why goes once closed; the message keeps the reason while it waits. */}
      {pending.status === "failed" && pending.error && <p className="unsent-reason">{pending.error}</p>}
      <span className="time">
        {pending.status === "sending" ? (
          "Sending…"
        ) : (
          <>
            <span className="unsent-label">Not sent</span>{" "}
            <button type="button" className="small" onClick={() => props.onRetry(pending)}>
              Retry
            </button>{" "}
            <button type="button" className="small" onClick={() => props.onDiscard(pending)}>
              Discard
            </button>
          </>
        )}
      </span>
    </div>
  );
}

export function StreamBubble({ text }: { text: string }) {
  return (
    <div className="bubble theirs" data-kind="reply">
      <p className="text streaming" data-testid="streaming-reply" aria-busy="true" dir="auto">
        {text}
        <span className="caret" aria-hidden="true" />
      </p>
    </div>
  );
}
