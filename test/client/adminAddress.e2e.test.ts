import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAgent } from "./apiSteps.ts";
import { hasChromium, signIn, type TestBrowser } from "./browser.ts";
import { closeClientInBrowser, startClientInBrowser } from "./clientInBrowser.ts";
import type { ClientServer } from "./clientServer.ts";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium — the browser tests did not run");

let server: ClientServer;
let browser: TestBrowser;

describe.skipIf(!hasChromium)("web client: the admin view's address", () => {
  beforeAll(async () => {
    ({ server, browser } = await startClientInBrowser());
    await createAgent(server, "Mia");
    await createAgent(server, "Kenji", "Tokyo");
  }, 180_000);
  afterAll(() => closeClientInBrowser(server, browser));

  it("opens the agent being edited and the section shown again after a reload", async () => {
    const { page } = browser;
    await signIn(page, "dev");
    await page.getByRole("link", { name: "Admin" }).click();
    const agents = page.getByRole("navigation", { name: "Agents to edit" });
    await agents.getByRole("button", { name: /Kenji/ }).click();
    await page.getByRole("heading", { level: 2, name: "Kenji" }).waitFor();
    await page.reload();
    await page.getByRole("heading", { level: 2, name: "Kenji" }).waitFor();
    await page.getByRole("button", { name: "Save changes" }).waitFor();
    expect(await agents.getByRole("button", { name: /Kenji/ }).getAttribute("aria-current")).toBe("true");

    await page.getByRole("tab", { name: "Projections" }).click();
    await page.reload();
    await page.getByRole("tab", { name: "Projections", selected: true }).waitFor();
    await page.getByRole("tab", { name: "Agents" }).click();
    await page.getByRole("heading", { level: 2, name: "Kenji" }).waitFor();

    await agents.getByRole("button", { name: "+ New agent" }).click();
    await page.reload();
    await page.getByRole("button", { name: "Create agent" }).waitFor();
    expect(await page.getByRole("heading", { level: 2, name: "Kenji" }).count()).toBe(0);
    expect(browser.errors).toEqual([]);
  });
});
