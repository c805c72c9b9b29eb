import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReadModelLifeDirectory } from "../../src/adapters/postgres/readModelLifeDirectory.ts";
import { defaultInitiationConfig } from "../../src/application/life/initiationPolicy.ts";
import { LifeScheduler } from "../../src/application/life/lifeScheduler.ts";
import { conversationStreamId } from "../../src/domain/streamIds.ts";
import { eveningZone } from "../client/apiSteps.ts";
import { eventually } from "../support/coreHarness.ts";
import { SimulatedClock } from "../support/simulatedClock.ts";
import {
  agentInput,
  CREATE_AGENT,
  collect,
  gql,
  type Loose,
  listening,
  startTestApi,
  type TestApi,
  wsClient,
} from "./apiHarness.ts";
import { reactorStandIn } from "./reactorStandIn.ts";

let api: TestApi;
const token = "dev:noa";
// Five hours on, the person has been quiet long enough; the agent's clock then reads 19:something.
const clock = new SimulatedClock(new Date(Date.now() + 5 * 3_600_000));
const zone = eveningZone(clock.now());
const UPDATE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }`;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.close());

async function readModelsShow(selection: string, shown: (data: Loose) => boolean): Promise<void> {
  await eventually(async () => {
    const { data } = await gql(api.url, `{ ${selection} }`, {}, token);
    return data !== undefined && data !== null && shown(data);
  });
}

/** A conversation the agent may write into: answered, warm, and then silent. */
async function warmConversation(agentId: string, userId: string) {
  const sent = await gql(
    api.url,
    `mutation($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }`,
    { input: { agentId, text: "Hi Noor, see you later!", clientMessageId: randomUUID() } },
    token,
  );
  await reactorStandIn(api.system, userId, agentId).reply(sent.data!.sendMessage.message.id, "Later!");
  const now = new Date().toISOString();
  await api.system.eventStore.append(
    conversationStreamId(userId, agentId),
    [
      {
        id: randomUUID(),
        type: "AffinityChanged",
        data: { delta: 5, requestedDelta: 5, reason: "they have grown close", value: 40 },
        metadata: {
          occurredAt: now,
          correlationId: randomUUID(),
          causationId: null,
          actor: "test:initiations",
          requestId: null,
          schemaVersion: 1,
        },
      },
    ],
    "stream_exists",
  );
}

describe("agent-initiated messages", () => {
  it("respect quiet hours and do-not-disturb from the profile, and arrive live as INITIATED", async () => {
    const base = agentInput("Noor");
    const created = await gql(
      api.url,
      CREATE_AGENT,
      { input: { ...base, identity: { ...base.identity, occupation: "illustrator", timezone: zone } } },
      "dev",
    );
    const agentId = created.data!.createAgent.agentId as string;
    const userId = (await gql(api.url, "{ me { id } }", {}, token)).data!.me.id as string;
    await gql(
      api.url,
      UPDATE,
      { input: { timezone: zone, quietHours: { start: "18:00", end: "21:00" } } },
      token,
    );
    await warmConversation(agentId, userId);

    const events = collect(
      wsClient(api.wsUrl, token),
      `subscription($agentId: ID!) { conversationEvents(agentId: $agentId) {
        __typename ... on MessageAdded { revision message { id kind role status text } } } }`,
      { agentId },
      (items) => items.some((i) => i.conversationEvents.message?.kind === "INITIATED"),
    );
    await listening(api, token);
    // The scheduler reads the read models, as in production: each step waits until they show it.
    await readModelsShow(
      `conversation(agentId: "${agentId}") { state { affinity } }`,
      (d) => d.conversation?.state.affinity === 40,
    );
    await readModelsShow("me { quietHours { start } }", (d) => d.me.quietHours?.start === "18:00");
    const directory = new ReadModelLifeDirectory(api.system.database.sql, clock);
    const scheduler = new LifeScheduler({
      commands: api.system.commands,
      agents: directory,
      conversations: directory,
      config: { initiation: { ...defaultInitiationConfig, chancePerCheck: 1 }, lifeEventChance: 0 },
    });

    const inQuietHours = await scheduler.tick(clock.now());
    expect(inQuietHours).toMatchObject({ initiations: 0, blocked: { QuietHours: 1 } });

    await gql(
      api.url,
      UPDATE,
      { input: { doNotDisturb: true, quietHours: { start: "23:00", end: "07:00" } } },
      token,
    );
    await readModelsShow("me { doNotDisturb }", (d) => d.me.doNotDisturb === true);
    const doNotDisturb = await scheduler.tick(clock.now());
    expect(doNotDisturb).toMatchObject({ initiations: 0, blocked: { DoNotDisturb: 1 } });

    await gql(api.url, UPDATE, { input: { doNotDisturb: false } }, token);
    await readModelsShow("me { doNotDisturb }", (d) => d.me.doNotDisturb === false);
    expect(await scheduler.tick(clock.now())).toMatchObject({ initiations: 1 });

    const items = await events.finished;
    events.client.dispose();
    const added = items
      .map((i) => i.conversationEvents)
      .filter((e: Loose) => e.__typename === "MessageAdded");
    expect(added).toHaveLength(1);
    expect(added[0].message).toMatchObject({ kind: "INITIATED", role: "AGENT", status: "SENT" });
    expect(added[0].message.text.length).toBeGreaterThan(0);

    const listed = await eventually(async () => {
      const page = await gql(
        api.url,
        `query($agentId: ID!) { conversation(agentId: $agentId) { messages(last: 10) { edges { node { id kind } } } } }`,
        { agentId },
        token,
      );
      // The greeting that opened the conversation is an initiated message too.
      return page.data!.conversation.messages.edges.find((e: Loose) => e.node.id === added[0].message.id);
    });
    expect(listed.node.kind).toBe("INITIATED");
  });
});
