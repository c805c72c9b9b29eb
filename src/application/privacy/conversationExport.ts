import { activePath, conversationDecider, findMessage } from "../../domain/conversation/decider.ts";
import type { ConversationEvent } from "../../domain/conversation/events.ts";
import { conversationStreamId, imageJobStreamId } from "../../domain/streamIds.ts";
import { chatJsonlOf } from "../cards/chatTransfer.ts";
import type { EventLog } from "../eventLog.ts";
import {
  splitWithdrawn,
  summaryFactsNow,
  type WithdrawnSummary,
  type WrittenSummary,
} from "./summaryFactsNow.ts";

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
  /** The person's own words the fact was drawn from (facts from before quotes were kept have none). */
  quote: string | null;
  kind: string;
  recordedAt: string;
  correctedAt: string | null;
  /** The wordings it was corrected from, oldest first: the log still holds them. */
  earlierTexts: string[];
  sourceMessageIds: string[];
}

/** A fact the person had the agent forget: recall never brings it back, but the log still holds it. */
export interface ExportedForgottenFact extends ExportedFact {
  forgottenAt: string;
}

/** How the agent's mood and its closeness to the person moved, and why, reply by reply. */
export interface ExportedFeeling {
  kind: "mood" | "affinity";
  /** The mood reached, or the affinity reached. */
  value: string | number;
  /** The affinity's change; null for a mood. */
  delta: number | null;
  reason: string;
  /** The reply that caused it. */
  causedBy: string | null;
}

/** A picture the agent agreed to send: the scene asked for and the prompt drawn from it. */
export interface ExportedPicture {
  imageJobId: string;
  scenePrompt: string;
  prompt: string | null;
  grantedAt: string;
}

export interface ExportedConversation {
  agentId: string;
  agentName: string;
  startedAt: string | null;
  messages: ExportedMessage[];
  /**
   * What the agent remembers from this conversation: each summary with the facts it listed as they
   * are remembered now (forgotten ones left out, corrected ones in their new words). A summary drawn
   * from a message whose fact was since forgotten or corrected is withdrawn and listed apart.
   */
  memories: { summary: string; facts: string[] }[];
  withdrawnMemories: WithdrawnSummary[];
  /** The facts remembered about the person, as they stand now (forgotten ones left out). */
  facts: ExportedFact[];
  forgottenFacts: ExportedForgottenFact[];
  feelings: ExportedFeeling[];
  pictures: ExportedPicture[];
  /** The active path as a SillyTavern chat file (JSON Lines), other replies as swipes; as `exportChat` gives it. */
  sillyTavernJsonl: string;
}

/** One conversation as the log holds it: every message (not only the shown path) and what came of it. */
export async function exportConversation(
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
  const summaries: WrittenSummary[] = [];
  const withdrawnAt = new Map<string, string>();
  const facts = new Map<string, ExportedFact>();
  const forgottenFacts: ExportedForgottenFact[] = [];
  const feelings: ExportedFeeling[] = [];
  const pictures: ExportedPicture[] = [];
  for (const event of stored) {
    // Everything in a conversation's stream is the conversation's: its tree comes from folding it.
    state = conversationDecider.evolve(state, event as ConversationEvent);
    const { type, data } = event as ConversationEvent;
    if (type === "ConversationStarted") startedAt = data.startedAt;
    else if (type === "UserMessageSent")
      written.push({ id: data.messageId, from: "person", text: data.text, sentAt: data.sentAt });
    else if (type === "AgentReplyCompleted")
      written.push({ id: data.replyId, from: "agent", text: data.text, sentAt: data.completedAt });
    else if (type === "AgentInitiatedMessage")
      written.push({ id: data.messageId, from: "agent", text: data.text, sentAt: data.sentAt });
    else if (type === "MemorySummarized")
      summaries.push({
        eventId: event.id,
        summaryId: data.summaryId,
        summary: data.summary,
        facts: data.facts,
      });
    else if (type === "MemorySummariesWithdrawn")
      for (const id of data.summaryIds) withdrawnAt.set(id, data.withdrawnAt);
    else if (type === "MemoryFactRecorded")
      facts.set(data.factId, {
        id: data.factId,
        text: data.text,
        quote: data.quote ?? null,
        kind: data.kind,
        recordedAt: data.recordedAt,
        correctedAt: null,
        earlierTexts: [],
        sourceMessageIds: [...data.sourceMessageIds],
      });
    else if (type === "MemoryFactCorrected") {
      const fact = facts.get(data.factId);
      if (fact) {
        fact.earlierTexts.push(fact.text);
        Object.assign(fact, { text: data.text, correctedAt: data.correctedAt });
      }
    } else if (type === "MemoryFactForgotten") {
      const fact = facts.get(data.factId);
      if (fact) forgottenFacts.push({ ...fact, forgottenAt: data.forgottenAt });
      facts.delete(data.factId);
    } else if (type === "MoodShifted")
      feelings.push({
        kind: "mood",
        value: data.mood,
        delta: null,
        reason: data.reason,
        causedBy: data.causedBy ?? null,
      });
    else if (type === "AffinityChanged")
      feelings.push({
        kind: "affinity",
        value: data.value,
        delta: data.delta,
        reason: data.reason,
        causedBy: data.causedBy ?? null,
      });
    else if (type === "ImageRequestGranted")
      pictures.push({
        imageJobId: data.imageJobId,
        scenePrompt: data.scenePrompt,
        prompt: await imagePrompt(events, data.imageJobId),
        grantedAt: data.grantedAt,
      });
  }
  const onPath = new Set(activePath(state));
  const remembered = splitWithdrawn(summaries, withdrawnAt);
  const messages = written.map((message): ExportedMessage => {
    const node = findMessage(state, message.id);
    return {
      ...message,
      parentId: node?.parentId ?? null,
      onActivePath: onPath.has(message.id),
      hidden: node?.hidden ?? false,
    };
  });
  const sillyTavernJsonl = await chatJsonlOf(state, stored, {
    userName,
    characterName: agentName,
    metadata: { withme: { agentId } },
  });
  return {
    agentId,
    agentName,
    startedAt,
    messages,
    memories: summaryFactsNow(remembered.kept, [
      ...forgottenFacts.map((fact) => ({ ...fact, forgotten: true })),
      ...[...facts.values()].map((fact) => ({ ...fact, forgotten: false })),
    ]),
    facts: [...facts.values()],
    forgottenFacts,
    withdrawnMemories: remembered.withdrawn,
    feelings,
    pictures,
    sillyTavernJsonl,
  };
}

/** The prompt a granted picture's job was drawn with (it quotes the person's request). */
async function imagePrompt(events: EventLog, imageJobId: string): Promise<string | null> {
  const [requested] = await events.readStream(imageJobStreamId(imageJobId), { maxCount: 1 });
  return requested?.type === "ImageJobRequested" ? requested.data.prompt : null;
}
