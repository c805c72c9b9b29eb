import { Map as ImmutableMap, List } from "immutable";
import {
  type ConversationStateJson,
  NODES_PER_STEP,
  type NodeRow,
  type StateRow,
} from "./conversationStateJson.ts";
import type { PathState } from "./pathState.ts";
import { userMessagesByClientId } from "./recentUserMessages.ts";
import type { ConversationState } from "./state.ts";
import { pathStateAt } from "./summaryMarks.ts";
import type { MessageNode } from "./tree.ts";

/**
 * The version of the conversation state's shape, of its JSON form (conversationStateJson.ts), and of the fold that
 * produces it. Raise it with any change to `ConversationState` or to what `evolve` makes of an
 * event (an upcaster included): a stored snapshot of another version is ignored, and the stream
 * is folded from its start.
 */
export const CONVERSATION_STATE_VERSION = 4;

/** Path states rebuilt between two pauses of `conversationStateFromJsonInSteps`. */
const STATES_PER_STEP = 1_000;

export function conversationStateToJson(state: ConversationState): ConversationStateJson {
  const steps = conversationStateToJsonInSteps(state);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `conversationStateToJson` a few hundred messages per step, so that the caller can let other
 * work run in between: a long conversation's state takes tens of milliseconds to write out.
 */
export function* conversationStateToJsonInSteps(
  state: ConversationState,
): Generator<void, ConversationStateJson, void> {
  const ids = [...state.tree.nodes.keys()];
  const index = new Map(ids.map((id, i) => [id, i]));
  const at = (id: string | null) => (id === null ? -1 : index.get(id)!);
  const parts: unknown[] = [];
  const partIndex = new Map<unknown, number>();
  const part = (value: unknown) => {
    if (value === null) return -1;
    let i = partIndex.get(value);
    if (i === undefined) {
      i = parts.push(value) - 1;
      partIndex.set(value, i);
    }
    return i;
  };
  const states: StateRow[] = [];
  const stateIndex = new Map<PathState, number>();
  const stateOf = (s: PathState) => {
    let i = stateIndex.get(s);
    if (i === undefined) {
      const row: StateRow = [
        part(s.mood),
        s.affinity,
        s.affinityThisTurn,
        part(s.unanswered),
        part(s.imageRequests),
        s.memory.lastCoveredRevision,
        s.memory.unsummarizedMessages,
      ];
      i = states.push(row) - 1;
      stateIndex.set(s, i);
    }
    return i;
  };
  const nodes: NodeRow[] = [];
  for (const id of ids) {
    if (nodes.length % NODES_PER_STEP === NODES_PER_STEP - 1) yield;
    const n = state.tree.nodes.get(id)!;
    const inReplyTo = n.inReplyTo === null ? null : (index.get(n.inReplyTo) ?? n.inReplyTo);
    const children = n.children.map((child) => at(child));
    const row = [n.parentId, n.kind, n.depth, n.revision, inReplyTo, n.status, n.hidden, children] as const;
    nodes.push([
      at(row[0]),
      row[1],
      row[2],
      row[3],
      row[4],
      row[5],
      row[6] ? 1 : 0,
      row[7],
      at(n.activeChildId),
      stateOf(pathStateAt(state.tree, n)),
    ]);
  }
  const { userMessagesByClientId: _, ...kept } = state;
  return {
    ...kept,
    handledRequests: [...state.handledRequests],
    memoryFacts: [...state.memoryFacts],
    tree: {
      ids,
      nodes,
      states,
      parts,
      path: state.tree.path.toArray().map(at),
      roots: state.tree.roots.map(at),
    },
  };
}

export function conversationStateFromJson(json: ConversationStateJson): ConversationState {
  const steps = conversationStateFromJsonInSteps(json);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** `conversationStateFromJson` a few hundred messages per step, as it is written out. */
export function* conversationStateFromJsonInSteps(
  json: ConversationStateJson,
): Generator<void, ConversationState, void> {
  const { ids, nodes, states, parts, path, roots } = json.tree;
  const id = (i: number) => (i === -1 ? null : ids[i]!);
  const pathStates: PathState[] = [];
  for (const row of states) {
    if (pathStates.length % STATES_PER_STEP === STATES_PER_STEP - 1) yield;
    const [mood, affinity, affinityThisTurn, unanswered, imageRequests, lastCovered, unsummarized] = row;
    pathStates.push({
      mood: mood === -1 ? null : parts[mood],
      affinity,
      affinityThisTurn,
      unanswered: parts[unanswered],
      imageRequests: parts[imageRequests],
      memory: { lastCoveredRevision: lastCovered, unsummarizedMessages: unsummarized },
    } as PathState);
  }
  const map = ImmutableMap<string, MessageNode>().asMutable();
  for (const [i, row] of nodes.entries()) {
    if (i % NODES_PER_STEP === NODES_PER_STEP - 1) yield;
    const [parent, kind, depth, revision, inReplyTo, status, hidden, children, activeChild, state] = row;
    map.set(ids[i]!, {
      id: ids[i]!,
      parentId: id(parent),
      kind,
      depth,
      revision,
      inReplyTo: typeof inReplyTo === "number" ? ids[inReplyTo]! : inReplyTo,
      status,
      hidden: hidden === 1,
      children: children.map((child) => ids[child]!),
      activeChildId: id(activeChild),
      state: pathStates[state]!,
      marksSeen: 0,
    });
  }
  const tree = map.asImmutable();
  return {
    ...json,
    userMessagesByClientId: userMessagesByClientId(json.recentUserMessages),
    handledRequests: ImmutableMap(json.handledRequests),
    memoryFacts: ImmutableMap(json.memoryFacts),
    tree: {
      nodes: tree,
      path: List(path.map((i) => ids[i]!)),
      roots: roots.map((i) => ids[i]!),
      summaryMarks: [],
      marksMade: 0,
    },
  };
}

/** The conversation state's stored form, versioned, as snapshots write and read it. */
export const conversationStateCodec = {
  version: CONVERSATION_STATE_VERSION,
  toJson: conversationStateToJson,
  toJsonInSteps: conversationStateToJsonInSteps,
  fromJson: conversationStateFromJson,
  fromJsonInSteps: conversationStateFromJsonInSteps,
};
