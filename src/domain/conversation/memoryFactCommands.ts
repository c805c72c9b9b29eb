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

export interface ForgetMemoryFact extends ConversationAddress {
  type: "ForgetMemoryFact";
  factId: string;
  by: MemoryFactEditor;
}
