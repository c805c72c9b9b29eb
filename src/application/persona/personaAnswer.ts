/** The part of a reply that answers the person's question. */
export interface Answer {
  sentences: string[];
  /** True when the answer already used the recalled memory. */
  usedMemory: boolean;
}
