import { activePath, type ConversationState, findMessage } from "../../domain/conversation/decider.ts";
import type { ConversationEvent } from "../../domain/conversation/events.ts";
import { authorOf, type MessageKind, type MessageStatus } from "../../domain/conversation/path.ts";

/** A message on a path, as a person reads it. */
export interface PathMessage {
  messageId: string;
  parentId: string | null;
  author: "user" | "agent";
  kind: MessageKind;
  /** Null while a reply streams, and for a reply that failed. */
  text: string | null;
  /** When it was sent (a reply: when it started). */
  at: string;
  status: MessageStatus;
  /** Hidden messages stay on the path; a person's view leaves them out. */
  hidden: boolean;
}

interface Written {
  text: string | null;
  at: string;
}

/** What each message says and when it was written, from a conversation's events in stream order. */
export function messageTexts(events: Iterable<ConversationEvent>): Map<string, Written> {
  const texts = new Map<string, Written>();
  for (const event of events) {
    switch (event.type) {
      case "UserMessageSent":
      case "AgentInitiatedMessage":
        texts.set(event.data.messageId, { text: event.data.text, at: event.data.sentAt });
        break;
      case "AgentReplyStarted": {
        // A retry stands where its failed attempt stood, and keeps its time.
        const earlier = event.data.retryOf ? texts.get(event.data.retryOf) : undefined;
        texts.set(event.data.replyId, { text: null, at: earlier?.at ?? event.data.startedAt });
        break;
      }
      case "AgentReplyCompleted": {
        const started = texts.get(event.data.replyId);
        texts.set(event.data.replyId, { text: event.data.text, at: started?.at ?? event.data.completedAt });
        break;
      }
      default:
        break;
    }
  }
  return texts;
}

/** The active path of `state`, oldest first, with what each message says. */
export function pathMessages(state: ConversationState, texts: ReadonlyMap<string, Written>): PathMessage[] {
  return activePath(state).map((messageId) => {
    const node = findMessage(state, messageId)!;
    const written = texts.get(messageId);
    return {
      messageId,
      parentId: node.parentId,
      author: authorOf(node.kind),
      kind: node.kind,
      text: node.status === "failed" ? null : (written?.text ?? null),
      at: written?.at ?? "",
      status: node.status,
      hidden: node.hidden,
    };
  });
}
