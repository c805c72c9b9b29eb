import { Map as ImmutableMap } from "immutable";
import { describe, expect, it } from "vitest";
import {
  userMessagesByClientId,
  withUserMessage,
} from "../../../src/domain/conversation/recentUserMessages.ts";
import { RECENT_USER_MESSAGES, type SentMessage } from "../../../src/domain/conversation/state.ts";

const sent = (n: number): SentMessage => ({
  messageId: `m${n}`,
  clientMessageId: `c${n}`,
  textFingerprint: `f${n}`,
  sentAt: "2025-01-01T00:00:00.000Z",
  edits: null,
  revision: n,
});

function sentMessages(count: number) {
  let recent = {
    recentUserMessages: [] as readonly SentMessage[],
    userMessagesByClientId: ImmutableMap<string, SentMessage>(),
  };
  for (let n = 0; n < count; n++) recent = withUserMessage(recent, sent(n));
  return recent;
}

describe("the recent messages by client id", () => {
  it("finds each recent message by its client id", () => {
    const { recentUserMessages, userMessagesByClientId: index } = sentMessages(3);
    expect(recentUserMessages.map((m) => m.messageId)).toEqual(["m0", "m1", "m2"]);
    expect(index.get("c1")).toBe(recentUserMessages[1]);
  });

  it("forgets a message once it is no longer among the recent ones", () => {
    const count = RECENT_USER_MESSAGES + 3;
    const { recentUserMessages, userMessagesByClientId: index } = sentMessages(count);
    expect(recentUserMessages).toHaveLength(RECENT_USER_MESSAGES);
    expect(index.size).toBe(RECENT_USER_MESSAGES);
    expect(index.has("c2")).toBe(false);
    expect(index.get("c3")).toBe(recentUserMessages[0]);
    expect(index.get(`c${count - 1}`)).toBe(recentUserMessages.at(-1));
  });

  it("is the index a stored list gives back", () => {
    const { recentUserMessages, userMessagesByClientId: index } = sentMessages(RECENT_USER_MESSAGES + 7);
    expect(userMessagesByClientId(recentUserMessages).equals(index)).toBe(true);
  });

  it("stands for the first message under a client id", () => {
    const first = sent(1);
    const again = { ...sent(2), clientMessageId: "c1" };
    const index = userMessagesByClientId([first, again]);
    expect(index.get("c1")).toBe(first);
    const kept = withUserMessage({ recentUserMessages: [first], userMessagesByClientId: index }, again);
    expect(kept.userMessagesByClientId.get("c1")).toBe(first);
  });
});
