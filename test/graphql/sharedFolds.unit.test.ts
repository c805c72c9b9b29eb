import { describe, expect, it } from "vitest";
import {
  conversationUpdate,
  type RunningState,
  runningState,
} from "../../src/application/conversations/conversationUpdates.ts";
import type { WithmeStoredEvent } from "../../src/application/eventLog.ts";
import type { ConversationEvent } from "../../src/domain/conversation/events.ts";
import { foldShared } from "../../src/graphql/sharedFolds.ts";

const baseline = { mood: "calm", intensity: 0.3 } as const;

const stored = (revision: number, type: string, data: Record<string, unknown>) =>
  ({ type, data, revision }) as unknown as WithmeStoredEvent;

const sent = (revision: number, messageId: string) =>
  stored(revision, "UserMessageSent", {
    messageId,
    clientMessageId: `c-${messageId}`,
    text: "Hello",
    sentAt: "2026-01-01T10:00:00.000Z",
  });
const started = (revision: number, replyId: string, inReplyTo: string) =>
  stored(revision, "AgentReplyStarted", {
    replyId,
    inReplyTo,
    attempt: 1,
    startedAt: "2026-01-01T10:00:01.000Z",
  });
const completed = (revision: number, replyId: string, inReplyTo: string) =>
  stored(revision, "AgentReplyCompleted", {
    replyId,
    inReplyTo,
    text: "Hi there.",
    completedAt: "2026-01-01T10:00:02.000Z",
  });
const affinity = (revision: number, value: number) =>
  stored(revision, "AffinityChanged", { value, delta: 1, reason: "kind words" });

/** What a watcher folding on its own, in place, makes of the events: the behaviour to keep. */
function foldAlone(events: WithmeStoredEvent[], running: RunningState) {
  return events.map((event) => conversationUpdate(event as ConversationEvent, event.revision, running));
}

describe("one fold per stored event for every watcher in the same state", () => {
  it("hands watchers that folded the same stream the same state and update objects", () => {
    const events = [sent(0, "m1"), started(1, "r1", "m1"), completed(2, "r1", "m1"), affinity(3, 2)];
    const watchers = [runningState(baseline), runningState(baseline), runningState(baseline)];
    const updates = watchers.map(() => [] as unknown[]);
    for (const event of events)
      watchers.forEach((running, i) => {
        const fold = foldShared(event, running);
        watchers[i] = fold.after;
        updates[i]!.push(fold.update);
      });
    expect(watchers[1]).toBe(watchers[0]);
    expect(watchers[2]).toBe(watchers[0]);
    updates[0]!.forEach((update, i) => {
      expect(updates[1]![i]).toBe(update);
      expect(updates[2]![i]).toBe(update);
    });
    expect(updates[0]).toEqual(foldAlone(events, runningState(baseline)));
  });

  it("never changes the state it starts from", () => {
    const before = runningState(baseline);
    const fold = foldShared(started(1, "r1", "m1"), before);
    expect(before.replyStarts.size).toBe(0);
    expect(fold.after.replyStarts.size).toBe(1);
    const moved = foldShared(affinity(2, 5), fold.after);
    expect(fold.after.affinity).toBe(0);
    expect(moved.after.affinity).toBe(5);
  });

  it("folds on its own for a watcher whose state differs, and gets what it would have alone", () => {
    const shared = completed(5, "r2", "m2");
    // One watcher saw the reply start at revision 3, another started watching without it.
    const withStart = foldShared(started(3, "r2", "m2"), runningState(baseline)).after;
    const withoutStart = runningState(baseline);
    const first = foldShared(shared, withStart);
    const second = foldShared(shared, withoutStart);
    expect(second.update).not.toBe(first.update);
    expect(second.update).toEqual(foldAlone([shared], runningState(baseline))[0]);
    expect(first.update).toMatchObject({ message: { seq: 3 } });
    expect(second.update).toMatchObject({ message: { seq: 5 } });

    const event = sent(6, "m3");
    const calm = runningState(baseline);
    const fond = { ...runningState(baseline), affinity: 9, leafId: "m2" };
    const a = foldShared(event, calm);
    const b = foldShared(event, fond);
    expect(b.after).not.toBe(a.after);
    expect(b.after.affinity).toBe(9);
    expect(b.update).toMatchObject({ message: { parentId: "m2" } });
    expect(a.update).toMatchObject({ message: { parentId: null } });
  });

  it("counts a copied state with equal moods as the same state", () => {
    const event = affinity(1, 3);
    const original = runningState(baseline);
    const copy = { ...original, mood: { ...original.mood } };
    expect(foldShared(event, copy)).toBe(foldShared(event, original));
  });
});
