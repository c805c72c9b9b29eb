import type { RememberedFact } from "./rememberedFact.ts";
import type { ConversationState } from "./state.ts";
import type { MessageKind, MessageStatus } from "./tree.ts";

/**
 * A message as a row: other messages by their index in `ids` (-1 for none), its path state by
 * index in `states`. A reply's `inReplyTo` is an index, or the id itself when it is not a message.
 */
export type NodeRow = [
  parent: number,
  kind: MessageKind,
  depth: number,
  revision: number,
  inReplyTo: number | string | null,
  status: MessageStatus,
  hidden: 0 | 1,
  children: number[],
  activeChild: number,
  state: number,
];

/** A path state as a row: its parts that messages share (mood, owed replies, pictures) by index in `parts`. */
export type StateRow = [
  mood: number,
  affinity: number,
  affinityThisTurn: number,
  unanswered: number,
  imageRequests: number,
  lastCoveredRevision: number | null,
  unsummarizedMessages: number,
];

/**
 * The state as compact JSON. Every message keeps the path state after it, so a long conversation
 * holds thousands: rows instead of keyed objects, messages by index instead of by id, and the
 * parts that consecutive messages share stored once keep a snapshot a few bytes per message.
 */
export interface ConversationStateJson
  extends Omit<ConversationState, "handledRequests" | "memoryFacts" | "tree" | "userMessagesByClientId"> {
  handledRequests: [string, string][];
  memoryFacts: [string, RememberedFact][];
  tree: {
    ids: string[];
    nodes: NodeRow[];
    states: StateRow[];
    parts: unknown[];
    path: number[];
    roots: number[];
  };
}

/** Messages turned into rows between two pauses of `conversationStateToJsonInSteps`. */
export const NODES_PER_STEP = 100;
