import type { AgentGenerator } from "../application/agents/agentGenerator.ts";
import type { EngineSettings } from "../application/engine/engineDependencies.ts";
import type { ImageSettings } from "../application/images/imageDependencies.ts";
import type { Strategies } from "../application/strategies.ts";
import type { MutationRateLimit } from "../graphql/rateLimit.ts";
import type { SubscriptionCaps } from "../graphql/subscriptionLimits.ts";
import type { Clock } from "../ports/clock.ts";
import type { Embedder } from "../ports/embedder.ts";
import type { ImageGenerator } from "../ports/imageGenerator.ts";
import type { VectorIndex } from "../ports/vectorIndex.ts";
import type { Weather } from "../ports/weather.ts";
import type { MediaChoice } from "./adapterTable.ts";
import type { PushSenders } from "./pushChoice.ts";

/** The providers behind the ports, each a real adapter or its honest offline default. */
export interface Providers {
  /** How replies and other texts are written: with the chat model, or offline. */
  strategies: Strategies;
  embedder: Embedder;
  vectorIndex: VectorIndex;
  images: ImageGenerator;
  media: MediaChoice;
  push: PushSenders;
  weather: Weather;
}

/**
 * What a test (or an embedding program) may put in place of what configuration chooses: the
 * composition stays the one in this folder, with these parts swapped.
 */
export interface Overrides {
  clock?: Clock;
  providers?: Partial<Providers>;
  engineSettings?: Partial<EngineSettings>;
  imageSettings?: Partial<ImageSettings>;
  api?: {
    rateLimit?: MutationRateLimit;
    subscriptionCaps?: SubscriptionCaps;
    agentGenerator?: AgentGenerator;
    persistedOperationsFile?: string;
    /** The built web client served at `/`. */
    clientDist?: string;
  };
  /** How often due account deletions are looked for (default a minute). */
  erasureSweepMs?: number;
  /** How long in-flight reactor work may take to finish on shutdown. */
  drainMs?: number;
  /** Stop on SIGINT/SIGTERM (the command line does; tests do not). */
  handleSignals?: boolean;
}
