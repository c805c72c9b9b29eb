/**
 * Ephemeral messages between processes: reply tokens, typing, and "this changed" notices that
 * follow committed events. Nothing on the bus is durable; a subscriber that was away catches up
 * from the event store or the read models.
 */

/** A piece of a reply as it is written. */
export interface ReplyDelta {
  kind: "reply.delta";
  payload: { replyId: string; text: string; index: number };
}

/**
 * A reply whose pieces may have gone out will never be stored: its start was refused (the message
 * was edited, hidden or branched away from, or answered elsewhere) or could not be stored. A
 * subscriber drops what it showed of it; the message may be answered later under the same id.
 */
export interface ReplyAbandoned {
  kind: "reply.abandoned";
  payload: { replyId: string; inReplyTo: string; reason: string };
}

/** The agent started or stopped writing a reply. */
export interface AgentTyping {
  kind: "agent.typing";
  payload: { typing: boolean; replyId: string };
}

/** Where a read-model change came from: the event that made it. */
export interface ChangedBy {
  streamId: string;
  revision: number;
  position: string;
}

/** A message of the messages read model changed; the payload is the message as the API shows it. */
export interface MessageUpserted {
  kind: "message.upserted";
  payload: ChangedBy & { userId: string; agentId: string; conversationStreamId: string } & Record<
      string,
      unknown
    >;
}

/** An agent of the agents read model changed; the payload is the agent as the API shows it. */
export interface AgentUpdated {
  kind: "agent.updated";
  payload: ChangedBy & { id: string } & Record<string, unknown>;
}

/** A conversation of the conversations read model changed; the payload is its state as the API shows it. */
export interface ConversationStateChanged {
  kind: "conversation.state";
  payload: ChangedBy & { userId: string; agentId: string } & Record<string, unknown>;
}

/** An image job of the image_jobs read model changed; the payload is the job as the API shows it. */
export interface ImageJobUpdated {
  kind: "imagejob.updated";
  payload: ChangedBy & { id: string } & Record<string, unknown>;
}

/** How far a projection has read, live or while it is rebuilt, and how a rebuild ended. */
export interface ProjectionProgress {
  kind: "projection.progress";
  payload: {
    name: string;
    mode: "live" | "building" | "switched" | "checked" | "failed";
    generation?: number;
    checkpoint?: string;
    applied?: number;
    total?: number;
    eventsPerSecond?: number;
    switched?: boolean;
    error?: string;
  };
}

/** A new message in a conversation, told to the reply reactor straight from the API. */
export interface ReplyNudge {
  kind: "conversation.nudge";
  payload: {
    streamId: string;
    userId: string;
    agentId: string;
    /** The stored `UserMessageSent`, for the metadata of the reply's events. */
    causationId: string;
    correlationId: string;
    requestId: string | null;
    /** The conversation's revision with the message stored, when the sender knows it. */
    revision?: number;
  };
}

/**
 * A person was erased and their data key destroyed: every process forgets the key it may hold in
 * memory and ends the person's open connections at once, instead of when its cache expires.
 */
export interface PersonErasedNotice {
  kind: "person.erased";
  payload: { userId: string; erasedAt: string };
}

export type LiveMessage =
  | ReplyDelta
  | ReplyAbandoned
  | AgentTyping
  | MessageUpserted
  | AgentUpdated
  | ConversationStateChanged
  | ImageJobUpdated
  | ProjectionProgress
  | ReplyNudge
  | PersonErasedNotice;

/** Everything published on a conversation's topic. */
export type ConversationLive =
  | ReplyDelta
  | ReplyAbandoned
  | AgentTyping
  | MessageUpserted
  | ConversationStateChanged;

declare const carries: unique symbol;

/** A topic name, typed by the messages published on it. */
export type Topic<M extends LiveMessage> = string & { readonly [carries]: M };

/** A topic for the given messages; `topics` below names withme's own. */
export function topic<M extends LiveMessage>(name: string): Topic<M> {
  return name as Topic<M>;
}

/** The person's topics not named after them: their image jobs' (`imagejob:<id>`). */
export interface PersonTopics {
  imageJobIds?: readonly string[];
}

export interface LiveBus {
  readonly name: string;
  publish<M extends LiveMessage>(topic: Topic<M>, message: M): Promise<void>;
  /** Messages published on the topic from now on, until the signal aborts. */
  subscribe<M extends LiveMessage>(topic: Topic<M>, signal?: AbortSignal): AsyncIterable<M>;
  /** Resolves once the subscriptions made so far receive messages published anywhere. */
  whenSubscribed(): Promise<void>;
  /**
   * Deletes whatever the bus still keeps of messages on the person's topics and on the topics of
   * their image jobs (a bus that keeps nothing does nothing), so an erased person's reply text and
   * picture prompts do not outlive the erasure there.
   */
  forgetPerson(userId: string, also?: PersonTopics): Promise<void>;
  close(): Promise<void>;
}

export const topics = {
  conversation: (userId: string, agentId: string) =>
    topic<ConversationLive>(`${personTopicsPrefix(userId)}${agentId}`),
  projection: (name: string) => topic<ProjectionProgress>(`projection:${name}`),
  agent: (agentId: string) => topic<AgentUpdated>(`agent:${agentId}`),
  imageJob: (imageJobId: string) => topic<ImageJobUpdated>(`imagejob:${imageJobId}`),
  /** New messages for the reply reactor, for whichever process holds its lease. */
  replyNudges: () => topic<ReplyNudge>("reactor:reply"),
  /** People just erased, for every process. */
  erasures: () => topic<PersonErasedNotice>("people:erased"),
} as const;

/** How every topic of the person's own conversations begins. */
export function personTopicsPrefix(userId: string): string {
  return `conversation:${userId}:`;
}

/** What another process sent, if it has the shape of a live message (a kind and a payload). */
export function readLiveMessage(value: unknown): LiveMessage | null {
  if (typeof value !== "object" || value === null) return null;
  const { kind, payload } = value as { kind?: unknown; payload?: unknown };
  if (typeof kind !== "string" || typeof payload !== "object" || payload === null) return null;
  return value as LiveMessage;
}
