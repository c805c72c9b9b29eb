import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import webpush from "web-push";
import { InProcessPresence } from "../../../src/adapters/local/inProcessPresence.ts";
import { PostgresCheckpointStore } from "../../../src/adapters/postgres/postgresCheckpointStore.ts";
import { WebPushSender } from "../../../src/adapters/webpush/webPushSender.ts";
import { createAgent } from "../../../src/application/agents/createAgent.ts";
import { sendMessage } from "../../../src/application/conversations/sendMessage.ts";
import {
  notificationFor,
  PushNotifier,
  removeExpiredWithCommands,
  subscriptionsFromUserStream,
} from "../../../src/application/push/pushNotifier.ts";
import { pushReactor } from "../../../src/application/push/pushReactor.ts";
import { runReactor } from "../../../src/application/reactors/reactor.ts";
import { registerPushSubscription } from "../../../src/application/users/pushSubscriptions.ts";
import { registerUser } from "../../../src/application/users/registerUser.ts";
import { conversationStreamId } from "../../../src/domain/streamIds.ts";
import { eventually } from "../../support/coreHarness.ts";
import { type EngineHarness, startEngineHarness } from "../../support/engineHarness.ts";
import {
  browserSubscription,
  type PushServiceFake,
  startPushServiceFake,
  verifyVapid,
} from "../../support/fakes/pushServiceFake.ts";

/**
 * The worker's path for a person who is away: a message is answered by the reply reactor, the push
 * reactor sees the finished reply, and Web Push delivers it, encrypted and VAPID-signed, to the
 * browser's push service (a local fake). A person with a live connection gets nothing.
 */
let harness: EngineHarness;
let fake: PushServiceFake;
const presence = new InProcessPresence();
const onlineChecks: boolean[] = [];
const vapid = webpush.generateVAPIDKeys();
const controller = new AbortController();
let running: Promise<void>;
let userId: string;
let agentId: string;
let browser: ReturnType<typeof browserSubscription>;

const meta = () => ({ actor: "test:push", requestId: null, now: harness.clock.now() });
const say = (text: string) =>
  sendMessage(
    { commands: harness.engine.commands, events: harness.events },
    { userId, agentId, text, clientMessageId: randomUUID() },
    meta(),
  );

beforeAll(async () => {
  // Replies go out at once, whatever the hour in Berlin when the suite runs.
  harness = await startEngineHarness({
    start: new Date().toISOString(),
    settings: { asleepReplies: "drowsy" },
  });
  fake = await startPushServiceFake();
  const { commands } = harness.engine;
  const notifier = new PushNotifier({
    senders: {
      webpush: new WebPushSender({ ...vapid, subject: "mailto:ops@withme.example", agent: fake.agent }),
    },
    subscriptions: subscriptionsFromUserStream(commands),
    isOnline: async (id) => {
      const online = await presence.isOnline(id);
      onlineChecks.push(online);
      return online;
    },
    removeExpired: removeExpiredWithCommands(commands, harness.clock),
  });
  const checkpoints = new PostgresCheckpointStore(harness.raw);
  // The push reactor starts from the head when it first takes its lease; pinning that start here
  // keeps a busy machine from letting the first reply in before the reactor is up.
  await checkpoints.save("push", await harness.store.headPosition());
  const deps = {
    events: harness.events,
    checkpoints,
    leases: harness.leases,
    clock: harness.clock,
    logger: harness.logger,
  };
  running = runReactor(pushReactor(commands, notifier, harness.clock), deps, controller.signal);
  const principal = {
    provider: "dev" as const,
    subject: "dev:rio",
    displayName: "Rio",
    role: "user" as const,
    email: null,
    expiresAt: null,
  };
  userId = (await registerUser(commands, principal, meta())).userId;
  agentId = (
    await createAgent(
      { commands },
      {
        name: "Lena Vogel",
        persona: {
          summary: "Lena is a warm illustrator in Berlin who loves long walks.",
          traits: ["warm", "curious"],
          speakingStyle: "Short, friendly messages.",
          backstory: "Grew up by the sea and moved to Berlin to draw.",
          interests: ["drawing"],
        },
        identity: { homeCity: "Berlin", occupation: "illustrator", timezone: "Europe/Berlin" },
        appearancePrompt: "short red hair, round glasses",
      },
      meta(),
    )
  ).agentId;
  browser = browserSubscription(fake.endpoint("/push/rio-laptop"));
  const { endpoint, keys } = browser.subscription;
  await registerPushSubscription(commands, userId, { endpoint, keys }, meta());
});

afterAll(async () => {
  controller.abort();
  await running;
  await fake?.close();
  await harness?.close();
});

const completedReplies = async () =>
  (await harness.store.readStream(conversationStreamId(userId, agentId)))
    .filter((e) => e.type === "AgentReplyCompleted")
    .map((e) => (e.data as { text: string }).text);

describe("push, end to end", () => {
  it("sends a finished reply to the browser of a person who is not connected", async () => {
    await say("Hi Lena, how was the studio today?");
    const [reply] = await eventually(async () => {
      const texts = await completedReplies();
      return texts.length === 1 && texts;
    }, 30_000);
    const request = await eventually(async () => fake.requests[0], 30_000);
    expect(request.path).toBe("/push/rio-laptop");
    expect(request.headers.ttl).toBe(String(6 * 3600));
    expect(request.headers.urgency).toBe("high");
    const { publicKey, claims } = await verifyVapid(request.headers.authorization, fake.origin);
    expect(publicKey).toBe(vapid.publicKey);
    expect(claims.sub).toBe("mailto:ops@withme.example");
    const payload = JSON.parse(browser.decrypt(request.body).toString("utf8"));
    const shown = notificationFor({ kind: "reply", userId, agentId, agentName: "Lena Vogel", text: reply! });
    expect(payload).toEqual({
      title: "Lena Vogel",
      body: shown.body,
      url: `/chat/${agentId}`,
      tag: `conversation-${agentId}`,
    });
    expect(payload.body.length).toBeGreaterThan(0);
  });

  it("sends nothing while the person has a live connection", async () => {
    const leave = presence.connected(userId);
    await say("I'm here now, on the app.");
    // The reactor has looked at the second reply once it has asked about presence twice.
    await eventually(
      async () => onlineChecks.length === 2 && (await completedReplies()).length === 2,
      30_000,
    );
    expect(onlineChecks).toEqual([false, true]);
    leave();
    await say("Gone again. Tell me later!");
    await eventually(async () => fake.requests.length === 2, 30_000);
    expect(onlineChecks).toEqual([false, true, false]);
    expect(fake.requests.map((r) => r.path)).toEqual(["/push/rio-laptop", "/push/rio-laptop"]);
  });
});
