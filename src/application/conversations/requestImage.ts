import { randomUUID } from "node:crypto";
import { DomainError } from "../../domain/shared/decider.ts";
import { PICTURE_REQUEST_PREFIX } from "../imageRequests/pictureWish.ts";
import type { RequestMeta } from "../users/requestMeta.ts";
import { type ConversationDeps, type SentMessage, sendMessage } from "./sendMessage.ts";

export interface RequestImageInput {
  userId: string;
  agentId: string;
  /** What the picture should show; a plain selfie when left out. */
  prompt?: string | null;
  /** Sending the same key again is a retry, not a second request. */
  clientRequestId?: string | null;
}

/** The words the ask is sent with: the reply reactor recognises them as a picture request. */
export function imageRequestText(prompt?: string | null): string {
  const wish = prompt?.trim();
  return wish ? `${PICTURE_REQUEST_PREFIX}${wish}` : "Send me a selfie?";
}

/**
 * Asks the agent for a picture as a message in the conversation. Whether it is sent is the
 * agent's call (affinity, time of day, daily limits), made when the reply is written; the image
 * job then shows up on the conversation's events.
 */
export async function requestImage(
  deps: ConversationDeps,
  input: RequestImageInput,
  meta: RequestMeta,
): Promise<SentMessage> {
  try {
    return await sendMessage(
      deps,
      {
        userId: input.userId,
        agentId: input.agentId,
        text: imageRequestText(input.prompt),
        clientMessageId: input.clientRequestId ?? `image-request:${randomUUID()}`,
      },
      meta,
    );
  } catch (error) {
    // The id the caller chose is its clientRequestId: the conflict names that, not a message id.
    if (error instanceof DomainError && error.reason === "ClientMessageIdReused")
      throw new DomainError(
        "ClientRequestIdReused",
        "CONFLICT",
        "This clientRequestId was already used for a different request; send it with a new id.",
      );
    throw error;
  }
}
