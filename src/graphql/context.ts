import type { CommonQueryMethods } from "slonik";
import type { AgentGenerator } from "../application/agents/agentGenerator.ts";
import type { BasePortraitQueue } from "../application/agents/basePortraitQueue.ts";
import type { CommandHandler } from "../application/commandHandler.ts";
import type { LocalTurns } from "../application/conversations/sendMessage.ts";
import type { EventLog } from "../application/eventLog.ts";
import type { AccountPrivacy } from "../application/privacy/accountDeletion.ts";
import type { PushConfig } from "../application/users/pushConfig.ts";
import type { RequestMeta } from "../application/users/requestMeta.ts";
import type { Principal } from "../ports/authenticator.ts";
import type { Clock } from "../ports/clock.ts";
import type { LiveBus } from "../ports/liveBus.ts";
import type { MediaStorage } from "../ports/mediaStorage.ts";
import type { Presence } from "../ports/presence.ts";
import type { ConversationSnapshots } from "./conversationSnapshots.ts";
import type { CommittedEventFeed } from "./eventFeed.ts";
import type { LiveTopics } from "./liveTopics.ts";
import type { ProjectionAdmin } from "./projectionAdmin.ts";
import type { RecentWrites } from "./recentWrites.ts";
import type { RoleChanges } from "./roleChanges.ts";
import type { OpenSubscriptions } from "./subscriptionLimits.ts";

/** The signed-in person, registered on first sight. */
export interface Viewer {
  userId: string;
  role: "user" | "admin";
  principal: Principal;
}

/** What the resolvers may use; built once per server and shared by every request. */
export interface ApiServices {
  commands: CommandHandler;
  /** Events read through the catalogue; `events.store` is the store itself, for operators. */
  events: EventLog;
  bus: LiveBus;
  clock: Clock;
  /** The read models (`rm.*` views), read through the projections' queries. */
  readModels: CommonQueryMethods;
  feed: CommittedEventFeed;
  /** The live bus's conversation topics, each subscribed to once for all its watchers. */
  liveTopics: LiveTopics;
  projections: ProjectionAdmin;
  basePortraits: BasePortraitQueue | null;
  agentGenerator: AgentGenerator | null;
  /** Where imported card images are kept and exported ones read from; null when not set up. */
  media: MediaStorage | null;
  /** Counts subscriptions that are open, for the metrics. */
  onSubscription(delta: 1 | -1): void;
  /** Caps open subscriptions per connection and per person. */
  subscriptions: OpenSubscriptions;
  /** Where new conversation subscriptions start reading. */
  snapshots: ConversationSnapshots;
  /** Who has a live connection, so push notifications go only to people who are away. */
  presence: Presence | null;
  /** What browsers need to subscribe to notifications (the `pushConfig` query). */
  push: PushConfig;
  /** Account deletion and erasure; null where the server runs without them. */
  privacy: AccountPrivacy | null;
  /** Tells open subscriptions that needed the admin role when their viewer is demoted. */
  roles?: Pick<RoleChanges, "onDemoted">;
  /** Replies this process writes to the messages it accepts; null where another process writes them. */
  localTurns: LocalTurns | null;
  /** This process's own latest writes, which reads of their read models wait to show. */
  recentWrites: Pick<RecentWrites, "shown" | "shownAny">;
}

export interface GraphQLContext {
  viewer: Viewer | null;
  requestId: string;
  services: ApiServices;
  /** Aborted when the request or socket goes away. */
  signal: AbortSignal;
  /** The WebSocket connection (or the HTTP request) the operation came on; subscriptions are counted by it. */
  connection: object;
  /**
   * Takes `points` of the person's change budget for a costly read (at most the whole budget, so
   * any read can be made once the budget is full), or throws RATE_LIMITED.
   */
  chargeRead?: (points: number) => Promise<void>;
}

export function requestMeta(context: GraphQLContext): RequestMeta {
  const viewer = context.viewer;
  return {
    actor: viewer ? `${viewer.role === "admin" ? "admin" : "user"}:${viewer.userId}` : "anonymous",
    requestId: context.requestId,
    now: context.services.clock.now(),
  };
}

/** The viewer, where scope-auth has already made sure there is one. */
export function viewerOf(context: GraphQLContext): Viewer {
  if (!context.viewer) throw new Error("resolver ran without a viewer; its field needs an auth scope");
  return context.viewer;
}
