import { createHash } from "node:crypto";
import { agentDecider } from "../../domain/agent/decider.ts";
import { conversationDecider } from "../../domain/conversation/decider.ts";
import { agentStreamId, userStreamId } from "../../domain/streamIds.ts";
import { userDecider } from "../../domain/user/decider.ts";
import type { PushKind } from "../../domain/user/events.ts";
import type { Clock } from "../../ports/clock.ts";
import type { PushNotification, PushSender, PushTarget } from "../../ports/pushSender.ts";
import type { CommandHandler } from "../commandHandler.ts";
import type { StoredEventOf } from "../eventLog.ts";

/** Something a person should hear about while away: a finished reply, or a message the agent wrote first. */
export interface PushWorthy {
  kind: "reply" | "initiation";
  userId: string;
  agentId: string;
  agentName: string;
  text: string;
}

export interface PushNotifierOptions {
  /** One sender per kind that is configured; subscriptions of other kinds are left alone. */
  senders: Partial<Record<PushKind, PushSender>>;
  subscriptions: (userId: string) => Promise<readonly PushTarget[]>;
  /** Whether the person has a live connection (a subscription open on the API); then nothing is pushed. */
  isOnline: (userId: string) => boolean | Promise<boolean>;
  /** Called when a provider says a subscription is gone (404/410). */
  removeExpired: (userId: string, endpoint: string) => Promise<void>;
  onError?: (error: unknown, context: { userId: string; kind: PushKind }) => void;
}

export interface PushReport {
  skipped: "online" | "no subscriptions" | null;
  delivered: number;
  expired: number;
  failed: number;
}

const BODY_MAX = 140;

export function notificationFor(event: PushWorthy): PushNotification {
  const text = event.text.replace(/\s+/g, " ").trim();
  const body = text.length > BODY_MAX ? `${text.slice(0, BODY_MAX - 1).trimEnd()}…` : text;
  return {
    title: event.agentName,
    body,
    url: `/chat/${encodeURIComponent(event.agentId)}`,
    tag: `conversation-${event.agentId}`,
    ttlSeconds: event.kind === "reply" ? 6 * 3600 : 24 * 3600,
    urgency: event.kind === "reply" ? "high" : "normal",
  };
}

/** Tells a person who is not connected about a new reply or an initiation, on every device they registered. */
export class PushNotifier {
  readonly #options: PushNotifierOptions;

  constructor(options: PushNotifierOptions) {
    this.#options = options;
  }

  async notify(event: PushWorthy): Promise<PushReport> {
    const report: PushReport = { skipped: null, delivered: 0, expired: 0, failed: 0 };
    if (await this.#options.isOnline(event.userId)) return { ...report, skipped: "online" };
    const targets = (await this.#options.subscriptions(event.userId)).filter(
      (t) => this.#options.senders[t.kind],
    );
    if (targets.length === 0) return { ...report, skipped: "no subscriptions" };
    const notification = notificationFor(event);
    await Promise.all(
      targets.map(async (target) => {
        try {
          const outcome = await this.#options.senders[target.kind]!.send(target, notification);
          if ("expired" in outcome) {
            report.expired++;
            await this.#options.removeExpired(event.userId, target.endpoint);
          } else report.delivered++;
        } catch (error) {
          report.failed++;
          this.#options.onError?.(error, { userId: event.userId, kind: target.kind });
        }
      }),
    );
    return report;
  }
}

/** The person's subscriptions, read from their user stream. */
export function subscriptionsFromUserStream(commands: CommandHandler) {
  return async (userId: string): Promise<readonly PushTarget[]> =>
    (await commands.load(userDecider, userStreamId(userId))).state.pushSubscriptions;
}

/** Removes an expired subscription through `RemovePushSubscription`; the same endpoint twice writes once. */
export function removeExpiredWithCommands(commands: CommandHandler, clock: Clock) {
  return async (userId: string, endpoint: string): Promise<void> => {
    const now = clock.now();
    const key = createHash("sha256").update(endpoint).digest("base64url").slice(0, 22);
    await commands.handle(
      userDecider,
      userStreamId(userId),
      { type: "RemovePushSubscription", userId, endpoint, reason: "expired", now: now.toISOString() },
      {
        commandId: `push-expired:${userId}:${key}:${now.toISOString()}`,
        actor: "push",
        requestId: null,
        correlationId: `push-expired:${userId}`,
        causationId: null,
        now,
      },
    );
  };
}

/** The push for a stored `AgentReplyCompleted` or `AgentInitiatedMessage`. */
export async function pushWorthyFromEvent(
  event: StoredEventOf<"AgentReplyCompleted" | "AgentInitiatedMessage">,
  commands: CommandHandler,
): Promise<PushWorthy | null> {
  // A greeting opens a conversation the person is opening or writing in right then.
  if (event.type === "AgentInitiatedMessage" && event.data.trigger === "greeting") return null;
  const { userId, agentId } = (
    await commands.load(conversationDecider, event.streamId, { atLeastRevision: event.revision })
  ).state;
  if (!userId || !agentId) return null;
  const agent = (await commands.load(agentDecider, agentStreamId(agentId))).state;
  const { text } = event.data;
  return {
    kind: event.type === "AgentReplyCompleted" ? "reply" : "initiation",
    userId,
    agentId,
    agentName: agent.profile?.name ?? "Your companion",
    text,
  };
}
