import type { RowStore } from "../runner/projection.ts";
import { type MessageStreamRow, type MessageTreeRow, messageStreams, messages, messageTree } from "./rows.ts";

/*
 * The conversation as a tree, beside the timeline: each message row knows whether it is on the
 * active path, so a page of the path is an index range. Changing the path rewrites only the rows
 * of the branches it leaves and enters.
 */

export type Place = Pick<MessageTreeRow, "parent_id" | "on_path" | "hidden">;

const node = (rows: RowStore, stream: string, id: string) =>
  messageTree.get(rows, { stream_id: stream, node_id: id });

/**
 * A new message under `parentId` (absent: the leaf, as version 1 events have it; an unknown parent
 * reads the same), which becomes the leaf. Returns what its message row says of its place.
 */
export async function attachMessage(
  rows: RowStore,
  stream: string,
  message: { id: string; parentId: string | null | undefined; seq: number },
): Promise<Place> {
  const owner = await messageStreams.get(rows, { stream_id: stream });
  if (!owner) return { parent_id: null, on_path: true, hidden: false };
  const named = message.parentId === undefined ? undefined : message.parentId;
  const parent = named ? await node(rows, stream, named) : undefined;
  const parentId = named === null ? null : parent ? parent.node_id : owner.leaf_id;
  const moves = parentId !== owner.leaf_id;
  if (moves) await movePath(rows, stream, owner.leaf_id, parentId);
  // The named parent read above is still its row unless moving the path rewrote it.
  const parentRow =
    parentId === null ? undefined : parent && !moves ? parent : await node(rows, stream, parentId);
  return placeMessage(rows, stream, message, owner, parentId, parentRow);
}

/**
 * `attachMessage` without a promise, when every row it reads is known and the path stays where it
 * is (nearly every message): undefined, having written nothing, when it has to be attached.
 */
export function attachMessageKnown(
  rows: RowStore,
  stream: string,
  message: { id: string; parentId: string | null | undefined; seq: number },
): Place | undefined {
  const owner = messageStreams.getKnown(rows, { stream_id: stream });
  if (owner === undefined) return undefined;
  if (owner === null) return { parent_id: null, on_path: true, hidden: false };
  const named = message.parentId === undefined ? undefined : message.parentId;
  const parent = named ? messageTree.getKnown(rows, { stream_id: stream, node_id: named }) : null;
  if (parent === undefined) return undefined;
  const parentId = named === null ? null : parent ? parent.node_id : owner.leaf_id;
  if (parentId !== owner.leaf_id) return undefined;
  const parentRow =
    parentId === null
      ? null
      : (parent ?? messageTree.getKnown(rows, { stream_id: stream, node_id: parentId }));
  if (parentRow === undefined) return undefined;
  return placeMessage(rows, stream, message, owner, parentId, parentRow ?? undefined);
}

function placeMessage(
  rows: RowStore,
  stream: string,
  message: { id: string; seq: number },
  owner: MessageStreamRow,
  parentId: string | null,
  parentRow: MessageTreeRow | undefined,
): Place {
  const siblings = parentRow ? parentRow.children : owner.roots;
  messageTree.put(rows, {
    stream_id: stream,
    node_id: message.id,
    parent_id: parentId,
    depth: parentRow ? parentRow.depth + 1 : 0,
    seq: message.seq,
    sibling_index: siblings.length,
    children: [],
    image_seqs: [],
    on_path: true,
    hidden: false,
  });
  if (parentRow) messageTree.put(rows, { ...parentRow, children: [...siblings, message.id] });
  messageStreams.put(rows, {
    ...owner,
    leaf_id: message.id,
    roots: parentRow ? owner.roots : [...owner.roots, message.id],
  });
  return { parent_id: parentId, on_path: true, hidden: false };
}

/** The path now ends at `leafId` (null: before the first message). */
export async function changePath(rows: RowStore, stream: string, leafId: string | null): Promise<void> {
  const owner = await messageStreams.get(rows, { stream_id: stream });
  if (!owner || owner.leaf_id === leafId) return;
  if (leafId !== null && !(await node(rows, stream, leafId))) return;
  await movePath(rows, stream, owner.leaf_id, leafId);
  messageStreams.put(rows, { ...owner, leaf_id: leafId });
}

