import { describe, expect, it } from "vitest";
import {
  activePath,
  conversationDecider,
  MAX_ALTERNATIVES,
  replyInProgress,
  siblingsOf,
} from "../../../src/domain/conversation/decider.ts";
import type { ConversationEvent } from "../../../src/domain/conversation/events.ts";
import { spec } from "../../support/deciderSpec.ts";
import { agentId, at, userId } from "./fixtures.ts";
import { itRejectsWhatTheConversationDoesNotKnow } from "./sharedRejections.ts";
import { Story } from "./story.ts";

const conversation = spec(conversationDecider);

/** m1 → r1 → m2 → r2, all answered. */
const twoTurns = () => new Story().send("m1").reply("r1", "m1").send("m2").reply("r2", "m2");

describe("RegenerateReply", () => {
  const story = twoTurns();
  const now = at(story.minute);
  const command = {
    type: "RegenerateReply",
    userId,
    agentId,
    now,
    replyId: "r2",
    newReplyId: "r2b",
    clientRequestId: "q1",
  } as const;
  const regenerated: ConversationEvent[] = [
    {
      type: "ActivePathChanged",
      data: {
        leafId: "m2",
        previousLeafId: "r2",
        via: "regenerate",
        messageId: "r2",
        clientRequestId: "q1",
        mood: null,
        affinity: 0,
        awaitingReplies: 1,
        changedAt: now,
      },
    },
    {
      type: "AgentReplyStarted",
      data: {
        replyId: "r2b",
        inReplyTo: "m2",
        attempt: 1,
        startedAt: now,
        parentId: "m2",
        regenerates: "r2",
      },
    },
  ];

  it("goes back to the reply's parent and starts a new reply there, answering the same message", () => {
    conversation.given(story.events).when(command).then(regenerated);
  });

  it("moves the path to the new reply, which streams like any reply", () => {
    const { state } = conversation.given([...story.events, ...regenerated]);
    expect(activePath(state)).toEqual(["m1", "r1", "m2", "r2b"]);
    expect(replyInProgress(state)).toMatchObject({ messageId: "m2", replyId: "r2b", status: "replying" });
    expect(siblingsOf(state, "r2b")).toEqual({ ids: ["r2", "r2b"], index: 1 });
  });

  it("regenerates an earlier reply, leaving the later turns on their branch", () => {
    const tree = twoTurns().regenerate("r1", "r1b", "another first reply");
    expect(activePath(tree.state)).toEqual(["m1", "r1b"]);
    expect(tree.state.unanswered).toEqual([]);
    expect(siblingsOf(tree.state, "r1")).toEqual({ ids: ["r1", "r1b"], index: 0 });
  });

  it("finishes like any reply: completed, or failed and retried in the same place", () => {
    expect(twoTurns().regenerate("r2", "r2b", "again").state.unanswered).toEqual([]);
    const retried = twoTurns().regenerate("r2", "r2b").fail("r2b");
    retried.run({ type: "RetryReply", replyId: "r2c", messageId: "m2" });
    expect(activePath(retried.state)).toEqual(["m1", "r1", "m2", "r2c"]);
    expect(siblingsOf(retried.state, "r2c")).toEqual({ ids: ["r2", "r2c"], index: 1 });
  });

  it("writes nothing for a retry of the same request, while the reply streams or after", () => {
    conversation
      .given([...story.events, ...regenerated])
      .when(command)
      .then([]);
    conversation
      .given([...story.events, ...regenerated, ...finish("r2b")])
      .when(command)
      .then([]);
  });

  itRejectsWhatTheConversationDoesNotKnow(command, story.events, "replyId");

  it("rejects a user message", () => {
    conversation
      .given(story.events)
      .when({ ...command, replyId: "m2" })
      .thenRejects("NotAReply", "BAD_USER_INPUT");
  });

  it("rejects a message the agent started on its own", () => {
    const initiated = twoTurns();
    initiated.run({ type: "InitiateMessage", messageId: "i1", text: "Guess what!", trigger: "check_in" });
    conversation
      .given(initiated.events)
      .when({ ...command, replyId: "i1" })
      .thenRejects("NotAReply", "BAD_USER_INPUT");
  });

  it("rejects a reply that is not on the path", () => {
    conversation
      .given(twoTurns().regenerate("r2", "r2b", "again").events)
      .when({ ...command, newReplyId: "r2c", clientRequestId: "q2" })
      .thenRejects("MessageNotOnPath", "CONFLICT");
  });

  it("rejects a reply to a message the person has hidden: the agent is not given that message", () => {
    const hidden = twoTurns();
    hidden.run({ type: "HideMessage", messageId: "m2", clientRequestId: "h1" });
    conversation.given(hidden.events).when(command).thenRejects("MessageHidden", "CONFLICT");
  });

  it("writes a hidden reply again: its message gets a new answer, and the hidden one stays hidden", () => {
    const hidden = twoTurns();
    hidden.run({ type: "HideMessage", messageId: "r2", clientRequestId: "h1" });
    conversation.given(hidden.events).when(command).then(regenerated);
  });

  it("rejects regenerating while a reply is streaming", () => {
    const streaming = twoTurns().send("m3");
    streaming.run({ type: "StartReply", replyId: "r3", messageId: "m3" });
    conversation.given(streaming.events).when(command).thenRejects("ReplyInProgress", "CONFLICT");
    conversation
      .given([...story.events, ...regenerated])
      .when({ ...command, replyId: "r2b", newReplyId: "r2c", clientRequestId: "q2" })
      .thenRejects("ReplyInProgress", "CONFLICT");
  });

  it("rejects a failed reply, which is retried instead", () => {
    const failed = twoTurns().send("m3");
    failed.run({ type: "StartReply", replyId: "r3", messageId: "m3" });
    failed.fail("r3");
    const error = conversation
      .given(failed.events)
      .when({ ...command, replyId: "r3" })
      .thenRejects("ReplyFailed", "CONFLICT");
    expect(error.message).toMatch(/retry/);
  });

  it("rejects a reply id already used", () => {
    conversation
      .given(story.events)
      .when({ ...command, newReplyId: "r1" })
      .thenRejects("ReplyIdTaken", "CONFLICT");
  });

  it("rejects a client request id used for another request", () => {
    conversation
      .given([...story.events, ...regenerated, ...finish("r2b")])
      .when({ ...command, replyId: "r1", newReplyId: "r1b" })
      .thenRejects("ClientRequestIdReused", "CONFLICT");
  });

  it(`rejects more than ${MAX_ALTERNATIVES} alternatives of one reply`, () => {
    const many = twoTurns();
    for (let i = 1; i < MAX_ALTERNATIVES; i++)
      many.regenerate(i === 1 ? "r2" : `r2-${i - 1}`, `r2-${i}`, "again");
    conversation
      .given(many.events)
      .when({ ...command, replyId: `r2-${MAX_ALTERNATIVES - 1}`, clientRequestId: "q-last" })
      .thenRejects("TooManyAlternatives", "RATE_LIMITED");
  });
});

function finish(replyId: string): ConversationEvent[] {
  return [
    {
      type: "AgentReplyCompleted",
      data: {
        replyId,
        inReplyTo: "m2",
        text: "Again!",
        model: "local-persona",
        usage: { promptTokens: 1, completionTokens: 1 },
        completedAt: at(30),
      },
    },
  ];
}
