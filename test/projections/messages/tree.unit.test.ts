import { describe, expect, it } from "vitest";
import { attachMessage } from "../../../projections/messages/tree.ts";
import type { Row, RowStore } from "../../../projections/runner/projection.ts";

/** Rows by table and key columns, counting reads. */
function memoryRows(): RowStore & { reads: number; row(table: string, key: string): Row | undefined } {
  const tables = new Map<string, Map<string, Row>>();
  const keyOf = (table: string, row: Row) =>
    table === "message_streams" ? String(row.stream_id) : `${String(row.stream_id)}/${String(row.node_id)}`;
  const table = (name: string) => tables.get(name) ?? tables.set(name, new Map()).get(name)!;
  const store = {
    reads: 0,
    row: (name: string, key: string) => table(name).get(key),
    get: async (name: string, key: Row) => {
      store.reads++;
      return table(name).get(keyOf(name, key));
    },
    put: (name: string, row: Row) => void table(name).set(keyOf(name, row), row),
    edit: async () => undefined,
    patch: async () => false,
    delete: (name: string, key: Row) => void table(name).delete(keyOf(name, key)),
    deleteWhere: () => {},
  };
  return store;
}

describe("the message tree", () => {
  it("reads a message's named parent once when it is the leaf already", async () => {
    const rows = memoryRows();
    rows.put("message_streams", {
      stream_id: "c",
      user_id: "u",
      agent_id: "a",
      reply_id: null,
      reply_seq: null,
      failed_replies: [],
      leaf_id: null,
      roots: [],
    });
    await attachMessage(rows, "c", { id: "m1", parentId: null, seq: 1 });
    const before = rows.reads;
    const place = await attachMessage(rows, "c", { id: "m2", parentId: "m1", seq: 2 });
    // The stream's row and the parent's, each once.
    expect(rows.reads - before).toBe(2);
    expect(place).toEqual({ parent_id: "m1", on_path: true, hidden: false });
    expect(rows.row("message_tree", "c/m1")).toMatchObject({ children: ["m2"] });
    expect(rows.row("message_tree", "c/m2")).toMatchObject({ parent_id: "m1", depth: 1, sibling_index: 0 });
    expect(rows.row("message_streams", "c")).toMatchObject({ leaf_id: "m2", roots: ["m1"] });
  });
});
