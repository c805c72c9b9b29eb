import type { ConversationCommand } from "../../../src/domain/conversation/commands.ts";
import {
  activePath,
  conversationDecider,
  findMessage,
  nextMessageToAnswer,
  siblingsOf,
} from "../../../src/domain/conversation/decider.ts";
import type { Conversation, Simulation } from "./simulation.ts";

/**
 * The person takes the conversation somewhere else: regenerates a reply, edits a message,
 * flips to another alternative, goes back to an earlier point, or hides or shows a message.
 */
export function changeTheTree(
  sim: Simulation,
  c: Conversation,
  finishReply: (replyId: string) => void,
): void {
  const r = sim.rng;
  const address = { userId: c.userId, agentId: c.agentId, now: sim.iso() };
  const say = (command: ConversationCommand) => sim.run(conversationDecider, c, command);
  const path = activePath(c.state);
  const ofKind = (kind: string) => path.filter((id) => findMessage(c.state, id)?.kind === kind);
  const roll = r.next();
  if (roll < 0.3) {
    const reply = ofKind("reply").at(-1 - r.int(2));
    if (!reply) return;
    const newReplyId = r.uuid();
    say({ type: "RegenerateReply", ...address, replyId: reply, newReplyId, clientRequestId: r.uuid() });
    if (c.state.activeLeafId === newReplyId) finishReply(newReplyId);
  } else if (roll < 0.5) {
    const message = r.pick([...ofKind("user").slice(-3), ""]);
    if (!message) return;
    const newMessageId = r.uuid();
    const text = r.text(3 + r.int(12));
    say({
      type: "EditMessage",
      ...address,
      messageId: message,
      newMessageId,
      clientMessageId: r.uuid(),
      text,
    });
    const next = nextMessageToAnswer(c.state);
    if (next?.messageId !== newMessageId) return;
    const replyId = r.uuid();
    say({ type: "StartReply", ...address, replyId, messageId: newMessageId, now: sim.iso(1) });
    finishReply(replyId);
  } else if (roll < 0.7) {
    const withAlternatives = path.filter((id) => (siblingsOf(c.state, id)?.ids.length ?? 0) > 1);
    const at = withAlternatives.length > 0 ? r.pick(withAlternatives) : null;
    if (at)
      say({
        type: "ChooseSibling",
        ...address,
        messageId: r.pick(siblingsOf(c.state, at)!.ids),
        clientRequestId: r.uuid(),
      });
  } else if (roll < 0.85) {
    const earlier = path.at(-2 - r.int(Math.min(6, path.length)));
    if (earlier) say({ type: "BranchFrom", ...address, messageId: earlier, clientRequestId: r.uuid() });
  } else {
    const hidden = path.filter((id) => findMessage(c.state, id)?.hidden);
    const clientRequestId = r.uuid();
    if (hidden.length > 0 && r.chance(0.6))
      say({ type: "UnhideMessage", ...address, messageId: r.pick(hidden), clientRequestId });
    else {
      const message = path.at(-1 - r.int(Math.min(4, path.length)));
      if (message) say({ type: "HideMessage", ...address, messageId: message, clientRequestId });
    }
  }
}
