import type { ConversationCommand } from "../../../src/domain/conversation/commands.ts";
import { type ConversationState, conversationDecider } from "../../../src/domain/conversation/decider.ts";
import type { ConversationEvent } from "../../../src/domain/conversation/events.ts";
import { agentId, at, userId } from "./fixtures.ts";

type Order = ConversationCommand extends infer C
  ? C extends ConversationCommand
    ? Omit<C, "userId" | "agentId" | "now">
    : never
  : never;

/**
 * A conversation told through the decider, one command at a time, a minute apart: what a tree
 * looks like after a person regenerates, edits and branches. `events` is the stream so far.
 */
export class Story {
  events: ConversationEvent[] = [];
  state: ConversationState = conversationDecider.initialState();
  minute = 0;

  run(order: Order): ConversationEvent[] {
    const command = { ...order, userId, agentId, now: at(this.minute++) } as ConversationCommand;
    const produced = conversationDecider.decide(command, this.state);
    for (const event of produced) this.state = conversationDecider.evolve(this.state, event);
    this.events.push(...produced);
    return produced;
  }

  send(messageId: string, text = `text of ${messageId}`): this {
    this.run({ type: "SendMessage", messageId, clientMessageId: `c-${messageId}`, text });
    return this;
  }

  /** Starts and completes the reply to the next waiting message. */
  reply(replyId: string, messageId: string, text = `reply ${replyId}`): this {
    this.run({ type: "StartReply", replyId, messageId });
    return this.complete(replyId, text);
  }

  complete(replyId: string, text = `reply ${replyId}`): this {
    const usage = { promptTokens: 1, completionTokens: 1 };
    this.run({ type: "CompleteReply", replyId, text, model: "local-persona", usage });
    return this;
  }

  fail(replyId: string): this {
    this.run({ type: "FailReply", replyId, reason: "timeout", message: "Too slow.", retryable: true });
    return this;
  }

  regenerate(replyId: string, newReplyId: string, text?: string): this {
    this.run({ type: "RegenerateReply", replyId, newReplyId, clientRequestId: `q-${newReplyId}` });
    return text === undefined ? this : this.complete(newReplyId, text);
  }

  edit(messageId: string, newMessageId: string, text = `text of ${newMessageId}`): this {
    this.run({ type: "EditMessage", messageId, newMessageId, clientMessageId: `c-${newMessageId}`, text });
    return this;
  }

  choose(messageId: string): this {
    this.run({ type: "ChooseSibling", messageId, clientRequestId: `q-choose-${this.minute}` });
    return this;
  }

  branch(messageId: string): this {
    this.run({ type: "BranchFrom", messageId, clientRequestId: `q-branch-${this.minute}` });
    return this;
  }

  affinity(delta: number, causedBy?: string): this {
    this.run({ type: "ChangeAffinity", delta, reason: "how it went", ...(causedBy ? { causedBy } : {}) });
    return this;
  }

  mood(mood: "playful" | "melancholy" | "calm", intensity: number, causedBy?: string): this {
    this.run({
      type: "ShiftMood",
      mood,
      intensity,
      reason: "how it went",
      ...(causedBy ? { causedBy } : {}),
    });
    return this;
  }

  grantImage(requestId: string, inReplyTo: string, causedBy?: string): this {
    this.run({
      type: "GrantImageRequest",
      requestId,
      imageJobId: `job-${requestId}`,
      scenePrompt: "At the café",
      inReplyTo,
      ...(causedBy ? { causedBy } : {}),
    });
    return this;
  }
}