/** Takes the rows off the branch being left and puts those of the branch entered on the path. */
async function movePath(
  rows: RowStore,
  stream: string,
  from: string | null,
  to: string | null,
): Promise<void> {
  let leaving = from === null ? undefined : await node(rows, stream, from);
  let entering = to === null ? undefined : await node(rows, stream, to);
  const up = (row: MessageTreeRow) =>
    row.parent_id === null ? undefined : node(rows, stream, row.parent_id);
  while (leaving || entering) {
    if (leaving && entering && leaving.node_id === entering.node_id) return;
    if (leaving && (!entering || leaving.depth >= entering.depth)) {
      await setOnPath(rows, leaving, false);
      leaving = await up(leaving);
    } else if (entering) {
      await setOnPath(rows, entering, true);
      entering = await up(entering);
    }
  }
}

async function setOnPath(rows: RowStore, row: MessageTreeRow, onPath: boolean): Promise<void> {
  if (row.on_path === onPath) return;
  messageTree.put(rows, { ...row, on_path: onPath });
  for (const seq of [row.seq, ...row.image_seqs])
    await messages.patch(rows, { stream_id: row.stream_id, seq }, { on_path: onPath });
}

export async function setHidden(
  rows: RowStore,
  stream: string,
  id: string,
  hidden: boolean,
): Promise<number | null> {
  const row = await node(rows, stream, id);
  if (!row) return null;
  messageTree.put(rows, { ...row, hidden });
  for (const seq of [row.seq, ...row.image_seqs])
    await messages.patch(rows, { stream_id: stream, seq }, { hidden });
  return row.seq;
}

/** A retry takes the failed attempt's place: same row, parent, siblings and children, under its own id. */
export async function renameMessage(
  rows: RowStore,
  stream: string,
  oldId: string,
  newId: string,
): Promise<void> {
  const row = await node(rows, stream, oldId);
  const owner = await messageStreams.get(rows, { stream_id: stream });
  if (!row || !owner) return;
  const rename = (id: string) => (id === oldId ? newId : id);
  messageTree.delete(rows, { stream_id: stream, node_id: oldId });
  messageTree.put(rows, { ...row, node_id: newId });
  const parent = row.parent_id === null ? undefined : await node(rows, stream, row.parent_id);
  if (parent) messageTree.put(rows, { ...parent, children: parent.children.map(rename) });
  for (const childId of row.children) {
    const child = await node(rows, stream, childId);
    if (!child) continue;
    messageTree.put(rows, { ...child, parent_id: newId });
    await messages.patch(rows, { stream_id: stream, seq: child.seq }, { parent_id: newId });
  }
  const renamed: MessageStreamRow = {
    ...owner,
    leaf_id: owner.leaf_id === oldId ? newId : owner.leaf_id,
    roots: parent ? owner.roots : owner.roots.map(rename),
  };
  messageStreams.put(rows, renamed);
}

/** An image or a note of a turn shows on the path with the message it belongs to (absent: the leaf). */
export async function attachToTurn(
  rows: RowStore,
  stream: string,
  causedBy: string | undefined,
  seq: number,
): Promise<Place> {
  const owner = causedBy === undefined ? await messageStreams.get(rows, { stream_id: stream }) : undefined;
  const id = causedBy ?? owner?.leaf_id ?? null;
  return markTurn(rows, id === null ? undefined : await node(rows, stream, id), seq);
}

/** `attachToTurn` without a promise: undefined, having written nothing, when a row has to be read. */
export function attachToTurnKnown(
  rows: RowStore,
  stream: string,
  causedBy: string | undefined,
  seq: number,
): Place | undefined {
  const owner = causedBy === undefined ? messageStreams.getKnown(rows, { stream_id: stream }) : null;
  if (owner === undefined) return undefined;
  const id = causedBy ?? owner?.leaf_id ?? null;
  const row = id === null ? null : messageTree.getKnown(rows, { stream_id: stream, node_id: id });
  if (row === undefined) return undefined;
  return markTurn(rows, row ?? undefined, seq);
}

function markTurn(rows: RowStore, row: MessageTreeRow | undefined, seq: number): Place {
  if (!row) return { parent_id: null, on_path: true, hidden: false };
  messageTree.put(rows, { ...row, image_seqs: [...row.image_seqs, seq] });
  return { parent_id: null, on_path: row.on_path, hidden: row.hidden };
}
