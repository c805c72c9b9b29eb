import {
  type ConversationState,
  findMessage,
  recentPathTo,
  siblingsOf,
  visibleOnPathTo,
} from "../../domain/conversation/decider.ts";
import type { MessageNode } from "../../domain/conversation/path.ts";
import type { EventLog } from "../eventLog.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import { type ConversationTexts, type Written, writtenMessages } from "./conversationTexts.ts";

/** The person's message a reply answers, and its position in the conversation stream. */
export interface AnsweredMessage {
  messageId: string;
  text: string;
  sentAt: string;
  revision: number;
}

export interface PathHistory {
  message: AnsweredMessage;
  /** The messages before it on its path, oldest first, hidden ones and failed replies left out. */
  recent: ReplyContext["recentMessages"][number][];
  /** When the agent last spoke in the conversation (any branch), as far as the events read show. */
  latestAgentAt: string | null;
  /** Replies already given in the new reply's place, as far as the events read show. */
  earlierAlternatives: string[];
  /** Every visible message on the path up to the message: what the agent may remember. */
  onPath: { has(id: string): boolean };
}

const RECENT_EVENTS_READ = 120;

/**
 * What the agent lived up to `messageId`: the path to it in the conversation's tree, not the
 * stream's order, so another branch's messages (an old reply beside a regenerated one, the text
 * before an edit) never reach the prompt. The newest events usually hold the recent part of the
 * path (kept in memory from turn to turn); when a branch reaches further back, the whole stream
 * is read.
 */
export async function pathHistory(
  events: EventLog,
  texts: ConversationTexts,
  streamId: string,
  conversation: ConversationState,
  messageId: string,
  keep: number,
  /** The message's own revision, when only the events just before it are needed. */
  messageRevision?: number,
): Promise<PathHistory> {
  const wanted = recentPathTo(conversation, messageId, keep + 1, shown);
  const tail = await texts.recent(events, streamId, conversation.revision, RECENT_EVENTS_READ);
  let written: ReadonlyMap<string, Written> = tail.written;
  if (wanted.some((id) => !written.has(id)) && !tail.fromStart)
    // A message far back (a reactor catching up over a long conversation) reads the events
    // before it, not the whole stream once per message.
    written = writtenMessages(
      messageRevision === undefined
        ? await events.readStream(streamId)
        : (
            await events.readStream(streamId, {
              fromRevision: messageRevision,
              direction: "backwards",
              maxCount: RECENT_EVENTS_READ,
            })
          ).reverse(),
    );
  const answered = written.get(messageId);
  if (!answered) throw new Error(`message ${messageId} is not among the events of its conversation`);
  const superseded = supersededSources(conversation);
  const visible = visibleOnPathTo(conversation, messageId);
  const shownOnPath = (id: string) => {
    const node = visible(id);
    return node !== undefined && shown(node);
  };
  const recent = wanted.slice(0, -1).flatMap((id) => {
    const entry = written.get(id);
    if (!entry) return [];
    const author = findMessage(conversation, id)?.kind === "user" ? ("person" as const) : ("agent" as const);
    return [recentMessage(entry, author, superseded.get(id))];
  });
  return {
    message: { messageId, text: answered.text, sentAt: answered.at, revision: answered.revision },
    recent,
    latestAgentAt: latestAgentAt(written),
    earlierAlternatives: earlierAlternatives(conversation, messageId, written),
    onPath: { has: (id) => id === messageId || shownOnPath(id) },
  };
}

type RecentMessage = PathHistory["recent"][number];

/**
 * By what the conversation's texts hold of the message: the same object from turn to turn, so
 * what the engine reads in it is read once. The texts let go of an erased person's messages.
 */
const recentMessages = new WeakMap<Written, RecentMessage>();

function recentMessage(entry: Written, author: RecentMessage["author"], change?: Superseded): RecentMessage {
  const known = recentMessages.get(entry);
  if (known && known.author === author && known.superseded === change) return known;
  const message = { author, text: entry.text, at: entry.at, ...(change ? { superseded: change } : {}) };
  recentMessages.set(entry, message);
  return message;
}

/** By the facts they were found in: the facts stay the same object from turn to turn until one changes. */
const supersededOf = new WeakMap<ConversationState["memoryFacts"], ReadonlyMap<string, Superseded>>();

type Superseded = "forgotten" | "corrected";

/**
 * Messages that told a fact since forgotten or corrected: what they said is no longer what is
 * known. A message that told one fact now forgotten and another now corrected counts as forgotten.
 */
function supersededSources(conversation: ConversationState): ReadonlyMap<string, Superseded> {
  const known = supersededOf.get(conversation.memoryFacts);
  if (known) return known;
  const sources = new Map<string, Superseded>();
  for (const fact of conversation.memoryFacts.values()) {
    const change = fact.forgotten ? "forgotten" : fact.correctedAt !== null ? "corrected" : null;
    if (!change) continue;
    for (const id of fact.sourceMessageIds) if (sources.get(id) !== "forgotten") sources.set(id, change);
  }
  supersededOf.set(conversation.memoryFacts, sources);
  return sources;
}

/**
 * The completed replies to the message and to the messages beside it (an edit is a sibling of
 * what it edits): what a regeneration or an edited message's answer would otherwise say again.
 */
function earlierAlternatives(
  conversation: ConversationState,
  messageId: string,
  written: ReadonlyMap<string, Written>,
): string[] {
  const beside = siblingsOf(conversation, messageId, { includeHidden: true })?.ids ?? [messageId];
  return beside.flatMap((id) =>
    (findMessage(conversation, id)?.children ?? []).flatMap((child) => {
      const node = findMessage(conversation, child);
      const text = written.get(child)?.text;
      return node?.kind === "reply" && node.status === "completed" && text ? [text] : [];
    }),
  );
}

/** Hidden messages and replies that failed or are still streaming are no part of a prompt. */
function shown(node: MessageNode): boolean {
  return !node.hidden && node.status !== "failed" && node.status !== "streaming";
}

/**
 * When the agent last spoke in the conversation, on any branch: what it has said since it woke up
 * is part of its day, whichever path the person is on (a second deferred message is not greeted
 * with "just woke up" again).
 */
function latestAgentAt(written: ReadonlyMap<string, Written>): string | null {
  let latest: string | null = null;
  for (const entry of written.values())
    if (entry.byAgent && (latest === null || Date.parse(entry.at) > Date.parse(latest))) latest = entry.at;
  return latest;
}
