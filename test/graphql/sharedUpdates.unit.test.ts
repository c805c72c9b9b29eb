import { describe, expect, it } from "vitest";
import {
  type ConversationUpdate,
  conversationUpdate,
  runningState,
} from "../../src/application/conversations/conversationUpdates.ts";
import type { ConversationEvent } from "../../src/domain/conversation/events.ts";
import { sharedUpdate } from "../../src/graphql/sharedUpdates.ts";

const baseline = { mood: "calm", intensity: 0.3 } as const;

const sent = {
  type: "UserMessageSent",
  data: {
    messageId: "m1",
    clientMessageId: "c1",
    text: "Hello",
    sentAt: "2026-01-01T10:00:00.000Z",
    parentId: null,
  },
} as unknown as ConversationEvent;

describe("one update object per stored event for every watcher", () => {
  it("hands watchers that fold the same stream the very same object", () => {
    const event = { ...sent };
    const first = sharedUpdate(event, conversationUpdate(event, 0, runningState(baseline))!);
    const second = sharedUpdate(event, conversationUpdate(event, 0, runningState(baseline))!);
    expect(second).toBe(first);
  });

  it("keeps an update that differs its own, and does not share across events", () => {
    const event = { ...sent };
    const first = sharedUpdate(event, conversationUpdate(event, 0, runningState(baseline))!);
    const other: ConversationUpdate = { ...first, revision: 7 } as ConversationUpdate;
    expect(sharedUpdate(event, other)).toBe(other);
    const elsewhere = { ...sent };
    const alike = conversationUpdate(elsewhere, 0, runningState(baseline))!;
    expect(sharedUpdate(elsewhere, alike)).toBe(alike);
    expect(alike).not.toBe(first);
  });

  it("tells apart updates whose nested values or dates differ", () => {
    const event = {};
    const mood = (intensity: number) =>
      ({
        kind: "stateChanged",
        revision: 3,
        mood: { mood: "calm", intensity },
        affinity: 1,
        affinityDelta: null,
        reason: "r",
      }) as ConversationUpdate;
    const first = sharedUpdate(event, mood(0.5));
    expect(sharedUpdate(event, mood(0.5))).toBe(first);
    const different = mood(0.6);
    expect(sharedUpdate(event, different)).toBe(different);
    const dated = (at: Date) => ({ ...mood(0.5), at }) as unknown as ConversationUpdate;
    const withDate = {};
    const early = sharedUpdate(withDate, dated(new Date(1)));
    const late = dated(new Date(2));
    expect(sharedUpdate(withDate, late)).toBe(late);
    expect(early).not.toBe(late);
  });
});
