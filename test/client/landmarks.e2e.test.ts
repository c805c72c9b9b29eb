import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAgent } from "./apiSteps.ts";
import { hasChromium, pickAgent, signIn, type TestBrowser } from "./browser.ts";
import { closeClientInBrowser, startClientInBrowser } from "./clientInBrowser.ts";
import type { ClientServer } from "./clientServer.ts";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium — the browser tests did not run");

let server: ClientServer;
let browser: TestBrowser;

/** The skip link is the first stop of the keyboard and lands on the one visible main landmark. */
async function expectSkipLinkToLand(page: Page): Promise<void> {
  await page.getByRole("heading", { level: 1 }).first().waitFor({ state: "attached" });
  expect(await page.getByRole("main").count()).toBe(1);
  expect(await page.getByRole("heading", { level: 1 }).count()).toBe(1);
  const target = await page.getByRole("link", { name: "Skip to content" }).getAttribute("href");
  const main = page.locator(`main${target}`);
  expect(await main.count()).toBe(1);
  expect(await main.isVisible()).toBe(true);
}

describe.skipIf(!hasChromium)("web client: landmarks on a phone", () => {
  beforeAll(async () => {
    ({ server, browser } = await startClientInBrowser({}, { width: 375, height: 740 }));
    await createAgent(server, "Mia");
  }, 180_000);
  afterAll(() => closeClientInBrowser(server, browser));

  it("has one main area, shown, and one top-level heading in every view", async () => {
    const { page } = browser;
    await signIn(page, "dev");
    await page.getByRole("navigation", { name: "Agents" }).getByRole("button", { name: /Mia/ }).waitFor();
    await expectSkipLinkToLand(page);

    await pickAgent(page, "Mia");
    await page.getByLabel("Message to Mia").waitFor();
    await expectSkipLinkToLand(page);

    await page.goto("/?view=settings");
    await page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
    await expectSkipLinkToLand(page);

    await page.goto("/admin");
    await page.getByRole("heading", { level: 1, name: "Admin" }).waitFor({ state: "attached" });
    await expectSkipLinkToLand(page);
    expect(browser.errors).toEqual([]);
  }, 120_000);
});
