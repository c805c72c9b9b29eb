import type { MemoryFactKind } from "./memoryFactEvents.ts";

/** A fact the agent remembers about the person, as the decider needs it. */
export interface RememberedFact {
  text: string;
  kind: MemoryFactKind;
  sourceMessageIds: readonly string[];
  quote: string | null;
  recordedAt: string;
  correctedAt: string | null;
  /** Once corrected, the words it was recorded in, which a summary of the messages may repeat. */
  recordedText?: string;
  forgotten: boolean;
  /** The summaries withdrawn because they were drawn from the message this fact came from. */
  withdrawnSummaryIds?: readonly string[];
}
