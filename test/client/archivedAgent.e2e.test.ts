import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../graphql/apiHarness.ts";
import { eventually } from "../support/coreHarness.ts";
import { createAgent, messagesOf } from "./apiSteps.ts";
import { hasChromium, pickAgent, signIn, type TestBrowser } from "./browser.ts";
import { closeClientInBrowser, startClientInBrowser } from "./clientInBrowser.ts";
import type { ClientServer } from "./clientServer.ts";

const SAM = "dev:sam";
let server: ClientServer;
let browser: TestBrowser;

const ACTIONS = /^(Regenerate reply|Answer again|Edit message|Continue from here|Hide message)$/;

/** The message actions and availability badge the open conversation shows. */
async function changeControls() {
  const conversation = browser.page.locator("section.conversation");
  return {
    actions: await conversation.getByRole("button", { name: ACTIONS }).count(),
    availability: await conversation.locator(".badge.free, .badge.busy, .badge.asleep").count(),
  };
}

describe.skipIf(!hasChromium)("web client: a companion archived after the person talked with it", () => {
  beforeAll(async () => {
    ({ server, browser } = await startClientInBrowser());
    await createAgent(server, "Mia");
  });
  afterAll(() => closeClientInBrowser(server, browser));

  it("stays in the person's list, marked archived, with their conversation to read and no message box", async () => {
    const { page } = browser;
    const noor = await createAgent(server, "Noor", "Porto");
    await signIn(page, SAM);
    await pickAgent(page, "Noor");
    await page.getByLabel("Message to Noor").fill("Remember the lighthouse?");
    await page.keyboard.press("Enter");
    await eventually(async () => (await messagesOf(server, SAM, noor)).length >= 2, 30_000);
    await page.getByRole("button", { name: "Regenerate reply" }).first().waitFor();
    expect((await changeControls()).availability).toBe(1);
    const archived = await gql(
      server.url,
      `mutation($input: ArchiveAgentInput!) { archiveAgent(input: $input) { agentId } }`,
      { input: { agentId: noor, reason: "retired" } },
      "dev",
    );
    expect(archived.errors).toBeUndefined();
    await page.reload();
    const list = page.getByRole("navigation", { name: "Agents" });
    await list.getByRole("button", { name: /Noor.*Archived/s }).waitFor();
    await pickAgent(page, "Noor");
    await page.getByText("Remember the lighthouse?", { exact: true }).waitFor();
    await page.getByText(/Noor is archived/).waitFor();
    expect(await page.getByLabel("Message to Noor").count()).toBe(0);
    // Nothing that would change the conversation, nor whether Noor is around to answer.
    await page.getByText("Remember the lighthouse?", { exact: true }).waitFor();
    expect(await changeControls()).toEqual({ actions: 0, availability: 0 });
  });
});
