import { z } from "zod";
import { defineEvent, type EventOf, type Upcaster } from "../shared/eventCatalogue.ts";
import { MoodStateSchema } from "../shared/mood.ts";
import { IdSchema, InstantSchema } from "../shared/schemas.ts";
import { AFFINITY_MAX, AFFINITY_MIN } from "./limits.ts";

/**
 * The message a new message follows: null for a first message (a root). Absent only in events
 * written before the conversation was a tree (version 1): such a message follows the active leaf
 * at the time it is folded, which lays an old conversation out as one path.
 */
export const ParentIdSchema = IdSchema.nullable().optional();

/**
 * The message a mood, affinity, image or memory event belongs to: the state of every path through
 * that message includes the event, no other path's does. Absent only in version 1 events, which
 * belong to the active leaf at the time they are folded.
 */
export const CausedBySchema = IdSchema.optional();

/** Version 1 carries no place in the tree; reading it as version 2 leaves the place to the fold. */
export const fromLinearConversation: Record<number, Upcaster> = { 1: (data) => data };

/**
 * The active path now ends at `leafId` (null: before the first message), and the agent's mood,
 * affinity and the person's messages still owed a reply (`awaitingReplies`: waiting or being
 * answered, failed ones not) are those of that path; a message left behind on another branch is
 * owed nothing until its branch is shown again. `awaitingReplies` is absent only in version 1. It is the only way the leaf moves other than a new message,
 * which always follows the leaf.
 * - `sibling`: the person chose `messageId`, an alternative of a message on the path; the path
 *   opens that branch where it was left (its leaf may lie below `messageId`).
 * - `branch`: the person continues from `messageId`, which is the leaf itself.
 * - `regenerate` / `edit`: the path goes back to the parent of `messageId`, the reply to
 *   regenerate or the message to edit; the new reply or message follows in the same append.
 */
export const ActivePathChanged = defineEvent(
  "ActivePathChanged",
  z.object({
    leafId: IdSchema.nullable(),
    previousLeafId: IdSchema.nullable(),
    via: z.enum(["sibling", "branch", "regenerate", "edit"]),
    messageId: IdSchema,
    clientRequestId: IdSchema,
    mood: MoodStateSchema.nullable(),
    affinity: z.int().min(AFFINITY_MIN).max(AFFINITY_MAX),
    awaitingReplies: z.int().min(0).optional(),
    changedAt: InstantSchema,
  }),
  { version: 2, upcasters: { 1: (data) => data } },
);
export type ActivePathChanged = EventOf<typeof ActivePathChanged>;

/** Hidden from the path the person sees and from what the agent is given; kept in the log. */
export const MessageHidden = defineEvent(
  "MessageHidden",
  z.object({ messageId: IdSchema, clientRequestId: IdSchema, hiddenAt: InstantSchema }),
);
export type MessageHidden = EventOf<typeof MessageHidden>;

export const MessageUnhidden = defineEvent(
  "MessageUnhidden",
  z.object({ messageId: IdSchema, clientRequestId: IdSchema, unhiddenAt: InstantSchema }),
);
export type MessageUnhidden = EventOf<typeof MessageUnhidden>;
