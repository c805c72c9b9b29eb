import type { Logger } from "../../observability/logger.ts";
import type { Clock } from "../../ports/clock.ts";
import type { Embedder } from "../../ports/embedder.ts";
import type { LiveBus } from "../../ports/liveBus.ts";
import type { VectorIndex } from "../../ports/vectorIndex.ts";
import type { Weather } from "../../ports/weather.ts";
import type { Appraiser } from "../appraisal/modelAppraisal.ts";
import type { CommandHandler } from "../commandHandler.ts";
import type { EventLog } from "../eventLog.ts";
import type { TurnPriority } from "../processing/turnPriority.ts";
import type { MemorySummaryWriter } from "./memorySummaryWriter.ts";
import type { ReplyComposer } from "./replyComposer.ts";
import type { TurnReads } from "./turnReads.ts";

/** A conversation whose latest message from the person has no reply yet. */
export interface AwaitingReply {
  streamId: string;
  userId: string;
  agentId: string;
  affinity: number;
}

/** Read-model backed: the conversations still owed a reply, in stream id order, a page at a time. */
export interface AwaitingReplies {
  awaitingReplies(page: { after: string | null; limit: number }): Promise<AwaitingReply[]>;
}

export interface EngineSettings {
  /** A reply that takes longer than this fails with reason `timeout`. */
  replyTimeoutMs: number;
  /** Summarise once this many messages are not yet in a summary. */
  summarizeEvery: number;
  /** Memories retrieved per turn, and the least similarity that counts as relevant. */
  memoryTopK: number;
  memoryMinScore: number;
  /** Longest reply the model may write, in tokens. */
  maxReplyTokens: number;
  maxPromptTokens: number;
  /**
   * What a sleeping agent does with a message from someone not close to it: answer when it wakes
   * up (`defer`), or wake up and answer drowsily at once (`drowsy`).
   */
  asleepReplies: "defer" | "drowsy";
  /** How often the conversations waiting for a sleeping agent are looked at. */
  deferredSweepMs: number;
  /**
   * How old what a turn (and the facts and summaries drawn from it) knows of the agent, the person
   * and their memory index may be before it is read again: they change seldom, and what this process
   * writes it knows at once, so only an edit another process made within this time is not yet seen.
   */
  contextFreshMs: number;
}

export const defaultEngineSettings: EngineSettings = {
  replyTimeoutMs: 90_000,
  summarizeEvery: 12,
  memoryTopK: 6,
  memoryMinScore: 0.12,
  maxReplyTokens: 400,
  maxPromptTokens: 3_000,
  asleepReplies: "defer",
  deferredSweepMs: 60_000,
  contextFreshMs: 2_000,
};

/** What the conversation engine works with; `src/main.ts` chooses the adapters. */
export interface EngineDependencies {
  commands: CommandHandler;
  events: EventLog;
  bus: LiveBus;
  /** Writes the replies (a chat model, or the offline persona engine). */
  replies: ReplyComposer;
  appraiser: Appraiser;
  summaries: MemorySummaryWriter;
  embedder: Embedder;
  vectorIndex: VectorIndex;
  clock: Clock;
  logger: Logger;
  settings: EngineSettings;
  /** Conversation texts and agents' life events, read once and kept up to date. */
  turnReads: TurnReads;
  /** Where deferred replies are found again after a restart; without it they wait for the next message. */
  awaitingReplies?: AwaitingReplies;
  /** The weather in the agent's city; without it, the city's climate normals. */
  weather?: Weather;
  /** Puts the first words of replies ahead of the rest of the work; without it nothing waits. */
  turns?: Pick<TurnPriority, "begin" | "place" | "yieldToTurns">;
}
