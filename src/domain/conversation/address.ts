/** Every conversation command names its person and agent, and carries the time it is decided at. */
export interface ConversationAddress {
  userId: string;
  agentId: string;
  now: string;
}
