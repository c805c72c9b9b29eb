import { describe, expect, it } from "vitest";
import { conversationDecider, nextMessageToAnswer } from "../../../src/domain/conversation/decider.ts";
import { spec } from "../../support/deciderSpec.ts";
import { agentId, at, userId } from "./fixtures.ts";
import { Story } from "./story.ts";

const conversation = spec(conversationDecider);

/** m1 → r1 → m2, whose reply waits: the agent was asleep when m2 came. */
const waitingForReply = () => new Story().send("m1").reply("r1", "m1").send("m2");

const startReplyTo = (story: Story, messageId: string) =>
  conversation.given(story.events).when({
    type: "StartReply",
    userId,
    agentId,
    now: at(story.minute),
    replyId: `reply-${messageId}`,
    messageId,
  });

describe("a message whose reply waits, when the person moves away from it", () => {
  it("is owed nothing on the path branched to, and its reply can no longer start", () => {
    const story = waitingForReply().branch("r1");
    expect(story.events.at(-1)).toMatchObject({
      type: "ActivePathChanged",
      data: { leafId: "r1", via: "branch", awaitingReplies: 0 },
    });
    expect(nextMessageToAnswer(story.state)).toBeNull();
    startReplyTo(story, "m2").thenRejects("MessageNotOnPath", "CONFLICT");
  });

  it("is owed its reply again once its branch is shown again", () => {
    const story = waitingForReply().branch("r1").choose("m2");
    expect(story.events.at(-1)).toMatchObject({
      type: "ActivePathChanged",
      data: { leafId: "m2", via: "sibling", awaitingReplies: 1 },
    });
    expect(nextMessageToAnswer(story.state)?.messageId).toBe("m2");
    startReplyTo(story, "m2").thenMatches([{ type: "AgentReplyStarted", data: expect.anything() }]);
  });

  it("gives way to its edit: only the edited message is owed a reply", () => {
    const story = waitingForReply().edit("m2", "m2b");
    expect(story.events.at(-2)).toMatchObject({
      type: "ActivePathChanged",
      data: { leafId: "r1", via: "edit", awaitingReplies: 0 },
    });
    expect(story.state.unanswered.map((m) => m.messageId)).toEqual(["m2b"]);
    startReplyTo(story, "m2").thenRejects("MessageNotOnPath", "CONFLICT");
    startReplyTo(story, "m2b").thenMatches([{ type: "AgentReplyStarted", data: expect.anything() }]);
  });

  it("counts every waiting message of the branch shown again, and no failed one", () => {
    const story = waitingForReply().send("m3").branch("r1").choose("m2");
    expect(story.events.at(-1)?.data).toMatchObject({ leafId: "m3", awaitingReplies: 2 });
    const failed = new Story().send("m1").reply("r1", "m1").send("m2");
    failed.run({ type: "StartReply", replyId: "r2", messageId: "m2" });
    failed.fail("r2").branch("r1").choose("m2");
    expect(failed.events.at(-1)?.data).toMatchObject({ leafId: "r2", awaitingReplies: 0 });
  });
});
