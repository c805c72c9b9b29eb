import { createHash } from "node:crypto";
import { agentDecider } from "../../domain/agent/decider.ts";
import { chatImportDecider } from "../../domain/conversation/chatImport.ts";
import {
  type ConversationState,
  conversationDecider,
  siblingsOf,
} from "../../domain/conversation/decider.ts";
import { DomainError } from "../../domain/shared/decider.ts";
import type { JsonObject } from "../../domain/shared/json.ts";
import { agentStreamId, conversationStreamId, userStreamId } from "../../domain/streamIds.ts";
import { userDecider } from "../../domain/user/decider.ts";
import type { CommandHandler } from "../commandHandler.ts";
import { messageTexts, pathMessages } from "../conversations/pathMessages.ts";
import { requireActiveAgent } from "../conversations/sendMessage.ts";
import type { EventLog, WithmeStoredEvent } from "../eventLog.ts";
import { uuidv5 } from "../nameUuid.ts";
import { mapInSlices, runInSlices } from "../snapshots/steppedWork.ts";
import { requireActivePerson } from "../users/activePerson.ts";
import { commandContext, type RequestMeta } from "../users/requestMeta.ts";
import { otherCharacterWarning } from "./chatCharacter.ts";
import { headerFor, importedHeaderOf } from "./chatHeader.ts";
import { chatImportChanges } from "./chatImportChanges.ts";
import { type ChatMessageLine, readChatJsonlInSteps, writeChatJsonl } from "./chatJsonl.ts";

export interface ChatTransferDeps {
  commands: CommandHandler;
  events: EventLog;
}

/**
 * A SillyTavern JSONL chat into the person's (empty) conversation with the agent: the chosen
 * messages as the path, other swipes as sibling replies, each at its original time. Importing the
 * same file again (a retry) writes nothing and answers as the first import did.
 */
export async function importChatFile(
  deps: ChatTransferDeps,
  input: { userId: string; agentId: string; bytes: Uint8Array },
  meta: RequestMeta,
): Promise<{ messages: number; warnings: string[] }> {
  await requireActiveAgent(deps.commands, input.agentId);
  await requireActivePerson(deps.commands, input.userId);
  // A file of tens of thousands of lines is read with pauses, so other requests are answered meanwhile.
  const transcript = await runInSlices(readChatJsonlInSteps(input.bytes));
  const { state: agent } = await deps.commands.load(agentDecider, agentStreamId(input.agentId));
  const kept = transcript.messages.filter((m) => !m.isSystem || isHiddenLine(m, transcript.characterName));
  const system = transcript.messages.length - kept.length;
  const blank = kept.filter((m) => m.text.trim() === "").length;
  const undated = kept.filter((m) => m.text.trim() !== "" && m.sentAt === null && m.sentAtText.trim() !== "");
  const warnings = [
    ...otherCharacterWarning(transcript, agent.profile?.name ?? ""),
    ...(system > 0 ? [`Skipped ${plural(system, "system or narrator message")}.`] : []),
    ...(blank > 0 ? [`Skipped ${plural(blank, "blank message")}.`] : []),
    ...(undated.length > 0
      ? [
          `Could not read the time (send_date) of ${plural(undated.length, "message")}, such as "${undated[0]!.sentAtText.slice(0, 60)}"; dated as the message before, or the import for the first.`,
        ]
      : []),
  ];
  const lines = kept
    .filter((m) => m.text.trim() !== "")
    .map((m) => ({
      author: m.isUser ? ("person" as const) : ("agent" as const),
      text: m.text,
      alternatives: m.swipes,
      chosen: m.swipeIndex,
      sentAt: m.sentAt,
      hidden: m.isSystem,
    }));
  const changes = chatImportChanges(lines);
  warnings.push(...changes.warnings);
  const { header, headerWarnings } = importedHeaderOf(transcript);
  warnings.push(...headerWarnings);
  const idPrefix = importIdPrefix(input);
  await deps.commands.handle(
    chatImportDecider,
    conversationStreamId(input.userId, input.agentId),
    {
      type: "ImportChat",
      userId: input.userId,
      agentId: input.agentId,
      lines,
      idPrefix,
      startedAt: transcript.createdAt,
      ...(header ? { header } : {}),
      now: meta.now.toISOString(),
    },
    commandContext(meta, `import-chat:${idPrefix}`),
  );
  return { messages: changes.messages, warnings };
}

