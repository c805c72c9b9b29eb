/** Stream ids of the four aggregates: `user-<id>`, `agent-<id>`, `conversation-<userId>-<agentId>`, `imagejob-<id>`. */

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

export function imageJobStreamId(imageJobId: string): string {
  return `imagejob-${imageJobId}`;
}

export type StreamCategory = "user" | "agent" | "conversation" | "imagejob";

/** The aggregate a stream belongs to, from its prefix; null for streams withme does not own. */
export function streamCategory(streamId: string): StreamCategory | null {
  const prefix = streamId.slice(0, streamId.indexOf("-"));
  return prefix === "user" || prefix === "agent" || prefix === "conversation" || prefix === "imagejob"
    ? prefix
    : null;
}
