import { describe, expect, it } from "vitest";
import { type ConversationState, conversationDecider } from "../../../src/domain/conversation/decider.ts";
import {
  conversationStateFromJson,
  conversationStateToJson,
} from "../../../src/domain/conversation/stateSnapshot.ts";
import { branchingStory, comparable } from "./conversationStory.ts";

/** The state as JSON through a string, as it is stored. */
const throughJson = (state: ConversationState) =>
  conversationStateFromJson(JSON.parse(JSON.stringify(conversationStateToJson(state))));

describe("a conversation state as JSON", () => {
  const story = branchingStory();

  it("reads back as the same state", () => {
    expect(comparable(throughJson(story.state))).toEqual(comparable(story.state));
  });

  it("folds the rest of the stream to the state a fold from the start reaches, at every point", () => {
    for (let cut = 0; cut <= story.events.length; cut++) {
      const before = story.events
        .slice(0, cut)
        .reduce(conversationDecider.evolve, conversationDecider.initialState());
      const resumed = story.events.slice(cut).reduce(conversationDecider.evolve, throughJson(before));
      expect(comparable(resumed)).toEqual(comparable(story.state));
    }
  });

  it("decides a command read back as it decides it on the state itself", () => {
    const command = {
      type: "SendMessage" as const,
      userId: "u1",
      agentId: "a1",
      messageId: "m9",
      clientMessageId: "c-m9",
      text: "And another thing",
      now: "2025-05-01T10:00:00.000Z",
    };
    const retried = { ...command, messageId: "m7", clientMessageId: "c-m7", text: "text of m7" };
    expect(conversationDecider.decide(command, throughJson(story.state))).toEqual(
      conversationDecider.decide(command, story.state),
    );
    expect(conversationDecider.decide(retried, throughJson(story.state))).toEqual([]);
  });
});
