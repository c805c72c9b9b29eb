import type { ActivePathChanged, MessageHidden, MessageUnhidden } from "../../domain/conversation/events.ts";
import { assertNever } from "../../domain/shared/decider.ts";
import type { MoodState } from "../../domain/shared/mood.ts";

/** What a change of the conversation's tree means to a client watching it. */
export type TreeUpdate =
  | {
      kind: "pathChanged";
      revision: number;
      /** The end of the active path now (null: before the first message). */
      leafId: string | null;
      previousLeafId: string | null;
      via: ActivePathChanged["data"]["via"];
      messageId: string;
      /** The mood and affinity of the path now shown. */
      mood: MoodState;
      affinity: number;
    }
  | { kind: "messageVisibilityChanged"; revision: number; messageId: string; hidden: boolean };

/** The part of a conversation's running state a change of path moves. */
interface PathRunning {
  mood: MoodState;
  affinity: number;
  leafId?: string | null;
  baseline?: MoodState;
}

type TreeEvent =
  | { type: "ActivePathChanged"; data: ActivePathChanged["data"] }
  | { type: "MessageHidden"; data: MessageHidden["data"] }
  | { type: "MessageUnhidden"; data: MessageUnhidden["data"] };

/**
 * A new message follows the active leaf and becomes it; returns its parent (the one it names, or
 * for an event from before the tree, the leaf it followed).
 */
export function followLeaf(
  running: PathRunning,
  messageId: string,
  parentId: string | null | undefined,
): string | null {
  const parent = parentId === undefined ? (running.leafId ?? null) : parentId;
  running.leafId = messageId;
  return parent;
}

export function treeUpdate(event: TreeEvent, revision: number, running: PathRunning): TreeUpdate {
  switch (event.type) {
    case "ActivePathChanged": {
      const { leafId, previousLeafId, via, messageId, affinity } = event.data;
      running.leafId = leafId;
      running.affinity = affinity;
      running.mood = event.data.mood ? { ...event.data.mood } : { ...(running.baseline ?? running.mood) };
      return {
        kind: "pathChanged",
        revision,
        leafId,
        previousLeafId,
        via,
        messageId,
        mood: { ...running.mood },
        affinity,
      };
    }
    case "MessageHidden":
      return { kind: "messageVisibilityChanged", revision, messageId: event.data.messageId, hidden: true };
    case "MessageUnhidden":
      return { kind: "messageVisibilityChanged", revision, messageId: event.data.messageId, hidden: false };
    default:
      return assertNever(event);
  }
}
