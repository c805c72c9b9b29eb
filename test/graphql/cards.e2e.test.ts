import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCardFromPng } from "../../src/application/cards/cardPng.ts";
import { fixtureBytes } from "../fixtures/cards/build.ts";
import { eventually } from "../support/coreHarness.ts";
import {
  codesOf,
  createAgent,
  type GraphQLResponse,
  gql,
  type Loose,
  startTestApi,
  type TestApi,
} from "./apiHarness.ts";
import { upload as sendUpload } from "./uploads.ts";

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.close());

function upload(
  query: string,
  variables: Record<string, unknown>,
  at: string,
  bytes: Uint8Array,
  name: string,
): Promise<GraphQLResponse<Record<string, Loose>>> {
  return sendUpload(api.url, query, variables, { at, bytes, name });
}

const PREVIEW = `mutation($file: File!) { previewCard(file: $file) {
  name format greeting hasPortrait lorebookEntries identity { homeCity } guess { homeCity timezone occupation } } }`;
const IMPORT = `mutation($input: ImportCardInput!) { importCard(input: $input) { agentId lorebookId portraitUrl warnings } }`;
const AGENT = `query($id: ID!) { agent(id: $id) {
  name basePortraitUrl greetings appearancePrompt moodBaseline { mood intensity }
  identity { homeCity country occupation timezone } persona { summary traits interests speakingStyle backstory } } }`;
const lisbon = { homeCity: "Lisbon", occupation: "Ramen cook", timezone: "Europe/Lisbon" };

async function agentCount(): Promise<number> {
  return ((await gql(api.url, "{ agents(first: 50) { edges { node { id } } } }", {}, "dev")).data?.agents
    .edges.length ?? 0) as number;
}

/** The agent and its portrait are two events; waits for both when a portrait is expected. */
async function agentOnceProjected(id: string, withPortrait = false): Promise<Loose> {
  return eventually(async () => {
    const agent = (await gql(api.url, AGENT, { id }, "dev")).data?.agent;
    return agent && (!withPortrait || agent.basePortraitUrl) ? agent : undefined;
  }, 30_000);
}

