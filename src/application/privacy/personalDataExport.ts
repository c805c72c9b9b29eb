import { conversationStreamId, userStreamId } from "../../domain/streamIds.ts";
import { userDecider } from "../../domain/user/decider.ts";
import type { UserEvent } from "../../domain/user/events.ts";
import { type ChatMessageLine, writeChatJsonl } from "../cards/chatJsonl.ts";
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
  /** The conversation as a SillyTavern chat file (JSON Lines). */
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
  let startedAt: string | null = null;
  const messages: ExportedMessage[] = [];
  const memories: ExportedConversation["memories"] = [];
  const facts = new Map<string, ExportedFact>();
  for (const event of await events.readStream(conversationStreamId(userId, agentId))) {
    // The words exchanged and what the agent remembers of them.
    if (event.type === "ConversationStarted") startedAt = event.data.startedAt;
    else if (event.type === "UserMessageSent")
      messages.push({
        id: event.data.messageId,
        from: "person",
        text: event.data.text,
        sentAt: event.data.sentAt,
      });
    else if (event.type === "AgentReplyCompleted")
      messages.push({
        id: event.data.replyId,
        from: "agent",
        text: event.data.text,
        sentAt: event.data.completedAt,
      });
    else if (event.type === "AgentInitiatedMessage")
      messages.push({
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
  const lines: ChatMessageLine[] = messages.map((message) => ({
    name: message.from === "person" ? userName : agentName,
    isUser: message.from === "person",
    isSystem: false,
    sentAt: message.sentAt,
    sentAtText: message.sentAt,
    text: message.text,
    swipes: [message.text],
    swipeIndex: 0,
    otherFields: {},
  }));
  const sillyTavernJsonl = writeChatJsonl({
    userName,
    characterName: agentName,
    createdAt: startedAt,
    metadata: { withme: { agentId } },
    messages: lines,
  });
  return { agentId, agentName, startedAt, messages, memories, facts: [...facts.values()], sillyTavernJsonl };
}
