import { afterAll, beforeAll, describe, expect, it } from "vitest";
import webpush from "web-push";
import { WebPushSender } from "../../../src/adapters/webpush/webPushSender.ts";
import { CommandHandler } from "../../../src/application/commandHandler.ts";
import { EventLog } from "../../../src/application/eventLog.ts";
import {
  PushNotifier,
  pushWorthyFromEvent,
  removeExpiredWithCommands,
  subscriptionsFromUserStream,
} from "../../../src/application/push/pushNotifier.ts";
import { createCatalogue } from "../../../src/domain/catalogue.ts";
import { conversationDecider } from "../../../src/domain/conversation/decider.ts";
import { conversationStreamId, userStreamId } from "../../../src/domain/streamIds.ts";
import type { UserCommand } from "../../../src/domain/user/commands.ts";
import { userDecider } from "../../../src/domain/user/decider.ts";
import { type CoreHarness, startCoreHarness } from "../../support/coreHarness.ts";
import {
  browserSubscription,
  type PushServiceFake,
  startPushServiceFake,
} from "../../support/fakes/pushServiceFake.ts";
import { SimulatedClock } from "../../support/simulatedClock.ts";
import { testContext } from "../../support/testCommands.ts";
import { lifeWorld } from "../life/lifeWorld.ts";

let harness: CoreHarness;
let fake: PushServiceFake;
let commands: CommandHandler;
const clock = new SimulatedClock("2025-10-21T20:00:00Z");
const phone = () => browserSubscription(fake.endpoint("/push/phone"));
const laptop = () => browserSubscription(fake.endpoint("/push/laptop"));
let phoneKeys: ReturnType<typeof phone>;

beforeAll(async () => {
  harness = await startCoreHarness();
  fake = await startPushServiceFake();
  commands = new CommandHandler(new EventLog(harness.store, createCatalogue()));
  let n = 0;
  const run = (command: UserCommand) =>
    commands.handle(userDecider, userStreamId("sam"), command, {
      commandId: `setup-${++n}`,
      actor: "test",
      requestId: null,
      correlationId: "setup",
      causationId: null,
      now: clock.now(),
    });
  const now = clock.now().toISOString();
  await run({
    type: "RegisterUser",
    userId: "sam",
    subject: "sub-sam",
    displayName: "Sam",
    role: "user",
    now,
  });
  phoneKeys = phone();
  for (const device of [phoneKeys, laptop()])
    await run({ type: "RegisterPushSubscription", userId: "sam", ...device.subscription, now });
  fake.respond("/push/laptop", 410);
});

afterAll(async () => {
  await fake?.close();
  await harness?.close();
});

describe("PushNotifier with Web Push and the user stream", () => {
  it("delivers to live subscriptions and removes the one the push service says is gone", async () => {
    const keys = webpush.generateVAPIDKeys();
    const notifier = new PushNotifier({
      senders: {
        webpush: new WebPushSender({ ...keys, subject: "mailto:ops@withme.example", agent: fake.agent }),
      },
      subscriptions: subscriptionsFromUserStream(commands),
      isOnline: () => false,
      removeExpired: removeExpiredWithCommands(commands, clock),
    });
    const event = {
      kind: "initiation" as const,
      userId: "sam",
      agentId: "lena",
      agentName: "Lena",
      text: "Thinking of you.",
    };
    expect(await notifier.notify(event)).toEqual({ skipped: null, delivered: 1, expired: 1, failed: 0 });
    const delivered = fake.requests.find((r) => r.path === "/push/phone")!;
    expect(JSON.parse(phoneKeys.decrypt(delivered.body).toString())).toMatchObject({
      title: "Lena",
      body: "Thinking of you.",
    });
    const stream = await harness.store.readStream(userStreamId("sam"));
    expect(stream.at(-1)).toMatchObject({
      type: "PushSubscriptionRemoved",
      data: { userId: "sam", endpoint: fake.endpoint("/push/laptop"), reason: "expired" },
    });
    expect((await subscriptionsFromUserStream(commands)("sam")).map((s) => s.endpoint)).toEqual([
      fake.endpoint("/push/phone"),
    ]);
    expect(await notifier.notify(event)).toEqual({ skipped: null, delivered: 1, expired: 0, failed: 0 });
  });
});

describe("pushWorthyFromEvent", () => {
  it("names the person, the agent and the text of a finished reply; a greeting and other events are not pushed", async () => {
    const world = lifeWorld(harness.store);
    const at = new Date("2025-10-21T20:05:00Z");
    await world.createAgent(
      {
        agentId: "aiko",
        name: "Aiko Tanaka",
        identity: { homeCity: "Sydney", occupation: "student", timezone: "Australia/Sydney" },
        interests: [],
      },
      at,
    );
    // The greeting opens a conversation the person is opening or writing in: nothing to tell them.
    await world.commands.handle(
      conversationDecider,
      conversationStreamId("sam", "aiko"),
      {
        type: "GreetPerson",
        userId: "sam",
        agentId: "aiko",
        messageId: "hello",
        text: "Hi Sam.",
        now: at.toISOString(),
      },
      testContext(at),
    );
    await world.exchange("sam", "aiko", at);
    const stream = await harness.events.readStream(conversationStreamId("sam", "aiko"));
    const pushes = await Promise.all(
      stream.map((event) =>
        event.type === "AgentReplyCompleted" || event.type === "AgentInitiatedMessage"
          ? pushWorthyFromEvent(event, world.commands)
          : null,
      ),
    );
    expect(pushes.filter((p) => p !== null)).toEqual([
      {
        kind: "reply",
        userId: "sam",
        agentId: "aiko",
        agentName: "Aiko Tanaka",
        text: "Good to hear from you!",
      },
    ]);
  });
});
