import { describe, expect, it } from "vitest";
import { applyEvent } from "../../client/src/chat/applyEvent.ts";
import {
  type ConversationModel,
  emptyConversation,
  mergeAll,
  type ServerMessage,
} from "../../client/src/chat/conversationModel.ts";
import {
  applyPathChange,
  hideShown,
  regenerableReplyId,
  siblingsOf,
  unhideShown,
} from "../../client/src/chat/pathModel.ts";
import { applyRefreshedPage, pageReflects } from "../../client/src/chat/pathRefresh.ts";
import { timeline } from "../../client/src/chat/timeline.ts";
import { AT, serverMessage } from "./messageFixtures.ts";

/** A message of the tree at revision `seq`; `siblings` lists its alternatives (itself included). */
function node(id: string, seq: number, parentId: string | null, siblings: string[] = [id]): ServerMessage {
  const reply = id.startsWith("r");
  return serverMessage({
    id,
    cursor: String(seq),
    kind: reply ? "REPLY" : "USER",
    role: reply ? "AGENT" : "USER",
    text: `text of ${id}`,
    status: reply ? "COMPLETED" : "SENT",
    clientMessageId: reply ? null : `client-${id}`,
    inReplyTo: reply ? parentId : null,
    attempt: reply ? 1 : null,
    parentId,
    siblingIds: siblings,
    siblingIndex: siblings.indexOf(id),
  });
}

const u1 = node("u1", 0, null);
const r1 = node("r1", 1, "u1");
const u2 = node("u2", 2, "r1");
const r2 = node("r2", 3, "u2");
const twoTurns = mergeAll(emptyConversation, [u1, r1, u2, r2]);
const shownIds = (model: ConversationModel) =>
  timeline(model).map((item) => (item.type === "message" ? item.message.id : item.key));

