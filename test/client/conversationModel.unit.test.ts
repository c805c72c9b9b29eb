import { describe, expect, it } from "vitest";
import { applyEvent } from "../../client/src/chat/applyEvent.ts";
import {
  type ConversationEvent,
  type ConversationModel,
  emptyConversation,
  mergeAll,
} from "../../client/src/chat/conversationModel.ts";
import { timeline } from "../../client/src/chat/timeline.ts";
import { AT, serverMessage } from "./messageFixtures.ts";

const message = serverMessage;
const user = message({ id: "m1", cursor: "1", clientMessageId: "c1" });
const reply = message({
  id: "r1",
  cursor: "2",
  kind: "REPLY",
  role: "AGENT",
  text: "hi!",
  status: "COMPLETED",
  inReplyTo: "m1",
  attempt: 1,
});
const events = {
  added: { __typename: "MessageAdded", revision: 1, message: user },
  started: { __typename: "ReplyStarted", revision: 2, replyId: "r1", inReplyTo: "m1", attempt: 1 },
  delta: (index: number, text: string) => ({ __typename: "ReplyDelta", replyId: "r1", index, text }),
  completed: { __typename: "ReplyCompleted", revision: 3, replyId: "r1", message: reply },
  affinity: {
    __typename: "StateChanged",
    revision: 4,
    mood: "JOYFUL",
    moodIntensity: 0.6,
    affinity: 3,
    affinityDelta: 3,
    reason: "kind words",
  },
} as const satisfies Record<string, ConversationEvent | ((i: number, t: string) => ConversationEvent)>;
const apply = (model: ConversationModel, ...list: ConversationEvent[]) => list.reduce(applyEvent, model);
const shown = (model: ConversationModel) =>
  timeline(model).map((item) =>
    item.type === "message"
      ? `${item.message.id}:${item.message.status}:${item.streamed ?? item.message.text}`
      : item.key,
  );

