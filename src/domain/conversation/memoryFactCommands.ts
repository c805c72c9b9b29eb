import type { ConversationAddress } from "./address.ts";
import type { MemoryFactEditor, MemoryFactKind } from "./memoryFactEvents.ts";

export interface RecordMemoryFact extends ConversationAddress {
  type: "RecordMemoryFact";
  factId: string;
  text: string;
  kind: MemoryFactKind;
  sourceMessageIds: readonly string[];
  quote?: string;
}

export interface CorrectMemoryFact extends ConversationAddress {
  type: "CorrectMemoryFact";
  factId: string;
  text: string;
  by: MemoryFactEditor;
}

/** Withdraws the summaries drawn from the message of a fact since forgotten or corrected. */
export interface WithdrawMemorySummaries extends ConversationAddress {
  type: "WithdrawMemorySummaries";
  factId: string;
  summaryIds: readonly string[];
}

/**
 * Writes a withdrawn summary's stretch again from the messages left once those that told a fact
 * since forgotten or corrected (`leavesOut`) are taken out; on the same path, over the same range.
 */
export interface RewriteMemorySummary extends ConversationAddress {
  type: "RewriteMemorySummary";
  summaryId: string;
  rewrites: string;
  leavesOut: readonly string[];
  summary: string;
  facts: readonly string[];
  coversFromRevision: number;
  coversToRevision: number;
  messageCount: number;
  causedBy?: string;
}

export interface ForgetMemoryFact extends ConversationAddress {
  type: "ForgetMemoryFact";
  factId: string;
  by: MemoryFactEditor;
}
