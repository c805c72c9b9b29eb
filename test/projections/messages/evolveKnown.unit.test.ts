import { describe, expect, it } from "vitest";
import { messagesProjection } from "../../../projections/messages/projection.ts";
import { BatchRowStore } from "../../../projections/runner/batchRowStore.ts";
import type { ProjectedEvent } from "../../../projections/runner/projection.ts";

const plans = messagesProjection.tables.map((definition) => ({
  definition,
  columns: [],
  jsonColumns: new Set<string>(),
}));

let revision = 0;
const event = (type: string, data: Record<string, unknown>): ProjectedEvent => {
  revision++;
  return {
    id: `e${revision}`,
    type,
    data,
    streamId: "conversation-c",
    revision,
    position: String(revision),
    occurredAt: "2025-01-06T08:00:00.000Z",
  };
};

describe("the messages projection in a fresh build", () => {
  it("evolves a conversation's turns without a promise, as the rows are all known", () => {
    const rows = new BatchRowStore("s", plans, { startsEmpty: true });
    const at = "2025-01-06T08:00:00.000Z";
    const turn = [
      event("ConversationStarted", { userId: "u", agentId: "a" }),
      event("UserMessageSent", { messageId: "m1", clientMessageId: "k1", text: "hi", sentAt: at }),
      event("AgentReplyStarted", { replyId: "r1", inReplyTo: "m1", attempt: 1, startedAt: at }),
      event("AgentReplyCompleted", { replyId: "r1", text: "hello", completedAt: at }),
    ];
    for (const e of turn) expect(messagesProjection.evolve(e, rows)).toBeUndefined();
    rows.seal();
    const written = rows.sealedWrites().tables.find((t) => t.plan.definition.name === "messages")!;
    expect(written.added).toMatchObject([
      { seq: 2, message_id: "m1", status: "sent", parent_id: null, on_path: true },
      { seq: 3, message_id: "r1", status: "completed", text: "hello", parent_id: "m1", on_path: true },
    ]);
  });
});
