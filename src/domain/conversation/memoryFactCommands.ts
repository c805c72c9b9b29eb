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

export interface ForgetMemoryFact extends ConversationAddress {
  type: "ForgetMemoryFact";
  factId: string;
  by: MemoryFactEditor;
}
