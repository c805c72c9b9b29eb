import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../graphql/apiHarness.ts";
import { eventually } from "../support/coreHarness.ts";
import { createAgent, seedConversation } from "./apiSteps.ts";
import { hasChromium, pickAgent, screenshot, signIn, type TestBrowser } from "./browser.ts";
import { closeClientInBrowser, startClientInBrowser } from "./clientInBrowser.ts";
import type { ClientServer } from "./clientServer.ts";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium — the browser tests did not run");

const JUNE = "dev:june";
let server: ClientServer;
let browser: TestBrowser;
let lea: string;

const declined = (page: Page) => page.locator('.message-list [data-kind="declined"]');

describe.skipIf(!hasChromium)("web client: the picture gate", () => {
  beforeAll(async () => {
    ({ server, browser } = await startClientInBrowser());
    lea = await createAgent(server, "Lea");
    // The agent's first portrait is drawn before anyone asks for a selfie.
    await eventually(async () => {
      const agent = await gql(
        server.url,
        `query($id: ID!) { agent(id: $id) { basePortraitUrl } }`,
        { id: lea },
        "dev",
      );
      return Boolean(agent.data?.agent?.basePortraitUrl);
    }, 60_000);
    await signIn(browser.page, JUNE);
  });
  afterAll(() => closeClientInBrowser(server, browser));

  it("says in words why a new person's first ask is declined, and what would change it", async () => {
    const { page } = browser;
    await pickAgent(page, "Lea");
    await page.getByRole("button", { name: "Ask for a selfie" }).click();
    const note = declined(page);
    await note.waitFor({ timeout: 30_000 });
    expect(await note.getAttribute("data-reason")).toBe("NOT_COMFORTABLE");
    const text = (await note.textContent())!;
    expect(text).toContain("Lea doesn't feel comfortable sending a picture yet.");
    expect(text).toMatch(/once you're a little closer/);
    expect(text).not.toContain("did not send a picture");
    await screenshot(page, "chat-picture-declined-desktop");
  });

  it("sends one after a little conversation, then says it is too soon for another", async () => {
    const { page } = browser;
    await seedConversation(server, JUNE, lea, [
      "Nice to meet you, Lea! I love drawing too.",
      "What are you working on these days?",
      "That sounds lovely, thank you for telling me.",
    ]);
    await page.reload();
    await pickAgent(page, "Lea");
    await page.getByRole("button", { name: "Ask for a selfie" }).click();
    const picture = page.getByRole("img", { name: "A picture from Lea" });
    await picture.waitFor({ timeout: 60_000 });
    await page.getByRole("button", { name: "Ask for a selfie" }).click();
    await expect.poll(() => declined(page).count(), { timeout: 30_000 }).toBe(2);
    const tooSoon = declined(page).last();
    expect(await tooSoon.getAttribute("data-reason")).toBe("TOO_SOON");
    expect(await tooSoon.textContent()).toMatch(/Lea just sent you a picture\..*ask again/);
  });
});
