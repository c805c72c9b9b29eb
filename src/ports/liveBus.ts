/**
 * Ephemeral messages between processes: reply tokens, typing, and "this changed" notices that
 * follow committed events. Nothing on the bus is durable; a subscriber that was away catches up
 * from the event store or the read models.
 */
export interface LiveMessage {
  /** What kind of notice this is, e.g. `reply.delta`, `event.committed`, `projection.progress`. */
  kind: string;
  payload: Record<string, unknown>;
}

export interface LiveBus {
  readonly name: string;
  publish(topic: string, message: LiveMessage): Promise<void>;
  /** Messages published on the topic from now on, until the signal aborts. */
  subscribe(topic: string, signal?: AbortSignal): AsyncIterable<LiveMessage>;
  /** Resolves once the subscriptions made so far receive messages published anywhere. */
  whenSubscribed(): Promise<void>;
  close(): Promise<void>;
}

export const topics = {
  conversation: (userId: string, agentId: string) => `conversation:${userId}:${agentId}`,
  imageJob: (imageJobId: string) => `imagejob:${imageJobId}`,
  projection: (name: string) => `projection:${name}`,
  user: (userId: string) => `user:${userId}`,
  agent: (agentId: string) => `agent:${agentId}`,
  /** Work for the reactor of that name, from whichever process holds its lease. */
  reactor: (name: string) => `reactor:${name}`,
} as const;
