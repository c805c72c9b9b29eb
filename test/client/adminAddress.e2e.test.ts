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

  it("says an agent in an old address was not found and shows the list again", async () => {
    // Still signed in as the operator from the test before.
    const { page } = browser;
    await page.goto("/admin?agent=00000000-0000-4000-8000-000000000000");
    await page.getByRole("alert").filter({ hasText: "That agent was not found" }).waitFor();
    await page.getByRole("button", { name: "Create agent" }).waitFor();
    expect(new URL(page.url()).searchParams.get("agent")).toBeNull();
    expect(await page.getByText("Loading the agent…").count()).toBe(0);

    const agents = page.getByRole("navigation", { name: "Agents to edit" });
    await agents.getByRole("button", { name: /Mia/ }).click();
    await page.getByRole("heading", { level: 2, name: "Mia" }).waitFor();
    expect(await page.getByText("That agent was not found").count()).toBe(0);
  });
});
