import { activePath, conversationDecider, findMessage } from "../../domain/conversation/decider.ts";
import type { ConversationEvent } from "../../domain/conversation/events.ts";
import { conversationStreamId, imageJobStreamId } from "../../domain/streamIds.ts";
import { chatJsonlOf } from "../cards/chatTransfer.ts";
import type { EventLog } from "../eventLog.ts";
import type {
  ExportedConversation,
  ExportedFact,
  ExportedFeeling,
  ExportedForgottenFact,
  ExportedMessage,
  ExportedPicture,
} from "./exportedConversation.ts";
import { splitWithdrawn, summaryFactsNow, type WrittenSummary } from "./summaryFactsNow.ts";

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
