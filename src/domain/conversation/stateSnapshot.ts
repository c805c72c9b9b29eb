import { Map as ImmutableMap, List } from "immutable";
import type { RememberedFact } from "./rememberedFact.ts";
import type { ConversationState } from "./state.ts";
import type { MessageNode } from "./tree.ts";

/**
 * The version of the conversation state's shape and of the fold that produces it. Raise it with
 * any change to `ConversationState` or to what `evolve` makes of an event (an upcaster included):
 * a stored snapshot of another version is ignored, and the stream is folded from its start.
 */
export const CONVERSATION_STATE_VERSION = 1;

/** The state as plain JSON: persistent maps and lists become arrays. */
export interface ConversationStateJson
  extends Omit<ConversationState, "handledRequests" | "memoryFacts" | "tree"> {
  handledRequests: [string, string][];
  memoryFacts: [string, RememberedFact][];
  tree: { nodes: MessageNode[]; path: string[]; roots: readonly string[] };
}

export function conversationStateToJson(state: ConversationState): ConversationStateJson {
  return {
    ...state,
    handledRequests: [...state.handledRequests],
    memoryFacts: [...state.memoryFacts],
    tree: { nodes: [...state.tree.nodes.values()], path: state.tree.path.toArray(), roots: state.tree.roots },
  };
}

export function conversationStateFromJson(json: ConversationStateJson): ConversationState {
  return {
    ...json,
    handledRequests: ImmutableMap(json.handledRequests),
    memoryFacts: ImmutableMap(json.memoryFacts),
    tree: {
      nodes: ImmutableMap<string, MessageNode>().withMutations((nodes) => {
        for (const node of json.tree.nodes) nodes.set(node.id, node);
      }),
      path: List(json.tree.path),
      roots: json.tree.roots,
    },
  };
}
