import type { ConversationUpdate } from "../application/conversations/conversationUpdates.ts";
import type { WithmeStoredEvent } from "../application/eventLog.ts";
import { type ImageJobState, imageJobDecider } from "../domain/imageJob/decider.ts";
import { imageJobStreamId } from "../domain/streamIds.ts";
import type { ConversationLive } from "../ports/liveBus.ts";
import type { GraphQLContext } from "./context.ts";
import type { LiveConversationEvent } from "./liveMessages.ts";
import type { SharedLiveMessage } from "./liveTopics.ts";

/** What a conversation subscription delivers. */
export type ConversationEventPayload =
  | Exclude<ConversationUpdate, { kind: "imageRequestGranted" }>
  | LiveConversationEvent
  | { kind: "imageJobUpdated"; revision: number | null; job: ImageJobState };

/** What wakes a conversation subscription. */
export type Wake =
  | { type: "stream"; events: readonly WithmeStoredEvent[] }
  | { type: "updates"; updates: ConversationUpdate[] }
  | { type: "live"; shared: SharedLiveMessage }
  | { type: "job"; imageJobId: string }
  | { type: "expired" }
  | { type: "failed"; error: unknown };

/** Whether a read model's notice tells of a change of this stream the subscription already has. */
export function alreadyHas(message: ConversationLive, streamId: string, revision: number): boolean {
  const changed = message.payload as { streamId?: unknown; revision?: unknown };
  return (
    changed.streamId === streamId && typeof changed.revision === "number" && changed.revision <= revision
  );
}

/** An image job as it is now; null when it was never requested. */
export async function loadJob(context: GraphQLContext, imageJobId: string): Promise<ImageJobState | null> {
  const { state } = await context.services.commands.load(imageJobDecider, imageJobStreamId(imageJobId));
  return state.status === "absent" ? null : state;
}
