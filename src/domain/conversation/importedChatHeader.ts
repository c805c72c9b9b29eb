import { DomainError } from "../shared/decider.ts";
import { isJsonObject } from "../shared/json.ts";
import type { ImportedChatHeader } from "./events.ts";
import { CHAT_METADATA_MAX_BYTES, IMPORTED_NAME_MAX } from "./limits.ts";

/**
 * An imported chat's header as the conversation keeps it: names cut to `IMPORTED_NAME_MAX`
 * characters; metadata larger than `CHAT_METADATA_MAX_BYTES`, or not a JSON object, refused.
 */
export function keptHeader(header: ImportedChatHeader): ImportedChatHeader {
  if (new TextEncoder().encode(header.chatMetadata).length > CHAT_METADATA_MAX_BYTES)
    throw new DomainError(
      "ChatMetadataTooLarge",
      "BAD_USER_INPUT",
      `The chat's metadata is over ${CHAT_METADATA_MAX_BYTES / 1024} KB.`,
    );
  if (!isJsonObject(parsed(header.chatMetadata)))
    throw new DomainError(
      "ChatMetadataInvalid",
      "BAD_USER_INPUT",
      "The chat's metadata is not a JSON object.",
    );
  return {
    userName: cut(header.userName, IMPORTED_NAME_MAX),
    characterName: cut(header.characterName, IMPORTED_NAME_MAX),
    chatMetadata: header.chatMetadata,
  };
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function cut(text: string, max: number): string {
  return Array.from(text).slice(0, max).join("");
}
