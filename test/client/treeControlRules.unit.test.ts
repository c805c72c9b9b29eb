import { describe, expect, it } from "vitest";
import {
  type ChatMessage,
  type ConversationModel,
  emptyConversation,
} from "../../client/src/chat/conversationModel.ts";
import { timeline } from "../../client/src/chat/timeline.ts";
import { answerAgainOf, controlRules } from "../../client/src/chat/treeControlRules.ts";
import { AT, chatMessage } from "./messageFixtures.ts";

const message = chatMessage;
const reply = (id: string, inReplyTo: string, seq: number, status: ChatMessage["status"] = "COMPLETED") =>
  message({ id, seq, kind: "REPLY", role: "AGENT", inReplyTo, status, attempt: 1 });
const modelOf = (messages: ChatMessage[], extra: Partial<ConversationModel> = {}): ConversationModel => ({
  ...emptyConversation,
  messages: Object.fromEntries(
    messages.map((m) => [m.kind === "REPLY" ? `reply:${m.inReplyTo}` : `id:${m.id}`, m]),
  ),
  ...extra,
});
const rulesOf = (model: ConversationModel, asleep = false) => controlRules(model, timeline(model), asleep);

describe("the tree controls a message offers", () => {
  it("offers all of them once every message is answered", () => {
    const rules = rulesOf(modelOf([message({ id: "m1", seq: 1 }), reply("r1", "m1", 2)]));
    expect(rules.pathFree).toBe(true);
    expect([...rules.awaiting]).toEqual([]);
  });

  it("changes no path while a reply is written, and hides neither it nor the message it answers", () => {
    const rules = rulesOf(
      modelOf([
        message({ id: "m1", seq: 1 }),
        reply("r1", "m1", 2),
        message({ id: "m2", seq: 3 }),
        reply("r2", "m2", 4, "STREAMING"),
      ]),
    );
    expect(rules.pathFree).toBe(false);
    expect([...rules.awaiting]).toEqual(["m2"]);
  });

  it("changes no path while a message is still being sent", () => {
    const pending = {
      c2: {
        clientMessageId: "c2",
        text: "and another thing",
        request: { kind: "text" as const },
        createdAt: AT,
        status: "sending" as const,
        error: null,
      },
    };
    const answered = [message({ id: "m1", seq: 1 }), reply("r1", "m1", 2)];
    expect(rulesOf(modelOf(answered, { pending })).pathFree).toBe(false);
    const failed = { c2: { ...pending.c2, status: "failed" as const, error: "offline" } };
    expect(rulesOf(modelOf(answered, { pending: failed })).pathFree).toBe(true);
  });

  it("waits for the agent to answer, unless it is asleep; a failed reply can be retried or hidden", () => {
    const waiting = modelOf([message({ id: "m1", seq: 1 }), message({ id: "m2", seq: 2 })]);
    expect(rulesOf(waiting)).toEqual({ pathFree: false, awaiting: new Set(["m1", "m2"]) });
    expect(rulesOf(waiting, true).pathFree).toBe(true);
    const failed = rulesOf(modelOf([message({ id: "m1", seq: 1 }), reply("r1", "m1", 2, "FAILED")]));
    expect(failed).toEqual({ pathFree: true, awaiting: new Set() });
  });

  it("takes a message whose reply the person hid as answered, and offers to answer it again", () => {
    const hiddenReply = { ...reply("r1", "m1", 2), hidden: true };
    const hidden = modelOf([message({ id: "m1", seq: 1 }), hiddenReply]);
    expect(rulesOf(hidden)).toEqual({ pathFree: true, awaiting: new Set() });
    expect(answerAgainOf(hidden, timeline(hidden))).toEqual({ messageId: "m1", replyId: "r1" });
    // Hidden here a moment ago, before the server's copy says so.
    const justHidden = modelOf([message({ id: "m1", seq: 1 }), reply("r1", "m1", 2)], {
      hidden: { r1: true },
    });
    expect(answerAgainOf(justHidden, timeline(justHidden))).toEqual({ messageId: "m1", replyId: "r1" });
    // After a reload the page leaves the hidden reply out, and names it on the message.
    const reloaded = modelOf([message({ id: "m1", seq: 1, hiddenReplyId: "r1" })]);
    expect(rulesOf(reloaded)).toEqual({ pathFree: true, awaiting: new Set() });
    expect(answerAgainOf(reloaded, timeline(reloaded))).toEqual({ messageId: "m1", replyId: "r1" });
  });

  it("offers no answer again where a reply is shown, none was written, or the hidden one failed", () => {
    const answered = modelOf([message({ id: "m1", seq: 1 }), reply("r1", "m1", 2)]);
    expect(answerAgainOf(answered, timeline(answered))).toBeNull();
    const waiting = modelOf([message({ id: "m1", seq: 1 })]);
    expect(answerAgainOf(waiting, timeline(waiting))).toBeNull();
    const failed = modelOf([
      message({ id: "m1", seq: 1 }),
      { ...reply("r1", "m1", 2, "FAILED"), hidden: true },
    ]);
    expect(answerAgainOf(failed, timeline(failed))).toBeNull();
  });
});
