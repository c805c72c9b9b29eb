import { runThrough } from "../../domain/shared/decider.ts";
import { isJsonObject, type JsonObject } from "../../domain/shared/json.ts";
import { badFile, CARD_FILE_LIMITS, megabytes } from "./cardErrors.ts";
import { utf8 } from "./pngChunks.ts";
import { formatHumanizedDate, formatSendDate, parseSillyTavernDate } from "./sillyTavernDates.ts";
import { requireStorableJson } from "./storableJson.ts";

/**
 * SillyTavern chat files: JSON Lines, a header (`user_name`, `character_name`, `create_date`,
 * `chat_metadata`) and then one message a line (`name`, `is_user`, `send_date`, `mes`, `swipes`,
 * `swipe_id`). Read for import, written for chat export and "export my data".
 */

export interface ChatMessageLine {
  name: string;
  isUser: boolean;
  /** SillyTavern's narrator and system notes. */
  isSystem: boolean;
  /** ISO instant, or null when the file's date could not be read. */
  sentAt: string | null;
  /** The date as the file wrote it. */
  sentAtText: string;
  /** The chosen text (`mes`). */
  text: string;
  /** Every alternative, the chosen one included; one item when there were no swipes. */
  swipes: string[];
  /** Which swipe `text` is. */
  swipeIndex: number;
  /** Everything else on the line (`extra`, `swipe_info`, …), kept for writing back. */
  otherFields: JsonObject;
}

export interface ChatTranscript {
  /** Whether the file began with a header line; when not, the names and metadata are defaults. */
  hasHeader?: boolean;
  userName: string;
  characterName: string;
  createdAt: string | null;
  metadata: JsonObject;
  messages: ChatMessageLine[];
}

const MESSAGE_KEYS = new Set(["name", "is_user", "is_system", "send_date", "mes", "swipes", "swipe_id"]);

export function readChatJsonl(bytes: Uint8Array): ChatTranscript {
  return runThrough(readChatJsonlInSteps(bytes));
}

/** Lines of a chat file read between two pauses of `readChatJsonlInSteps`. */
const LINES_PER_STEP = 200;

/** `readChatJsonl`, pausing every few hundred lines: a file of 20 MB is seconds of parsing. */
export function* readChatJsonlInSteps(bytes: Uint8Array): Generator<void, ChatTranscript, void> {
  if (bytes.length > CARD_FILE_LIMITS.chatBytes)
    throw badFile("ChatTooLarge", `The chat file is ${megabytes(bytes.length)}; the limit is 20 MB.`);
  const lines = utf8(bytes, "The chat file is not UTF-8 text.")
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line.length > 0);
  if (lines.length === 0) throw badFile("ChatInvalid", "The chat file is empty.");
  if (lines.length - 1 > CARD_FILE_LIMITS.chatMessages)
    throw badFile("ChatTooLarge", `The chat has over ${CARD_FILE_LIMITS.chatMessages} messages.`);
  const objects: { value: JsonObject; number: number }[] = [];
  for (const { line, number } of lines) {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw badFile("ChatInvalid", `Line ${number} of the chat file is not JSON.`, { line: number });
    }
    if (!isJsonObject(value))
      throw badFile("ChatInvalid", `Line ${number} of the chat file is not a JSON object.`, { line: number });
    requireStorableJson(value, `chat file's line ${number}`);
    objects.push({ value, number });
    if (objects.length % LINES_PER_STEP === 0) yield;
  }
  const first = objects[0]!.value;
  const hasHeader = "user_name" in first || "character_name" in first || "chat_metadata" in first;
  if (!hasHeader && !("mes" in first))
    throw badFile("ChatInvalid", "The chat file has neither a SillyTavern header nor messages.");
  const header = hasHeader ? first : {};
  const body = hasHeader ? objects.slice(1) : objects;
  const messages: ChatMessageLine[] = [];
  for (const { value, number } of body) {
    messages.push(readMessage(value, number));
    if (messages.length % LINES_PER_STEP === 0) yield;
  }
  const texts = messages.reduce((sum, message) => sum + message.swipes.length, 0);
  if (texts > CARD_FILE_LIMITS.chatTexts)
    throw badFile(
      "ChatTooLarge",
      `The chat holds ${texts} texts counting its swipes; the limit is ${CARD_FILE_LIMITS.chatTexts}.`,
    );
  return {
    hasHeader,
    userName: text(header.user_name) || "User",
    characterName: text(header.character_name),
    createdAt: parseSillyTavernDate(header.create_date),
    metadata: isJsonObject(header.chat_metadata) ? header.chat_metadata : {},
    messages,
  };
}

function readMessage(line: JsonObject, number: number): ChatMessageLine {
  if (typeof line.mes !== "string")
    throw badFile("ChatInvalid", `Line ${number} of the chat file has no message text (mes).`, {
      line: number,
    });
  const swipes = Array.isArray(line.swipes)
    ? line.swipes.filter((s): s is string => typeof s === "string")
    : [];
  let swipeIndex = typeof line.swipe_id === "number" && Number.isInteger(line.swipe_id) ? line.swipe_id : -1;
  if (swipes.length === 0) swipes.push(line.mes);
  if (swipes[swipeIndex] !== line.mes) {
    swipeIndex = swipes.indexOf(line.mes);
    if (swipeIndex === -1) swipeIndex = swipes.push(line.mes) - 1;
  }
  const otherFields = Object.fromEntries(Object.entries(line).filter(([key]) => !MESSAGE_KEYS.has(key)));
  return {
    name: text(line.name) || (line.is_user === true ? "User" : "Character"),
    isUser: line.is_user === true,
    isSystem: line.is_system === true,
    sentAt: parseSillyTavernDate(line.send_date),
    sentAtText: typeof line.send_date === "number" ? String(line.send_date) : text(line.send_date),
    text: line.mes,
    swipes,
    swipeIndex,
    otherFields,
  };
}

/** The transcript as SillyTavern JSONL: the header line, then one line per message; dates as SillyTavern writes them. */
export function writeChatJsonl(chat: ChatTranscript): string {
  const header: JsonObject = {
    user_name: chat.userName,
    character_name: chat.characterName,
    create_date: chat.createdAt ? formatHumanizedDate(chat.createdAt) : "",
    chat_metadata: chat.metadata,
  };
  const lines = chat.messages.map((m) => {
    const line: JsonObject = {
      name: m.name,
      is_user: m.isUser,
      is_system: m.isSystem,
      send_date: m.sentAt ? formatSendDate(m.sentAt) : m.sentAtText,
      mes: m.text,
      ...m.otherFields,
    };
    if (m.swipes.length > 1) {
      line.swipes = [...m.swipes];
      line.swipe_id = m.swipeIndex;
    }
    return JSON.stringify(line);
  });
  return `${[JSON.stringify(header), ...lines].join("\n")}\n`;
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}
