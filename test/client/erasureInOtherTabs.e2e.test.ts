import type { Page, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAgent } from "./apiSteps.ts";
import { hasChromium, pickAgent, signIn, type TestBrowser } from "./browser.ts";
import { closeClientInBrowser, startClientInBrowser } from "./clientInBrowser.ts";
import type { ClientServer } from "./clientServer.ts";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium — the browser tests did not run");

let server: ClientServer;
let browser: TestBrowser;

const dropSends = (route: Route) =>
  route.request().postData()?.includes("SendMessage")
    ? route.abort("internetdisconnected")
    : route.continue();

const unsentKeys = (page: Page) =>
  page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("withme.unsent.")));

describe.skipIf(!hasChromium)("web client: erasure asked for in one tab", () => {
  beforeAll(async () => {
    ({ server, browser } = await startClientInBrowser());
    await createAgent(server, "Mia");
  }, 180_000);
  afterAll(() => closeClientInBrowser(server, browser));

  it("leaves another open tab neither the unsent messages nor the draft, nor writing them back", async () => {
    const settingsTab = browser.page;
    await signIn(settingsTab, "dev:ida");
    const chatTab = await browser.context.newPage();
    await chatTab.goto("/");
    await pickAgent(chatTab, "Mia");
    await chatTab.route("**/graphql", dropSends);
    const composer = chatTab.getByLabel("Message to Mia");
    await composer.fill("Never delivered");
    await chatTab.keyboard.press("Enter");
    await chatTab.locator(".bubble.pending").getByText("Not sent").waitFor();
    await composer.fill("Half a thought");
    await expect.poll(() => unsentKeys(chatTab)).toHaveLength(1);

    await settingsTab.goto("/?view=settings");
    settingsTab.once("dialog", (dialog) => void dialog.accept());
    await settingsTab.getByRole("button", { name: "Delete my account" }).click();
    await settingsTab.getByText(/Your account will be deleted on/).waitFor();

    await expect.poll(() => chatTab.locator(".bubble.pending").count()).toBe(0);
    await expect.poll(() => composer.inputValue()).toBe("");
    // A message the chat tab fails to send now stays on its page: the person's storage stays empty.
    await composer.fill("Written after the erasure");
    await chatTab.keyboard.press("Enter");
    await chatTab.locator(".bubble.pending").getByText("Not sent").waitFor();
    expect(await chatTab.locator(".bubble.pending").count()).toBe(1);
    expect(await unsentKeys(chatTab)).toEqual([]);
    expect(await unsentKeys(settingsTab)).toEqual([]);
    await chatTab.unroute("**/graphql", dropSends);
  }, 120_000);
});
