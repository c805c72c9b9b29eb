import { z } from "zod";
import { defineEvent, type EventOf } from "../shared/eventCatalogue.ts";
import { IdSchema, InstantSchema, textSchema } from "../shared/schemas.ts";

/** What a remembered fact is about; questions about a kind ("what do I do?") look for it first. */
export const memoryFactKinds = [
  "person",
  "pet",
  "place",
  "work",
  "date",
  "preference",
  "health",
  "plan",
  "other",
] as const;
export type MemoryFactKind = (typeof memoryFactKinds)[number];

export const MEMORY_FACT_MAX = 500;
export const MEMORY_FACT_SOURCES_MAX = 100;

/** Who changed a remembered fact: the person it is about, or an operator. */
export const MemoryFactEditorSchema = z.enum(["person", "admin"]);
export type MemoryFactEditor = z.infer<typeof MemoryFactEditorSchema>;

/** A lasting fact about the person, taken from the messages it names. */
export const MemoryFactRecorded = defineEvent(
  "MemoryFactRecorded",
  z.object({
    factId: IdSchema,
    text: textSchema(1, MEMORY_FACT_MAX),
    kind: z.enum(memoryFactKinds),
    sourceMessageIds: z.array(IdSchema).min(1).max(MEMORY_FACT_SOURCES_MAX),
    /** The person's own words it was taken from, when it comes from one clause of a message. */
    quote: textSchema(1, MEMORY_FACT_MAX).optional(),
    recordedAt: InstantSchema,
  }),
);
export type MemoryFactRecorded = EventOf<typeof MemoryFactRecorded>;

export const MemoryFactCorrected = defineEvent(
  "MemoryFactCorrected",
  z.object({
    factId: IdSchema,
    text: textSchema(1, MEMORY_FACT_MAX),
    by: MemoryFactEditorSchema,
    correctedAt: InstantSchema,
  }),
);
export type MemoryFactCorrected = EventOf<typeof MemoryFactCorrected>;

/** The fact is no longer remembered: recall never brings it back. */
export const MemoryFactForgotten = defineEvent(
  "MemoryFactForgotten",
  z.object({ factId: IdSchema, by: MemoryFactEditorSchema, forgottenAt: InstantSchema }),
);
export type MemoryFactForgotten = EventOf<typeof MemoryFactForgotten>;

export const MEMORY_SUMMARIES_WITHDRAWN_MAX = 200;

/**
 * Summaries drawn from a message that told a fact since forgotten or corrected: their own words
 * may still say it, so they are no longer recalled, listed or exported as memories.
 */
export const MemorySummariesWithdrawn = defineEvent(
  "MemorySummariesWithdrawn",
  z.object({
    factId: IdSchema,
    summaryIds: z.array(IdSchema).min(1).max(MEMORY_SUMMARIES_WITHDRAWN_MAX),
    withdrawnAt: InstantSchema,
  }),
);
export type MemorySummariesWithdrawn = EventOf<typeof MemorySummariesWithdrawn>;
