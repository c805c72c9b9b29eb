import { activePath, conversationDecider, findMessage } from "../../domain/conversation/decider.ts";
import type { ConversationEvent } from "../../domain/conversation/events.ts";
import { conversationStreamId, userStreamId } from "../../domain/streamIds.ts";
import { userDecider } from "../../domain/user/decider.ts";
import type { UserEvent } from "../../domain/user/events.ts";
import { chatJsonlOf } from "../cards/chatTransfer.ts";
import type { EventLog } from "../eventLog.ts";

/** What the export reads besides the log: which agents the person talks with, and their pictures. */
export interface ExportSources {
  events: EventLog;
  conversationsOf(userId: string): Promise<{ agentId: string; agentName: string }[]>;
  imageUrlsOf(userId: string): Promise<string[]>;
}

export interface ExportedMessage {
  id: string;
  from: "person" | "agent";
  text: string;
  sentAt: string;
  /** The message it follows in the conversation tree (null for the first). */
  parentId: string | null;
  /** On the path the conversation shows now, rather than an alternative or an abandoned branch. */
  onActivePath: boolean;
  /** Taken out of view by the person (kept in the log). */
  hidden: boolean;
}

export interface ExportedFact {
  id: string;
  text: string;
  kind: string;
  recordedAt: string;
  sourceMessageIds: string[];
}

export interface ExportedConversation {
  agentId: string;
  agentName: string;
  startedAt: string | null;
  messages: ExportedMessage[];
  /** What the agent remembers from this conversation. */
  memories: { summary: string; facts: string[] }[];
  /** The facts remembered about the person, as they stand now (forgotten ones left out). */
  facts: ExportedFact[];
  /** The active path as a SillyTavern chat file (JSON Lines), other replies as swipes; as `exportChat` gives it. */
  sillyTavernJsonl: string;
}

export interface PersonalDataExport {
  format: "withme-personal-data/1";
  exportedAt: string;
  profile: { userId: string; subject: string | null; displayName: string; role: string };
  settings: {
    timezone: string | null;
    quietHours: { start: string; end: string } | null;
    doNotDisturb: boolean;
    notificationDevices: number;
  };
  accountDeletionDueAt: string | null;
  conversations: ExportedConversation[];
  imageUrls: string[];
}

/** Everything withme holds about a person, read from the event log (every message, not only the shown path). */
export async function exportPersonalData(
  sources: ExportSources,
  userId: string,
  now: Date,
): Promise<PersonalDataExport> {
  let user = userDecider.initialState();
  for (const event of await sources.events.readStream(userStreamId(userId)))
    user = userDecider.evolve(user, event as UserEvent);
  const conversations: ExportedConversation[] = [];
  for (const { agentId, agentName } of await sources.conversationsOf(userId))
    conversations.push(
      await exportConversation(sources.events, userId, user.profile.displayName, agentId, agentName),
    );
  const { profile } = user;
  return {
    format: "withme-personal-data/1",
    exportedAt: now.toISOString(),
    profile: { userId, subject: user.subject, displayName: profile.displayName, role: user.role },
    settings: {
      timezone: profile.timezone,
      quietHours: profile.quietHours,
      doNotDisturb: profile.doNotDisturb,
      notificationDevices: user.pushSubscriptions.length,
    },
    accountDeletionDueAt: user.deletionDueAt,
    conversations,
    imageUrls: await sources.imageUrlsOf(userId),
  };
}

async function exportConversation(
  events: EventLog,
  userId: string,
  userName: string,
  agentId: string,
  agentName: string,
): Promise<ExportedConversation> {
  const stored = await events.readStream(conversationStreamId(userId, agentId));
  let state = conversationDecider.initialState();
  let startedAt: string | null = null;
  const written: Omit<ExportedMessage, "parentId" | "onActivePath" | "hidden">[] = [];
  const memories: ExportedConversation["memories"] = [];
  const facts = new Map<string, ExportedFact>();
  for (const event of stored) {
    // Everything in a conversation's stream is the conversation's: its tree comes from folding it.
    state = conversationDecider.evolve(state, event as ConversationEvent);
    // The words exchanged and what the agent remembers of them.
    if (event.type === "ConversationStarted") startedAt = event.data.startedAt;
    else if (event.type === "UserMessageSent")
      written.push({
        id: event.data.messageId,
        from: "person",
        text: event.data.text,
        sentAt: event.data.sentAt,
      });
    else if (event.type === "AgentReplyCompleted")
      written.push({
        id: event.data.replyId,
        from: "agent",
        text: event.data.text,
        sentAt: event.data.completedAt,
      });
    else if (event.type === "AgentInitiatedMessage")
      written.push({
        id: event.data.messageId,
        from: "agent",
        text: event.data.text,
        sentAt: event.data.sentAt,
      });
    else if (event.type === "MemorySummarized")
      memories.push({ summary: event.data.summary, facts: [...event.data.facts] });
    else if (event.type === "MemoryFactRecorded")
      facts.set(event.data.factId, {
        id: event.data.factId,
        text: event.data.text,
        kind: event.data.kind,
        recordedAt: event.data.recordedAt,
        sourceMessageIds: [...event.data.sourceMessageIds],
      });
    else if (event.type === "MemoryFactCorrected") {
      const fact = facts.get(event.data.factId);
      if (fact) fact.text = event.data.text;
    } else if (event.type === "MemoryFactForgotten") facts.delete(event.data.factId);
  }
  const onPath = new Set(activePath(state));
  const messages = written.map((message): ExportedMessage => {
    const node = findMessage(state, message.id);
    return {
      ...message,
      parentId: node?.parentId ?? null,
      onActivePath: onPath.has(message.id),
      hidden: node?.hidden ?? false,
    };
  });
  const sillyTavernJsonl = chatJsonlOf(state, stored, {
    userName,
    characterName: agentName,
    metadata: { withme: { agentId } },
  });
  return { agentId, agentName, startedAt, messages, memories, facts: [...facts.values()], sillyTavernJsonl };
}