describe("the path model", () => {
  it("tells a message's place among its alternatives, and nothing for one without any", () => {
    expect(siblingsOf(r2)).toBeNull();
    const middle = node("r2b", 5, "u2", ["r2", "r2b", "r2c"]);
    expect(siblingsOf(middle)).toEqual({ index: 1, count: 3, previousId: "r2", nextId: "r2c" });
    expect(siblingsOf(node("r2", 3, "u2", ["r2", "r2b"]))).toEqual({
      index: 0,
      count: 2,
      previousId: null,
      nextId: "r2b",
    });
  });

  it("regenerates: drops the old reply at once, follows the new one and takes its alternatives from the page", () => {
    let model = applyPathChange(twoTurns, {
      via: "regenerate",
      leafId: "u2",
      previousLeafId: "r2",
      messageId: "r2",
    });
    expect(shownIds(model)).toEqual(["u1", "r1", "u2"]);
    expect(model.refresh).toMatchObject({ contains: ["u2"], absent: ["r2"] });
    expect(pageReflects([u1, r1, u2, r2], model.refresh!)).toBe(false);

    model = applyEvent(model, {
      __typename: "ReplyStarted",
      revision: 5,
      replyId: "r2b",
      inReplyTo: "u2",
      attempt: 1,
    });
    expect(shownIds(model)).toEqual(["u1", "r1", "u2", "r2b"]);
    expect(model.refresh).toMatchObject({ contains: ["r2b"], absent: ["r2"] });
    const stale = model.refresh!.version - 1;
    expect(applyRefreshedPage(model, stale, [u1, r1, u2, r2], false).model).toBe(model);

    const page = [u1, r1, u2, { ...node("r2b", 5, "u2", ["r2", "r2b"]), status: "STREAMING" as const }];
    expect(pageReflects(page, model.refresh!)).toBe(true);
    const { model: fresh, restart } = applyRefreshedPage(model, model.refresh!.version, page, false);
    expect(restart).toBe(false);
    expect(fresh.refresh).toBeNull();
    const shownReply = timeline(fresh).at(-1);
    expect(shownReply?.type === "message" && siblingsOf(shownReply.message)).toMatchObject({
      index: 1,
      count: 2,
    });
  });

  it("drops the pieces of a reply to a message the path left, which no reply event would ever end", () => {
    // The person's newest message u3 was sent, and its reply began to stream before it was stored…
    const sent = { ...mergeAll(twoTurns, [node("u3", 4, "r2")]), replyTargets: { r3: "u3" } };
    const delta = (index: number, text: string) =>
      ({ __typename: "ReplyDelta", replyId: "r3", index, text }) as const;
    const streaming = applyEvent(sent, delta(0, "What? "));
    expect(
      timeline(streaming).filter((item) => item.type !== "message" || item.streamed !== null),
    ).toHaveLength(1);
    // …when an earlier reply was written again: u3 left the path, and r3 was never stored.
    let model = applyEvent(streaming, {
      __typename: "PathChanged",
      revision: 6,
      leafId: "u2",
      previousLeafId: "u3",
      via: "regenerate",
      pathMessageId: "r2",
      mood: "CALM",
      moodIntensity: 0.3,
      affinity: 4,
    });
    model = applyEvent(model, delta(1, "Tell me."));
    expect(shownIds(model)).toEqual(["u1", "r1", "u2"]);
    expect(model.streams).toEqual({});
  });

  it("switches to another alternative: keeps what comes before it and reads the branch from the server", () => {
    const withAlternatives = mergeAll(emptyConversation, [u1, r1, node("u2b", 6, "r1", ["u2", "u2b"])]);
    const model = applyPathChange(withAlternatives, {
      via: "sibling",
      leafId: "r2",
      previousLeafId: "r2b",
      messageId: "u2",
    });
    expect(shownIds(model)).toEqual(["u1", "r1"]);
    expect(model.refresh).toMatchObject({ contains: ["r2"], absent: [] });
    const page = [u1, r1, node("u2", 2, "r1", ["u2", "u2b"]), r2];
    const { model: switched } = applyRefreshedPage(model, model.refresh!.version, page, true);
    expect(shownIds(switched)).toEqual(["u1", "r1", "u2", "r2"]);
  });

  it("starts over from the page when the change lies before what is loaded", () => {
    const model = applyPathChange(twoTurns, {
      via: "sibling",
      leafId: "r9",
      previousLeafId: "r2",
      messageId: "u0",
    });
    expect(shownIds(model)).toEqual([]);
    const page = [node("u8", 20, "r7"), node("r9", 21, "u8")];
    const { model: restarted, restart } = applyRefreshedPage(model, model.refresh!.version, page, true);
    expect(restart).toBe(true);
    expect(shownIds(restarted)).toEqual(["u8", "r9"]);
  });

  it("continues from an earlier message and asks for the alternatives of the next message sent", () => {
    let model = applyPathChange(twoTurns, {
      via: "branch",
      leafId: "r1",
      previousLeafId: "r2",
      messageId: "r1",
    });
    expect(shownIds(model)).toEqual(["u1", "r1"]);
    expect(model.followNext).toBe("message");
    model = applyRefreshedPage(model, model.refresh!.version, [u1, r1], false).model;
    model = applyEvent(model, { __typename: "MessageAdded", revision: 8, message: node("u3", 8, "r1") });
    expect(shownIds(model)).toEqual(["u1", "r1", "u3"]);
    expect(model.refresh).toMatchObject({ contains: ["u3"] });
    expect(model.followNext).toBeNull();
    const page = [u1, r1, node("u3", 8, "r1", ["u2", "u3"])];
    const { model: shown } = applyRefreshedPage(model, model.refresh!.version, page, false);
    const last = timeline(shown).at(-1);
    expect(last?.type === "message" && siblingsOf(last.message)?.count).toBe(2);
  });

  it("edits a message: the old one and what followed it go, the edited one comes with its reply", () => {
    let model = applyPathChange(twoTurns, {
      via: "edit",
      leafId: "r1",
      previousLeafId: "r2",
      messageId: "u2",
    });
    expect(shownIds(model)).toEqual(["u1", "r1"]);
    expect(model.refresh).toMatchObject({ contains: ["r1"], absent: ["u2", "r2"] });
    model = applyEvent(model, {
      __typename: "MessageAdded",
      revision: 9,
      message: node("u2b", 9, "r1", ["u2", "u2b"]),
    });
    expect(model.refresh).toMatchObject({ contains: ["u2b"], absent: ["u2", "r2"] });
    const stalePage = [u1, r1, u2, r2];
    expect(pageReflects(stalePage, model.refresh!)).toBe(false);
  });

  it("keeps live messages newer than a page that was read before they came", () => {
    let model = applyPathChange(twoTurns, {
      via: "branch",
      leafId: "u2",
      previousLeafId: "r2",
      messageId: "u2",
    });
    model = applyEvent(model, {
      __typename: "ReplyStarted",
      revision: 12,
      replyId: "r5",
      inReplyTo: "u2",
      attempt: 1,
    });
    const { model: refreshed } = applyRefreshedPage(model, model.refresh!.version, [u1, r1, u2], false);
    expect(shownIds(refreshed)).toEqual(["u1", "r1", "u2", "r5"]);
  });

  it("checks a change replayed from before the page was read against the server without cutting anything", () => {
    const replayed = applyEvent(
      { ...twoTurns, lastRevision: 9 },
      {
        __typename: "PathChanged",
        revision: 7,
        leafId: "r2",
        previousLeafId: "r2b",
        via: "sibling",
        pathMessageId: "r2",
        mood: "CALM",
        moodIntensity: 0.3,
        affinity: 4,
      },
    );
    expect(shownIds(replayed)).toEqual(["u1", "r1", "u2", "r2"]);
    expect(replayed.refresh).toMatchObject({ contains: ["r2"] });
    expect(replayed.feeling).toBeNull();
  });

  it("takes mood and affinity from a new path", () => {
    const changed = applyEvent(twoTurns, {
      __typename: "PathChanged",
      revision: 7,
      leafId: "r1",
      previousLeafId: "r2",
      via: "branch",
      pathMessageId: "r1",
      mood: "CALM",
      moodIntensity: 0.3,
      affinity: 4,
    });
    expect(changed.feeling).toMatchObject({ mood: "CALM", affinity: 4 });
    expect(shownIds(changed)).toEqual(["u1", "r1"]);
  });

  it("does not let a replayed alternative take the place of the reply shown", () => {
    const shown = mergeAll(emptyConversation, [u1, r1, u2, node("r2", 3, "u2", ["r2", "r2b"])]);
    const replayed = applyEvent(shown, {
      __typename: "ReplyCompleted",
      revision: 6,
      replyId: "r2b",
      message: node("r2b", 5, "u2"),
    });
    expect(replayed.messages).toBe(shown.messages);
  });

  it("keeps a reply that completed while the page that still has it streaming was read", () => {
    let model = applyPathChange(twoTurns, {
      via: "regenerate",
      leafId: "u2",
      previousLeafId: "r2",
      messageId: "r2",
    });
    model = applyEvent(model, {
      __typename: "ReplyStarted",
      revision: 5,
      replyId: "r2b",
      inReplyTo: "u2",
      attempt: 1,
    });
    model = applyEvent(model, {
      __typename: "ReplyCompleted",
      revision: 6,
      replyId: "r2b",
      message: { ...node("r2b", 5, "u2"), siblingIds: null, siblingIndex: null },
    });
    const streaming = { ...node("r2b", 5, "u2", ["r2", "r2b"]), status: "STREAMING" as const, text: null };
    const { model: shown } = applyRefreshedPage(
      model,
      model.refresh!.version,
      [u1, r1, u2, streaming],
      false,
    );
    const last = timeline(shown).at(-1);
    expect(last?.type === "message" && last.message).toMatchObject({
      status: "COMPLETED",
      text: "text of r2b",
    });
    expect(last?.type === "message" && siblingsOf(last.message)).toMatchObject({ index: 1, count: 2 });
  });

  it("never brings back what a change took away, even from a page read before the change was stored", () => {
    const model = applyPathChange(twoTurns, {
      via: "regenerate",
      leafId: "u2",
      previousLeafId: "r2",
      messageId: "r2",
    });
    const { model: taken } = applyRefreshedPage(model, model.refresh!.version, [u1, r1, u2, r2], false);
    expect(shownIds(taken)).toEqual(["u1", "r1", "u2"]);
  });

  it("hides a message and brings it back on undo; one not loaded comes with the next page", () => {
    const hidden = hideShown(twoTurns, "u2");
    expect(shownIds(hidden)).toEqual(["u1", "r1", "r2"]);
    const back = unhideShown(hidden, "u2");
    expect(shownIds(back)).toEqual(["u1", "r1", "u2", "r2"]);
    expect(back.refresh).toBeNull();
    const flagged = mergeAll(emptyConversation, [u1, { ...r1, hidden: true }]);
    expect(shownIds(flagged)).toEqual(["u1"]);
    expect(shownIds(unhideShown(flagged, "r1"))).toEqual(["u1", "r1"]);
    const unknown = unhideShown(twoTurns, "u0");
    expect(unknown.refresh).toMatchObject({ contains: ["u0"] });
  });

  it("offers to regenerate only the newest reply, once complete", () => {
    const shown = (...messages: ServerMessage[]) => timeline(mergeAll(emptyConversation, messages));
    expect(regenerableReplyId(shown(u1, r1, u2, r2))).toBe("r2");
    expect(regenerableReplyId(shown(u1, r1, u2))).toBeNull();
    expect(regenerableReplyId(shown(u1, r1, u2, { ...r2, status: "STREAMING" }))).toBeNull();
    expect(regenerableReplyId(shown(u1, r1, u2, { ...r2, status: "FAILED" }))).toBeNull();
  });

  it("offers no regenerate while a message is being sent after the newest reply, but does once it failed to send", () => {
    const sending = {
      ...twoTurns,
      pending: {
        c3: {
          clientMessageId: "c3",
          text: "Guess what I had for breakfast.",
          request: { kind: "text" as const },
          createdAt: AT,
          status: "sending" as const,
          error: null,
        },
      },
    };
    expect(regenerableReplyId(timeline(twoTurns))).toBe("r2");
    expect(regenerableReplyId(timeline(sending))).toBeNull();
    // A message that failed to send is not on its way: the reply before it can still be written again.
    const unsent = { ...sending, pending: { c3: { ...sending.pending.c3, status: "failed" as const } } };
    expect(regenerableReplyId(timeline(unsent))).toBe("r2");
    // The reply to it streams in before the message is known here.
    const streaming = { ...twoTurns, streams: { r3: ["Pancakes?"] } };
    expect(regenerableReplyId(timeline(streaming))).toBeNull();
  });
});
