/**
 * Stream ids of the five aggregates: `user-<id>`, `agent-<id>`, `conversation-<userId>-<agentId>`,
 * `imagejob-<id>`, `lorebook-<id>`.
 */

export function userStreamId(userId: string): string {
  return `user-${userId}`;
}

export function agentStreamId(agentId: string): string {
  return `agent-${agentId}`;
}

/** One person × one agent. */
export function conversationStreamId(userId: string, agentId: string): string {
  return `conversation-${userId}-${agentId}`;
}

/**
 * The start every stream id of a person's conversations shares. User ids are of one length
 * (UUIDs), so no other person's conversations share it.
 */
export function conversationStreamPrefix(userId: string): string {
  return `conversation-${userId}-`;
}

/** The agent of a conversation stream that starts with `conversationStreamPrefix(userId)`. */
export function agentIdOfConversationStream(userId: string, streamId: string): string {
  return streamId.slice(conversationStreamPrefix(userId).length);
}

/** Picks the streams that hold a person's own data: their user stream and their conversations. */
export function isStreamOfPerson(userId: string): (streamId: string) => boolean {
  const user = userStreamId(userId);
  const conversations = conversationStreamPrefix(userId);
  return (streamId) => streamId === user || streamId.startsWith(conversations);
}

export function imageJobStreamId(imageJobId: string): string {
  return `imagejob-${imageJobId}`;
}

export function lorebookStreamId(lorebookId: string): string {
  return `lorebook-${lorebookId}`;
}

export type StreamCategory = "user" | "agent" | "conversation" | "imagejob" | "lorebook";

/** The aggregate a stream belongs to, from its prefix; null for streams withme does not own. */
export function streamCategory(streamId: string): StreamCategory | null {
  const prefix = streamId.slice(0, streamId.indexOf("-"));
  return prefix === "user" ||
    prefix === "agent" ||
    prefix === "conversation" ||
    prefix === "imagejob" ||
    prefix === "lorebook"
    ? prefix
    : null;
}
