import { describe, expect, it } from "vitest";
import { runningState } from "../../src/application/conversations/conversationUpdates.ts";
import type { WithmeStoredEvent } from "../../src/application/eventLog.ts";
import type { GraphQLContext } from "../../src/graphql/context.ts";
import { ConversationCursor } from "../../src/graphql/conversationCursor.ts";
import type { Wake } from "../../src/graphql/conversationWakes.ts";
import { eventually } from "../support/coreHarness.ts";

const stored = (revision: number, type: string, data: Record<string, unknown>) =>
  ({ type, data, revision }) as unknown as WithmeStoredEvent;
const sent = (revision: number) =>
  stored(revision, "UserMessageSent", {
    messageId: "m1",
    clientMessageId: "c-m1",
    text: "Hello",
    sentAt: "2026-01-01T10:00:00.000Z",
  });
const started = (revision: number) =>
  stored(revision, "AgentReplyStarted", {
    replyId: "r1",
    inReplyTo: "m1",
    attempt: 1,
    startedAt: "2026-01-01T10:00:01.000Z",
  });
const affinity = (revision: number) =>
  stored(revision, "AffinityChanged", { value: 2, delta: 2, reason: "kind" });
const completed = (revision: number) =>
  stored(revision, "AgentReplyCompleted", {
    replyId: "r1",
    inReplyTo: "m1",
    text: "Hi there.",
    completedAt: "2026-01-01T10:00:02.000Z",
  });

/** A cursor over a stream that holds `stream`; reads are counted. */
function cursorOver(stream: WithmeStoredEvent[]) {
  const reads: number[] = [];
  const wakes: Wake[] = [];
  const context = {
    services: {
      events: {},
      snapshots: {
        readStream: async (_deps: unknown, _streamId: string, fromRevision: number) => {
          reads.push(fromRevision);
          return stream.filter((e) => e.revision >= fromRevision);
        },
      },
    },
  } as unknown as GraphQLContext;
  const cursor = new ConversationCursor(
    context,
    "conversation-u-a",
    runningState({ mood: "calm", intensity: 0.3 }),
    (wake) => wakes.push(wake),
    new AbortController().signal,
  );
  cursor.startAt(-1, runningState({ mood: "calm", intensity: 0.3 }));
  return { cursor, reads, wakes };
}

describe("a conversation cursor handed the same revisions twice", () => {
  it("passes each stored event on once and in order, whichever copy comes first", () => {
    const { cursor, reads } = cursorOver([]);
    // Handed over by the append, then the copies the global order brings.
    expect(cursor.fed([sent(0), started(1)]).map((u) => u.kind)).toEqual(["messageAdded", "replyStarted"]);
    expect(cursor.fed([sent(0), started(1)])).toEqual([]);
    expect(cursor.fed([started(1), affinity(2)]).map((u) => u.kind)).toEqual(["stateChanged"]);
    expect(reads).toEqual([]);
    expect(cursor.seen).toBe(2);
  });

  it("reads the stream over a gap another process's append leaves, and passes the late copies over", async () => {
    const stream = [sent(0), started(1), affinity(2), completed(3)];
    const { cursor, reads, wakes } = cursorOver(stream);
    expect(cursor.fed([sent(0), started(1)])).toHaveLength(2);
    // Revision 3 handed over before 2, which another process stored, is seen here.
    expect(cursor.fed([completed(3)])).toEqual([]);
    await eventually(async () => wakes.length === 1);
    expect(reads).toEqual([2]);
    const wake = wakes[0]!;
    expect(wake.type === "updates" && wake.updates.map((u) => u.kind)).toEqual([
      "stateChanged",
      "replyCompleted",
    ]);
    cursor.taken();
    expect(cursor.fed([affinity(2), completed(3)])).toEqual([]);
    expect(reads).toEqual([2]);
  });
});