describe("character cards through the API", () => {
  it("previews a card: its name, greeting and a guess at where the character lives", async () => {
    const preview = await upload(PREVIEW, { file: null }, "file", fixtureBytes("v2.png"), "elowen.png");
    expect(preview.errors).toBeUndefined();
    expect(preview.data!.previewCard).toMatchObject({
      name: "Elowen",
      format: "png",
      hasPortrait: true,
      identity: null,
    });
    expect(preview.data!.previewCard.greeting).toContain("The door creaks open");
  });

  it("refuses a card without an identity, a broken file and a non-admin, creating nothing", async () => {
    const before = await agentCount();
    const noIdentity = await upload(
      IMPORT,
      { input: { file: null } },
      "input.file",
      fixtureBytes("v2.png"),
      "a.png",
    );
    expect(codesOf(noIdentity)).toEqual(["BAD_USER_INPUT"]);
    const broken = await upload(
      IMPORT,
      { input: { file: null, identity: lisbon } },
      "input.file",
      fixtureBytes("broken-crc.png"),
      "b.png",
    );
    expect(codesOf(broken)).toEqual(["BAD_USER_INPUT"]);
    expect(broken.errors![0]!.message).not.toContain("\n");
    const badZone = await upload(
      IMPORT,
      { input: { file: null, identity: { ...lisbon, timezone: "Mars/Olympus" } } },
      "input.file",
      fixtureBytes("v3.png"),
      "c.png",
    );
    expect(codesOf(badZone)).toEqual(["BAD_USER_INPUT"]);
    const notAFile = await gql(api.url, PREVIEW, { file: "card.png" }, "dev");
    expect(codesOf(notAFile)).toEqual(["BAD_USER_INPUT"]);
    expect(await agentCount()).toBe(before);
  });

  it("imports a PNG card with its portrait and greetings; export then import gives the same agent", async () => {
    const imported = await upload(
      IMPORT,
      { input: { file: null, identity: lisbon } },
      "input.file",
      fixtureBytes("v3.png"),
      "kaito.png",
    );
    expect(imported.errors).toBeUndefined();
    const { agentId, portraitUrl } = imported.data!.importCard;
    expect(portraitUrl).toMatch(/^\/media\/agents\//);
    const agent = await agentOnceProjected(agentId, true);
    expect(agent).toMatchObject({ name: "Kaito Arakawa", basePortraitUrl: portraitUrl, identity: lisbon });
    expect(agent.greetings[0]).toContain("Last bowl of the night");
    const portrait = await fetch(`${api.url}${portraitUrl}`);
    expect(portrait.headers.get("content-type")).toBe("image/png");

    const exported = await gql(
      api.url,
      `mutation($id: ID!) { exportCard(agentId: $id) { fileName contentType dataUrl } }`,
      { id: agentId },
      "dev",
    );
    expect(exported.errors).toBeUndefined();
    const png = new Uint8Array(Buffer.from(exported.data!.exportCard.dataUrl.split(",")[1], "base64"));
    expect(readCardFromPng(png).json).toMatchObject({ spec: "chara_card_v3" });

    const again = await upload(IMPORT, { input: { file: null } }, "input.file", png, "kaito-again.png");
    expect(again.errors).toBeUndefined();
    const copy = await agentOnceProjected(again.data!.importCard.agentId, true);
    // Each agent keeps its portrait in its own folder; the pictures themselves are the same. The
    // copy is named apart from the agent its card came from.
    const { basePortraitUrl: copiedUrl, ...copied } = copy;
    const { basePortraitUrl: _, ...original } = agent;
    expect(copied).toEqual({ ...original, name: `${original.name} (2)` });
    expect(again.data!.importCard.warnings).toContain(
      `An agent from this card exists already ("${original.name}"); this one is named "${original.name} (2)" to tell them apart.`,
    );
    const fileName = (url: string) => url.split("?")[0]!.split("/").at(-1);
    expect(fileName(copiedUrl)).toBe(fileName(portraitUrl));
  });

  it("greets a person who opens a conversation with an imported agent, once", async () => {
    const imported = await upload(
      IMPORT,
      { input: { file: null, identity: lisbon } },
      "input.file",
      fixtureBytes("v3.png"),
      "kaito.png",
    );
    const agentId = imported.data!.importCard.agentId as string;
    await agentOnceProjected(agentId);
    const OPEN = `mutation($id: ID!) { openConversation(agentId: $id) { greetingId } }`;
    const opened = await gql(api.url, OPEN, { id: agentId }, "dev:ana");
    expect(opened.data!.openConversation.greetingId).toBeTruthy();
    const texts = await eventually(async () => {
      const result = await gql(
        api.url,
        `query($id: ID!) { conversation(agentId: $id) { messages(last: 5) { edges { node { role text } } } } }`,
        { id: agentId },
        "dev:ana",
      );
      const edges = result.data?.conversation.messages.edges ?? [];
      return edges.length > 0 ? edges.map((e: Loose) => e.node) : undefined;
    }, 30_000);
    expect(texts).toHaveLength(1);
    expect(texts[0].role).toBe("AGENT");
    expect([
      "Last bowl of the night, Ana. Shio or shoyu?",
      "*He flips the sign to CLOSED, then back to OPEN when he sees you.* Alright, one more.",
    ]).toContain(texts[0].text);
    expect(texts[0].text).not.toContain("{{");
    const again = await gql(api.url, OPEN, { id: agentId }, "dev:ana");
    expect(again.data!.openConversation.greetingId).toBeNull();
    expect(codesOf(await gql(api.url, OPEN, { id: "nobody" }, "dev:ana"))).toEqual(["NOT_FOUND"]);
  });

  it("starts drawing a portrait for a card without an image, as for a created agent", async () => {
    const IMPORT_JOB = `mutation($input: ImportCardInput!) { importCard(input: $input) { agentId portraitUrl basePortraitJobId } }`;
    const imported = await upload(
      IMPORT_JOB,
      { input: { file: null, identity: lisbon } },
      "input.file",
      fixtureBytes("v2.json"),
      "card.json",
    );
    expect(imported.errors).toBeUndefined();
    const { portraitUrl, basePortraitJobId } = imported.data!.importCard;
    expect(portraitUrl).toBeNull();
    expect(basePortraitJobId).toEqual(expect.any(String));
    const job = await eventually(async () => {
      const found = await gql(
        api.url,
        `query($id: ID!) { imageJob(id: $id) { id kind } }`,
        { id: basePortraitJobId },
        "dev",
      );
      return found.data?.imageJob ?? undefined;
    });
    expect(job).toEqual({ id: basePortraitJobId, kind: "BASE_PORTRAIT" });

    const withImage = await upload(
      IMPORT_JOB,
      { input: { file: null, identity: lisbon } },
      "input.file",
      fixtureBytes("v3.png"),
      "kaito.png",
    );
    expect(withImage.data!.importCard).toMatchObject({
      portraitUrl: expect.any(String),
      basePortraitJobId: null,
    });
  });

  it("names an agent from a card imported already apart from the first, and warns naming it", async () => {
    const IMPORT_NAME = `mutation($input: ImportCardInput!) { importCard(input: $input) { agent { name } warnings } }`;
    const importV1 = () =>
      upload(
        IMPORT_NAME,
        { input: { file: null, identity: lisbon } },
        "input.file",
        fixtureBytes("v1.json"),
        "v1.json",
      );
    const first = await importV1();
    expect(first.errors).toBeUndefined();
    const name = first.data!.importCard.agent.name as string;
    expect(first.data!.importCard.warnings.join(" ")).not.toContain("from this card");
    const second = await importV1();
    expect(second.data!.importCard.agent.name).toBe(`${name} (2)`);
    expect(second.data!.importCard.warnings).toContain(
      `An agent from this card exists already ("${name}"); this one is named "${name} (2)" to tell them apart.`,
    );
    const third = await importV1();
    expect(third.data!.importCard.agent.name).toBe(`${name} (3)`);
    expect(third.data!.importCard.warnings).toContain(
      `Agents from this card exist already ("${name}", "${name} (2)"); this one is named "${name} (3)" to tell them apart.`,
    );
  });

  it("names the exported file as the agent is named, with an ASCII fallback", async () => {
    const agentId = await createAgent(api.url, "Zoë");
    const exported = await gql(
      api.url,
      `mutation($id: ID!) { exportCard(agentId: $id) { fileName asciiFileName contentDisposition } }`,
      { id: agentId },
      "dev",
    );
    expect(exported.data!.exportCard).toEqual({
      fileName: "Zoë.png",
      asciiFileName: "Zoe.png",
      contentDisposition: `attachment; filename="Zoe.png"; filename*=UTF-8''Zo%C3%AB.png`,
    });
  });

  it("refuses to export an agent that does not exist, and exports only for admins", async () => {
    const missing = await gql(api.url, `mutation { exportCard(agentId: "nobody") { fileName } }`, {}, "dev");
    expect(codesOf(missing)).toEqual(["NOT_FOUND"]);
    const anonymous = await gql(api.url, `mutation { exportCard(agentId: "nobody") { fileName } }`);
    expect(codesOf(anonymous)).toEqual(["UNAUTHENTICATED"]);
  });
});
