import { CHAT_METADATA_MAX_BYTES, type ImportedChatHeader } from "../../domain/conversation/events.ts";
import { isJsonObject, type JsonObject } from "../../domain/shared/json.ts";
import type { WithmeStoredEvent } from "../eventLog.ts";
import type { ChatTranscript } from "./chatJsonl.ts";

/**
 * A SillyTavern chat's header line (`user_name`, `character_name`, `chat_metadata`): kept with the
 * conversation when a chat is imported, written back when it is exported.
 */

/** The file's header as the conversation keeps it; metadata over the limit is left out, with a warning. */
export function importedHeaderOf(transcript: ChatTranscript): {
  header: ImportedChatHeader | null;
  headerWarnings: string[];
} {
  if (!transcript.hasHeader) return { header: null, headerWarnings: [] };
  const metadata = JSON.stringify(transcript.metadata);
  const bytes = new TextEncoder().encode(metadata).length;
  const fits = bytes <= CHAT_METADATA_MAX_BYTES;
  return {
    header: {
      userName: transcript.userName,
      characterName: transcript.characterName,
      chatMetadata: fits ? metadata : "{}",
    },
    headerWarnings: fits
      ? []
      : [
          `Left out the chat's metadata: it is ${Math.ceil(bytes / 1024)} KB, the limit is ${CHAT_METADATA_MAX_BYTES / 1024} KB.`,
        ],
  };
}

export interface ChatHeaderNames {
  userName: string;
  characterName: string;
  metadata?: JsonObject;
}

/**
 * The names and metadata to write: the imported file's when the conversation began with one
 * (with `fallback.metadata` added), else `fallback`'s.
 */
export function headerFor(
  stored: readonly WithmeStoredEvent[],
  fallback: ChatHeaderNames,
): Required<ChatHeaderNames> {
  const started = stored.find((event) => event.type === "ConversationStarted");
  const header = started?.type === "ConversationStarted" ? started.data.importedHeader : undefined;
  if (!header) return { ...fallback, metadata: fallback.metadata ?? {} };
  return {
    userName: header.userName,
    characterName: header.characterName,
    metadata: { ...metadataOf(header), ...fallback.metadata },
  };
}

/** The kept metadata as an object; `{}` once erased, or if it somehow does not read as one. */
function metadataOf(header: ImportedChatHeader): JsonObject {
  try {
    const value: unknown = JSON.parse(header.chatMetadata);
    return isJsonObject(value) ? value : {};
  } catch {
    return {};
  }
}
