import { describe, expect, it } from "vitest";
import {
  conversationUpdate,
  runningState,
} from "../../../src/application/conversations/conversationUpdates.ts";

const at = "2026-05-01T10:00:00.000Z";
const baseline = { mood: "calm", intensity: 0.5 } as const;

describe("changes of the conversation's tree, to a watching client", () => {
  it("places messages in the tree, following the leaf when an old event names no parent", () => {
    const running = runningState(baseline);
    const first = conversationUpdate(
      { type: "UserMessageSent", data: { messageId: "m1", clientMessageId: "c1", text: "hi", sentAt: at } },
      1,
      running,
    );
    expect(first).toMatchObject({ message: { parentId: null } });
    conversationUpdate(
      { type: "AgentReplyStarted", data: { replyId: "r1", inReplyTo: "m1", attempt: 1, startedAt: at } },
      2,
      running,
    );
    const edit = conversationUpdate(
      {
        type: "UserMessageSent",
        data: {
          messageId: "m2",
          clientMessageId: "c2",
          text: "hey",
          sentAt: at,
          parentId: null,
          edits: "m1",
        },
      },
      4,
      running,
    );
    expect(edit).toMatchObject({ message: { messageId: "m2", parentId: null } });
    const next = conversationUpdate(
      { type: "UserMessageSent", data: { messageId: "m3", clientMessageId: "c3", text: "so?", sentAt: at } },
      5,
      running,
    );
    expect(next).toMatchObject({ message: { parentId: "m2" } });
  });

  it("announces a path change with that path's mood and affinity, and carries them on", () => {
    const running = runningState(baseline);
    const changed = conversationUpdate(
      {
        type: "ActivePathChanged",
        data: {
          leafId: "r1",
          previousLeafId: "r2",
          via: "sibling",
          messageId: "r1",
          clientRequestId: "q1",
          mood: { mood: "joyful", intensity: 0.8 },
          affinity: 7,
          changedAt: at,
        },
      },
      9,
      running,
    );
    expect(changed).toEqual({
      kind: "pathChanged",
      revision: 9,
      leafId: "r1",
      previousLeafId: "r2",
      via: "sibling",
      messageId: "r1",
      mood: { mood: "joyful", intensity: 0.8 },
      affinity: 7,
    });
    const back = conversationUpdate(
      {
        type: "ActivePathChanged",
        data: {
          leafId: null,
          previousLeafId: "r1",
          via: "edit",
          messageId: "m1",
          clientRequestId: "q2",
          mood: null,
          affinity: 0,
          changedAt: at,
        },
      },
      10,
      running,
    );
    expect(back).toMatchObject({ leafId: null, mood: baseline, affinity: 0 });
    expect(running).toMatchObject({ leafId: null, mood: baseline, affinity: 0 });
  });

  it("announces hiding and showing a message", () => {
    const running = runningState(baseline);
    expect(
      conversationUpdate(
        { type: "MessageHidden", data: { messageId: "m1", clientRequestId: "q1", hiddenAt: at } },
        3,
        running,
      ),
    ).toEqual({ kind: "messageVisibilityChanged", revision: 3, messageId: "m1", hidden: true });
    expect(
      conversationUpdate(
        { type: "MessageUnhidden", data: { messageId: "m1", clientRequestId: "q2", unhiddenAt: at } },
        4,
        running,
      ),
    ).toEqual({ kind: "messageVisibilityChanged", revision: 4, messageId: "m1", hidden: false });
  });
});
