import type { ConversationCommand } from "../../src/domain/conversation/commands.ts";
import { type ConversationState, conversationDecider } from "../../src/domain/conversation/decider.ts";
import type { ConversationEvent } from "../../src/domain/conversation/events.ts";

/** The person and agent of the benched conversations, and the instant of their `n`th command. */
export const bench = { userId: "u1", agentId: "a1" };
export const at = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 1000).toISOString();

/**
 * A conversation of `turns` answered turns; every `branchEvery` turns the person regenerates,
 * edits or goes back (never, when `branchEvery` is 0).
 */
export function grow(
  turns: number,
  branchEvery: number,
  who = bench,
): { state: ConversationState; events: ConversationEvent[] } {
  let state = conversationDecider.initialState();
  const events: ConversationEvent[] = [];
  let clock = 0;
  const run = (command: Record<string, unknown>) => {
    const produced = conversationDecider.decide(
      { ...who, now: at(clock++), ...command } as ConversationCommand,
      state,
    );
    for (const event of produced) state = conversationDecider.evolve(state, event);
    events.push(...produced);
  };
  const turn = (n: number) => {
    run({ type: "SendMessage", messageId: `m${n}`, clientMessageId: `c${n}`, text: `message ${n}` });
    reply(`r${n}`, `m${n}`);
  };
  const reply = (replyId: string, messageId: string) => {
    run({ type: "StartReply", replyId, messageId });
    finish(replyId);
  };
  const finish = (replyId: string) => {
    const usage = { promptTokens: 1, completionTokens: 1 };
    run({ type: "CompleteReply", replyId, text: "a reply", model: "bench", usage });
    run({ type: "ChangeAffinity", delta: (clock % 3) - 1, reason: "how it went", causedBy: replyId });
    run({
      type: "ShiftMood",
      mood: clock % 2 ? "calm" : "playful",
      intensity: 0.5,
      reason: "how it went",
      causedBy: replyId,
    });
  };
  for (let n = 0; n < turns; n++) {
    turn(n);
    if (branchEvery === 0 || n % branchEvery !== branchEvery - 1) continue;
    const kind = (n / branchEvery) % 3;
    if (kind < 1) {
      run({ type: "RegenerateReply", replyId: `r${n}`, newReplyId: `g${n}`, clientRequestId: `q${n}` });
      finish(`g${n}`);
    } else if (kind < 2) {
      run({
        type: "EditMessage",
        messageId: `m${n}`,
        newMessageId: `e${n}`,
        clientMessageId: `ce${n}`,
        text: "edited",
      });
      reply(`re${n}`, `e${n}`);
    } else run({ type: "BranchFrom", messageId: `r${n - 5}`, clientRequestId: `b${n}` });
  }
  return { state, events };
}
