import { z } from "zod";
import type { LiveMessage } from "../../ports/liveBus.ts";

/** A new message in a conversation, told to the reply reactor straight from the API. */
export interface ReplyNudge {
  streamId: string;
  userId: string;
  agentId: string;
  /** The stored `UserMessageSent`, for the metadata of the reply's events. */
  causationId: string;
  correlationId: string;
  requestId: string | null;
}

const nudgeSchema = z.object({
  streamId: z.string().min(1),
  userId: z.string().min(1),
  agentId: z.string().min(1),
  causationId: z.string().min(1),
  correlationId: z.string().min(1),
  requestId: z.string().nullable(),
});

export function readNudge(message: LiveMessage): ReplyNudge | null {
  if (message.kind !== "conversation.nudge") return null;
  const parsed = nudgeSchema.safeParse(message.payload);
  return parsed.success ? parsed.data : null;
}
