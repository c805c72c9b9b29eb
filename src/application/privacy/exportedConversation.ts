import type { WithdrawnSummary } from "./summaryFactsNow.ts";

/** What a person's export holds of one conversation with an agent. */

export interface ExportedMessage {
  id: string;
  from: "person" | "agent";
  text: string;
  sentAt: string;
  /** The message it follows in the conversation tree (null for the first). */
  parentId: string | null;
  /** On the path the conversation shows now, rather than an alternative or an abandoned branch. */
  onActivePath: boolean;
  /** Taken out of view by the person (kept in the log). */
  hidden: boolean;
}

export interface ExportedFact {
  id: string;
  text: string;
  /** The person's own words the fact was drawn from (facts from before quotes were kept have none). */
  quote: string | null;
  kind: string;
  recordedAt: string;
  correctedAt: string | null;
  /** The wordings it was corrected from, oldest first: the log still holds them. */
  earlierTexts: string[];
  sourceMessageIds: string[];
}

/** A fact the person had the agent forget: recall never brings it back, but the log still holds it. */
export interface ExportedForgottenFact extends ExportedFact {
  forgottenAt: string;
}

/** How the agent's mood and its closeness to the person moved, and why, reply by reply. */
export interface ExportedFeeling {
  kind: "mood" | "affinity";
  /** The mood reached, or the affinity reached. */
  value: string | number;
  /** The affinity's change; null for a mood. */
  delta: number | null;
  reason: string;
  /** The reply that caused it. */
  causedBy: string | null;
}

/** A picture the agent agreed to send: the scene asked for and the prompt drawn from it. */
export interface ExportedPicture {
  imageJobId: string;
  scenePrompt: string;
  prompt: string | null;
  grantedAt: string;
}

export interface ExportedConversation {
  agentId: string;
  agentName: string;
  startedAt: string | null;
  messages: ExportedMessage[];
  /**
   * What the agent remembers from this conversation: each summary with the facts it listed as they
   * are remembered now (forgotten ones left out, corrected ones in their new words). A summary drawn
   * from a message whose fact was since forgotten or corrected is withdrawn and listed apart.
   */
  memories: { summary: string; facts: string[] }[];
  withdrawnMemories: WithdrawnSummary[];
  /** The facts remembered about the person, as they stand now (forgotten ones left out). */
  facts: ExportedFact[];
  forgottenFacts: ExportedForgottenFact[];
  feelings: ExportedFeeling[];
  pictures: ExportedPicture[];
  /** The active path as a SillyTavern chat file (JSON Lines), other replies as swipes; as `exportChat` gives it. */
  sillyTavernJsonl: string;
}
