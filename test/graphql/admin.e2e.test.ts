import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../support/coreHarness.ts";
import {
  codesOf,
  collect,
  createAgent,
  gql,
  listening,
  startTestApi,
  type TestApi,
  wsClient,
} from "./apiHarness.ts";

let api: TestApi;
let agentId: string;

beforeAll(async () => {
  api = await startTestApi();
  agentId = await createAgent(api.url, "Noor");
});
afterAll(async () => api?.close());

const AGENT = `query($id: ID!) { agent(id: $id) { name appearancePrompt identity { homeCity timezone } scenarios { id title active } } }`;

describe("admin operations", () => {
  it("generates an agent from a prompt, deterministically filling in the persona", async () => {
    const input = {
      prompt: "a witty nurse in Tokyo who loves hiking",
      appearancePrompt: "tall, short grey hair",
    };
    const generated = await gql(
      api.url,
      `mutation($input: GenerateAgentInput!) { generateAgent(input: $input) { agentId } }`,
      { input },
      "dev",
    );
    const id = generated.data!.generateAgent.agentId as string;
    const agent = await eventually(
      async () =>
        (
          await gql(
            api.url,
            `query($id: ID!) { agent(id: $id) { source identity { homeCity occupation timezone } persona { traits interests } } }`,
            { id },
            "dev",
          )
        ).data?.agent ?? undefined,
    );
    expect(agent).toMatchObject({
      source: "GENERATED",
      identity: { homeCity: "Tokyo", occupation: "nurse", timezone: "Asia/Tokyo" },
    });
    expect(agent.persona.traits).toContain("witty");
    expect(agent.persona.interests).toContain("hiking");
  });

  it("updates an agent, adds and retires a scenario, and queues new base portraits", async () => {
    const update = await gql(
      api.url,
      `mutation($input: UpdateAgentInput!) { updateAgent(input: $input) { agentId basePortraitJobId } }`,
      { input: { agentId, name: "Noor B", appearancePrompt: "long curly hair" } },
      "dev",
    );
    expect(update.data!.updateAgent).toMatchObject({ agentId, basePortraitJobId: expect.any(String) });
    const added = await gql(
      api.url,
      `mutation($input: AddScenarioInput!) { addScenario(input: $input) { scenarioId } }`,
      {
        input: {
          agentId,
          title: "Night shift",
          description: "Working at the café",
          window: { weekly: { days: ["mon", "tue"], start: "22:00", end: "06:00" } },
        },
      },
      "dev",
    );
    const scenarioId = added.data!.addScenario.scenarioId as string;
    const badWindow = await gql(
      api.url,
      `mutation($input: AddScenarioInput!) { addScenario(input: $input) { scenarioId } }`,
      { input: { agentId, title: "x", description: "y", window: {} } },
      "dev",
    );
    expect(codesOf(badWindow)).toEqual(["BAD_USER_INPUT"]);
    expect(badWindow.errors![0]!.message).toMatch(/exactly one of weekly or once/);
    const agent = await eventually(async () => {
      const found = (await gql(api.url, AGENT, { id: agentId }, "dev")).data?.agent;
      const caughtUp = found?.name === "Noor B" && found.appearancePrompt === "long curly hair";
      return caughtUp && found.scenarios.length === 1 ? found : undefined;
    });
    expect(agent).toMatchObject({
      appearancePrompt: "long curly hair",
      scenarios: [{ id: scenarioId, title: "Night shift", active: true }],
    });
    const retired = await gql(
      api.url,
      `mutation($input: RetireScenarioInput!) { retireScenario(input: $input) { scenarioId } }`,
      { input: { agentId, scenarioId, reason: "season over" } },
      "dev",
    );
    expect(retired.errors).toBeUndefined();
    const again = await gql(
      api.url,
      `mutation($input: RetireScenarioInput!) { retireScenario(input: $input) { scenarioId } }`,
      { input: { agentId, scenarioId } },
      "dev",
    );
    expect(codesOf(again)).toEqual(["CONFLICT"]);
    const portrait = await gql(
      api.url,
      `mutation($id: ID!) { regenerateBasePortrait(agentId: $id) { basePortraitJobId } }`,
      { id: agentId },
      "dev",
    );
    expect(portrait.errors).toBeUndefined();
    const job = portrait.data!.regenerateBasePortrait.basePortraitJobId as string;
    const queued = await eventually(async () => {
      const found = await gql(
        api.url,
        `query($id: ID!) { imageJob(id: $id) { id kind } }`,
        { id: job },
        "dev",
      );
      return found.data?.imageJob ?? undefined;
    });
    expect(queued).toEqual({ id: job, kind: "BASE_PORTRAIT" });
    const invalid = await gql(
      api.url,
      `mutation($input: CreateAgentInput!) { createAgent(input: $input) { agentId } }`,
      {
        input: {
          name: "Z",
          persona: { summary: "s", traits: ["t"], speakingStyle: "s" },
          identity: { homeCity: "X", occupation: "Y", timezone: "Mars/Base" },
          appearancePrompt: "a",
        },
      },
      "dev",
    );
    expect(invalid.errors![0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
    expect(invalid.errors![0]!.message).toMatch(/identity\.timezone: must be an IANA time zone/);
  });

  it("reads streams and all events in order", async () => {
    const stream = await gql(
      api.url,
      `query($s: String!) { stream(streamId: $s) { type revision metadata } }`,
      { s: `agent-${agentId}` },
      "dev",
    );
    expect(stream.data!.stream[0]).toMatchObject({ type: "AgentCreated", revision: 0 });
    const page = await gql(
      api.url,
      `{ events(limit: 2) { events { type streamId } nextAfter hasMore } }`,
      {},
      "dev",
    );
    expect(page.data!.events.events).toHaveLength(2);
    const next = await gql(
      api.url,
      `query($after: String) { events(after: $after, limit: 1000) { events { type } } }`,
      { after: page.data!.events.nextAfter },
      "dev",
    );
    expect(next.data!.events.events.length).toBeGreaterThan(0);
  });

  it("lists projections, rebuilds one and reports its progress", async () => {
    const listed = await eventually(async () => {
      const result = await gql(api.url, `{ projections { name status lagEvents } }`, {}, "dev");
      return result.data?.projections.every((p: { status: string }) => p.status !== "new")
        ? result.data.projections
        : undefined;
    });
    expect(listed.map((p: { name: string }) => p.name)).toContain("agents");
    const client = wsClient(api.wsUrl, "dev");
    const progress = collect(
      client,
      `subscription { projectionProgress(name: "agents") { name mode } }`,
      {},
      (items) => items.some((i) => i.projectionProgress.mode === "switched"),
    );
    await listening(api, "dev");
    const started = await gql(
      api.url,
      `mutation { rebuildProjection(name: "agents") { name started } }`,
      {},
      "dev",
    );
    expect(started.data!.rebuildProjection).toEqual({ name: "agents", started: true });
    const modes = (await progress.finished).map((i) => i.projectionProgress.mode);
    expect(modes.at(-1)).toBe("switched");
    const unknown = await gql(api.url, `mutation { rebuildProjection(name: "nope") { started } }`, {}, "dev");
    expect(codesOf(unknown)).toEqual(["BAD_USER_INPUT"]);
    await client.dispose();
  });
});
