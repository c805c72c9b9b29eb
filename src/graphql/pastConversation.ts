import type { MessageConnection, MessageOnPath } from "../../projections/messages/queries.ts";
import { parseMessageCursor } from "../../projections/messages/queries.ts";
import { type ConversationAt, conversationAt } from "../application/timeTravel.ts";
import { findMessage, siblingsOf } from "../domain/conversation/decider.ts";
import type { GraphQLContext } from "./context.ts";
import { badInput } from "./errors.ts";
import { chargeHistoryRead, conversationLength } from "./historyReads.ts";

/** A point in a conversation's past, as the API takes it: a time or a stream revision, one of the two. */
export interface AsOfInput {
  at?: string | null;
  revision?: number | null;
}

/** The conversation as it was at `asOf`, replayed from its stream. */
export async function pastConversation(
  context: GraphQLContext,
  args: { userId: string; agentId: string },
  asOf: AsOfInput,
): Promise<ConversationAt> {
  const hasAt = asOf.at != null;
  const hasRevision = asOf.revision != null;
  if (hasAt === hasRevision)
    throw badInput(
      hasAt
        ? "Give asOf either `at` (a time) or `revision`, not both."
        : "Give asOf `at` (a time) or `revision`.",
    );
  if (hasRevision && (asOf.revision! < 0 || !Number.isInteger(asOf.revision)))
    throw badInput("asOf.revision is a conversation revision: 0 or more.");
  const point = hasAt ? { at: asOf.at! } : { revision: asOf.revision! };
  const length = await conversationLength(context, args.userId, args.agentId);
  await chargeHistoryRead(context, hasRevision ? Math.min(length, asOf.revision! + 1) : length);
  return conversationAt({ events: context.services.events }, { ...args, ...point });
}

/**
 * A page of the path as it was, newest last, like `messages` now: hidden messages only for
 * admins, cursors are the messages' revisions.
 */
export function pastMessages(
  past: ConversationAt,
  args: { last: number; before: string | null; includeHidden: boolean },
): MessageConnection {
  const before = args.before === null ? Number.POSITIVE_INFINITY : parseMessageCursor(args.before);
  const shown = past.path.flatMap((m): MessageOnPath[] => {
    const node = findMessage(past.state, m.messageId);
    if (!node || (m.hidden && !args.includeHidden) || node.revision >= before) return [];
    const siblings = siblingsOf(past.state, m.messageId, { includeHidden: args.includeHidden });
    return [
      {
        seq: node.revision,
        cursor: String(node.revision),
        messageId: m.messageId,
        kind: m.kind,
        role: m.author,
        text: m.text,
        status: m.status,
        clientMessageId: null,
        inReplyTo: node.inReplyTo,
        attempt: null,
        failureReason: null,
        retryable: null,
        trigger: null,
        lifeEventId: null,
        image: null,
        declineReason: null,
        createdAt: m.at,
        updatedAt: m.at,
        parentId: m.parentId,
        onPath: true,
        hidden: m.hidden,
        siblings,
        // A past conversation is read-only: nothing is answered again from it.
        hiddenReplyId: null,
      },
    ];
  });
  const page = shown.slice(-args.last);
  return {
    edges: page.map((node) => ({ cursor: node.cursor, node })),
    pageInfo: {
      hasPreviousPage: shown.length > page.length,
      hasNextPage: false,
      startCursor: page[0]?.cursor ?? null,
      endCursor: page.at(-1)?.cursor ?? null,
    },
  };
}