describe("the conversation model", () => {
  it("streams a reply piece by piece, then replaces it with the completed message", () => {
    let model = apply(emptyConversation, events.added, events.started, events.delta(0, "hi"));
    expect(shown(model)).toEqual(["m1:SENT:hello", "r1:STREAMING:hi"]);
    model = apply(model, events.delta(1, "!"), events.completed);
    expect(shown(model)).toEqual(["m1:SENT:hello", "r1:COMPLETED:hi!"]);
    expect(model.streams).toEqual({});
  });

  it("drops a piece of a reply that arrives after the reply was stored, instead of streaming it forever", () => {
    const done = apply(
      emptyConversation,
      events.added,
      events.started,
      events.delta(0, "hi"),
      events.completed,
    );
    const late = apply(done, events.delta(1, "!"));
    expect(shown(late)).toEqual(["m1:SENT:hello", "r1:COMPLETED:hi!"]);
    expect(late.streams).toEqual({});
    // Stored before any piece came: the reply is known by its message alone.
    const unknownTarget = apply(emptyConversation, events.added, events.completed, events.delta(0, "hi"));
    expect(unknownTarget.streams).toEqual({});
  });

  it("drops a reply that was abandoned before it was stored, and streams it again if it comes back", () => {
    // The sender knows the reply's id from sendMessage; its pieces stream before any start is stored.
    const sent = { ...apply(emptyConversation, events.added), replyTargets: { r1: "m1" } };
    const streaming = apply(sent, events.delta(0, "hi"));
    expect(shown(streaming)).toEqual(["m1:SENT:hello", "r1:STREAMING:hi"]);
    const abandoned = apply(streaming, {
      __typename: "ReplyAbandoned",
      replyId: "r1",
      inReplyTo: "m1",
    });
    expect(shown(abandoned)).toEqual(["m1:SENT:hello"]);
    expect(abandoned.streams).toEqual({});
    expect(abandoned.typing).toBe(false);
    const again = apply(abandoned, events.started, events.delta(0, "hey"), events.completed);
    expect(shown(again)).toEqual(["m1:SENT:hello", "r1:COMPLETED:hi!"]);
  });

  it("takes a replay after a reconnect without repeating messages, going backwards or showing a cue twice", () => {
    const live = apply(emptyConversation, events.added, events.started, events.completed, events.affinity);
    expect(live.cues).toHaveLength(1);
    const replayed = apply(live, events.added, events.started, events.completed, events.affinity);
    expect(shown(replayed)).toEqual(shown(live));
    expect(replayed.cues).toHaveLength(1);
    expect(replayed.lastRevision).toBe(4);
    expect(shown(mergeAll(replayed, [message({ ...reply, status: "STREAMING", text: null })]))).toEqual(
      shown(live),
    );
  });

  it("shows an optimistic message until the server has it, and never twice", () => {
    const pending = {
      c1: {
        clientMessageId: "c1",
        text: "hello",
        request: { kind: "text" as const },
        createdAt: AT,
        status: "sending" as const,
        error: null,
      },
    };
    const sending = { ...emptyConversation, pending };
    expect(shown(sending)).toEqual(["pending:c1"]);
    expect(shown(apply(sending, events.added))).toEqual(["m1:SENT:hello"]);
    expect(shown(mergeAll(sending, [user]))).toEqual(["m1:SENT:hello"]);
  });

  it("puts a retried reply where the failed one was", () => {
    const failed = apply(emptyConversation, events.added, events.started, {
      __typename: "ReplyFailed",
      revision: 3,
      replyId: "r1",
      inReplyTo: "m1",
      reason: "timeout",
      failureMessage: "took too long",
      retryable: true,
    });
    expect(shown(failed)).toEqual(["m1:SENT:hello", "r1:FAILED:null"]);
    const retried = apply(failed, {
      __typename: "ReplyStarted",
      revision: 4,
      replyId: "r2",
      inReplyTo: "m1",
      attempt: 2,
    });
    expect(shown(retried)).toEqual(["m1:SENT:hello", "r2:STREAMING:"]);
    const stale = apply(retried, {
      __typename: "ReplyFailed",
      revision: 3,
      replyId: "r1",
      inReplyTo: "m1",
      reason: "timeout",
      failureMessage: "",
      retryable: true,
    });
    expect(shown(stale)).toEqual(shown(retried));
  });

  it("follows a granted picture from queued to done, merging the stored message with the live job", () => {
    const job = (status: "REQUESTED" | "PROGRESSING" | "SUCCEEDED", url: string | null) => ({
      __typename: "ImageJobUpdated" as const,
      grantRevision: status === "REQUESTED" ? 5 : null,
      imageJob: {
        id: "j1",
        status,
        url,
        width: null,
        height: null,
        queuePosition: null,
        attempt: 1,
        failureMessage: null,
      },
    });
    let model = apply(emptyConversation, job("REQUESTED", null), job("PROGRESSING", null));
    expect(shown(model)).toEqual(["image:j1:RUNNING:null"]);
    model = mergeAll(model, [
      message({
        id: "req-1",
        cursor: "5",
        kind: "IMAGE",
        role: "AGENT",
        text: null,
        status: "QUEUED",
        image: { imageJobId: "j1", url: null, width: null, height: null },
      }),
    ]);
    model = apply(model, job("SUCCEEDED", "/media/a.png"));
    expect(shown(model)).toEqual(["req-1:SUCCEEDED:null"]);
    expect(timeline(model)[0]).toMatchObject({ message: { image: { url: "/media/a.png" } } });
  });

  it("places a picture whose grant is not known yet after the request that caused it", () => {
    const request = message({ id: "ask", cursor: "7", clientMessageId: "ask-1", text: "Send me a selfie?" });
    // The send's answer brought the request (revision 7) before the subscription saw anything.
    let model = mergeAll({ ...emptyConversation, lastRevision: 3 }, [request]);
    model = apply(model, {
      __typename: "ImageJobUpdated",
      grantRevision: null,
      imageJob: {
        id: "j9",
        status: "PROGRESSING",
        url: null,
        width: null,
        height: null,
        queuePosition: null,
        attempt: 1,
        failureMessage: null,
      },
    });
    expect(shown(model)).toEqual(["ask:SENT:Send me a selfie?", "image:j9:RUNNING:null"]);
  });
});