/**
 * SillyTavern marks a hidden message as a system message that keeps its author; its own system and
 * narrator notes carry a type in `extra` or another name.
 */
function isHiddenLine(m: ChatMessageLine, characterName: string): boolean {
  const extra = m.otherFields.extra;
  if (extra && typeof extra === "object" && !Array.isArray(extra) && "type" in extra) return false;
  return m.isUser || (characterName !== "" && m.name === characterName);
}

const CHAT_IMPORT_NAMESPACE = "5f1e7c2a-93b4-4d6e-8a0f-2c4b6d8e0a13";

/** The same for the same person, agent and file content, so the ids of a retried import match. */
function importIdPrefix(input: { userId: string; agentId: string; bytes: Uint8Array }): string {
  const file = createHash("sha256").update(input.bytes).digest("hex");
  return uuidv5(`${input.userId}:${input.agentId}:${file}`, CHAT_IMPORT_NAMESPACE);
}

function plural(count: number, what: string): string {
  return `${count} ${what}${count === 1 ? "" : "s"}`;
}

/** The conversation's active path as SillyTavern JSONL; a reply's siblings travel as its swipes. */
export async function exportChat(
  deps: ChatTransferDeps,
  input: { userId: string; agentId: string },
): Promise<string> {
  const streamId = conversationStreamId(input.userId, input.agentId);
  const [{ state }, { state: agent }, { state: person }, stored] = await Promise.all([
    deps.commands.load(conversationDecider, streamId),
    deps.commands.load(agentDecider, agentStreamId(input.agentId)),
    deps.commands.load(userDecider, userStreamId(input.userId)),
    deps.events.readStream(streamId),
  ]);
  if (!agent.profile)
    throw new DomainError("AgentNotFound", "NOT_FOUND", "No such agent; pick one from the list.");
  return chatJsonlOf(state, stored, {
    userName: person.profile.displayName || "You",
    characterName: agent.profile.name,
  });
}

/**
 * The active path of a conversation, from its state and its stored events, as SillyTavern JSONL.
 * A chat that came from a file goes back out with the file's names and `chat_metadata`; `names`
 * are for one that did not, and `names.metadata` is added to the file's.
 */
export async function chatJsonlOf(
  state: ConversationState,
  stored: readonly WithmeStoredEvent[],
  names: { userName: string; characterName: string; metadata?: JsonObject },
): Promise<string> {
  const texts = messageTexts(
    stored.flatMap((e) =>
      e.type === "UserMessageSent" ||
      e.type === "AgentInitiatedMessage" ||
      e.type === "AgentReplyStarted" ||
      e.type === "AgentReplyCompleted"
        ? [e]
        : [],
    ),
  );
  const { userName, characterName, metadata } = headerFor(stored, names);
  // A path of tens of thousands of messages is written out with pauses for other work.
  const messages: ChatMessageLine[] = await mapInSlices(
    pathMessages(state, texts).filter((m) => m.text !== null),
    (m) => {
      // A reply's siblings, or the greetings beside the first message, travel as its swipes.
      const greeting = m.kind === "initiated" && m.parentId === null;
      const found = m.kind === "reply" || greeting ? siblingsOf(state, m.messageId) : null;
      const siblings = (found?.ids ?? [m.messageId]).filter(
        (id) => texts.get(id)?.text != null && state.tree.nodes.get(id)?.kind === m.kind,
      );
      const swipes = siblings.map((id) => texts.get(id)!.text!);
      return {
        name: m.author === "user" ? userName : characterName,
        isUser: m.author === "user",
        // SillyTavern hides a message from the prompt by marking it a system message.
        isSystem: m.hidden,
        sentAt: m.at || null,
        sentAtText: m.at,
        text: m.text!,
        swipes: swipes.length > 0 ? swipes : [m.text!],
        swipeIndex: Math.max(0, siblings.indexOf(m.messageId)),
        otherFields: {},
      };
    },
  );
  return writeChatJsonl({
    userName,
    characterName,
    createdAt: state.started ? state.startedAt : null,
    metadata,
    messages,
  });
}
