import { DomainError } from "../../domain/shared/decider.ts";
import { topics } from "../../ports/liveBus.ts";
import type { EngineDependencies } from "./engineDependencies.ts";
import type { ConversationAddress } from "./reactionContext.ts";

/**
 * Tells the conversation's subscribers that a reply whose pieces may have gone out will never be
 * stored, so none shows it streaming forever. Under the same id the message may be answered later.
 */
export async function announceAbandoned(
  deps: EngineDependencies,
  address: ConversationAddress,
  reply: { messageId: string; replyId: string },
  refusal: unknown,
): Promise<void> {
  const reason =
    refusal instanceof DomainError ? refusal.message : "The reply could not be stored; it is written again.";
  await deps.bus
    .publish(topics.conversation(address.userId, address.agentId), {
      kind: "reply.abandoned",
      payload: { replyId: reply.replyId, inReplyTo: reply.messageId, reason },
    })
    .catch((error: unknown) =>
      deps.logger.warn({ err: error, replyId: reply.replyId }, "abandoned reply not announced"),
    );
}
