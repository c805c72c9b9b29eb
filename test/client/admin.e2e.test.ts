import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAgent, seedConversation } from "./apiSteps.ts";
import { hasChromium, openBrowser, screenshot, signIn, type TestBrowser } from "./browser.ts";
import { closeClientInBrowser, startClientInBrowser } from "./clientInBrowser.ts";
import type { ClientServer } from "./clientServer.ts";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium — the browser tests did not run");

const card = path.resolve(import.meta.dirname, "../fixtures/cards/v2.json");
let server: ClientServer;
let browser: TestBrowser;

describe.skipIf(!hasChromium)("web client: admin", () => {
  beforeAll(async () => {
    ({ server, browser } = await startClientInBrowser());
  });
  afterAll(() => closeClientInBrowser(server, browser));

  it("keeps the admin view from people who are not admins", async () => {
    const person = await openBrowser(server.url);
    try {
      await signIn(person.page, "dev:sam");
      expect(await person.page.getByRole("link", { name: "Admin" }).count()).toBe(0);
      await person.page.goto("/admin");
      await person.page.getByText("The admin view is for operators.").waitFor();
    } finally {
      await person.close();
    }
  });

  it("brings a missing required field into view with its label when a form is sent without it", async () => {
    const operator = await openBrowser(server.url, { width: 1280, height: 600 });
    try {
      const { page } = operator;
      await signIn(page, "dev");
      await page.goto("/admin");
      await page.getByLabel("Name").waitFor();
      await page.getByRole("button", { name: "Create agent" }).click();
      await expect
        .poll(() => page.getByLabel("Name").evaluate((input) => input === document.activeElement))
        .toBe(true);
      const labelShows = () =>
        page.evaluate(() => {
          const label = (document.activeElement as HTMLInputElement).labels?.[0];
          const box = label?.getBoundingClientRect();
          return !!box && label === document.elementFromPoint(box.left + 4, box.top + box.height / 2);
        });
      await expect.poll(labelShows).toBe(true);
    } finally {
      await operator.close();
    }
  });

  it("creates an agent and shows its base portrait once it is drawn", async () => {
    const { page } = browser;
    await signIn(page, "dev");
    await page.getByRole("link", { name: "Admin" }).click();
    await page.getByRole("tab", { name: "Agents", selected: true }).waitFor();
    const agentList = page.getByRole("navigation", { name: "Agents to edit" });
    await agentList.getByText("No agents yet.", { exact: false }).waitFor();
    await page.getByLabel("Name").fill("Aiko");
    await page.getByLabel("Summary").fill("Aiko is a night-owl ceramicist who hums while she works.");
    await page.getByLabel("Traits").fill("gentle, witty, patient");
    await page.getByLabel("Speaking style").fill("Soft, short sentences with the odd joke.");
    await page.getByLabel("Home city").fill("Kyoto");
    await page.getByLabel("Occupation").fill("potter");
    await page.getByLabel("Time zone").selectOption("Asia/Tokyo");
    await page
      .getByLabel("Appearance prompt")
      .fill("long straight black hair, round glasses, an indigo apron");
    await page.getByRole("button", { name: "Create agent" }).click();
    await page.getByRole("heading", { level: 2, name: "Aiko" }).waitFor({ timeout: 30_000 });
    await agentList.getByRole("button", { name: /Aiko/ }).waitFor();
    expect(await agentList.getByText("No agents yet.", { exact: false }).count()).toBe(0);
    const portrait = page.getByTestId("base-portrait");
    await portrait.waitFor({ timeout: 60_000 });
    await expect
      .poll(() => portrait.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true);
    expect(await portrait.getAttribute("src")).toMatch(/^\/media\//);
    await screenshot(page, "admin-agent-desktop");
  });

  it("adds and retires a scenario", async () => {
    const { page } = browser;
    await page.getByLabel("Title").fill("Pottery class");
    await page.getByLabel("What they are doing").fill("Teaching beginners to throw bowls.");
    await page.getByRole("button", { name: "Add scenario" }).click();
    const scenario = page.locator(".scenario-list li").filter({ hasText: "Pottery class" });
    await scenario.waitFor();
    await scenario.getByRole("button", { name: /Retire/ }).click();
    const active = page.locator(".scenario-list li:not(.retired)").filter({ hasText: "Pottery class" });
    await expect.poll(() => active.count(), { timeout: 15_000 }).toBe(0);
    await page.locator(".scenario-list li.retired").filter({ hasText: "Pottery class" }).waitFor();
  });

  it("charts mood and affinity, inspects the event stream and rebuilds a projection", async () => {
    const { page } = browser;
    const agentId = await createAgent(server, "Lea", "Berlin");
    await seedConversation(server, "dev:alex", agentId, [
      "Hi Lea, you are lovely!",
      "Thank you, that was kind.",
      "Tell me about Berlin?",
    ]);

    await page.getByRole("tab", { name: "Mood & affinity" }).click();
    await page.getByLabel("Agent").selectOption({ label: "Lea" });
    await page.getByRole("button", { name: "Find conversations" }).click();
    await page.getByText("1 conversation found").waitFor();
    await page.getByRole("button", { name: "Show chart" }).click();
    const chart = page.locator(".chart svg");
    await chart.waitFor();
    expect(await chart.locator("circle.mood-dot").count()).toBeGreaterThan(0);
    await screenshot(page, "admin-chart-desktop");

    await page.getByRole("tab", { name: "Event streams" }).click();
    await page.getByLabel("Stream id").fill(`agent-${agentId}`);
    await page.getByRole("button", { name: "Read" }).click();
    const created = page.locator(".event-list > li > details").filter({ hasText: "AgentCreated" });
    await created.locator(":scope > summary").click();
    await created.getByText("metadata").first().waitFor();
    await created.getByText('"Lea"').first().waitFor();
    await screenshot(page, "admin-events-desktop");

    await page.getByRole("tab", { name: "Projections" }).click();
    await page.getByRole("button", { name: "Rebuild agents" }).click();
    const row = page.getByRole("row").filter({ hasText: "agents" }).first();
    await row.getByRole("status").waitFor({ timeout: 30_000 });
    await screenshot(page, "admin-projections-desktop");

    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByRole("tab", { name: "Agents" }).click();
    await screenshot(page, "admin-agents-360");
    expect(browser.errors).toEqual([]);
  });

  it("shows every admin tab whole on a 390 px wide phone", async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 390, height: 844 });
    const tabs = page.getByRole("tablist", { name: "Admin sections" });
    await tabs.waitFor();
    expect(await tabs.evaluate((list) => list.scrollWidth - list.clientWidth)).toBe(0);
    for (const tab of await tabs.getByRole("tab").all()) {
      const box = (await tab.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    await screenshot(page, "admin-tabs-390");
  });

  it("shows every link of the top bar whole on a 360 px wide phone", async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 360, height: 740 });
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "Admin" }).waitFor();
    expect(await nav.evaluate((list) => list.scrollWidth - list.clientWidth)).toBe(0);
    for (const link of await nav.getByRole("link").all()) {
      const box = (await link.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(360);
    }
    await page.getByRole("button", { name: "Sign out" }).waitFor();
    await screenshot(page, "topbar-360");
  });

  it("keeps the projections table within a 360 px wide phone, scrolling inside its box", async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByRole("tab", { name: "Projections" }).click();
    await page.getByRole("row").filter({ hasText: "agents" }).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(360);
  });

  it("keeps the list of agents and the agent form within a 360 px wide phone, the list scrolling sideways inside its box", async () => {
    for (const name of ["Bartholomew", "Ottoline", "Maximilian"]) await createAgent(server, name);
    const operator = await openBrowser(server.url, { width: 360, height: 740 });
    try {
      const { page } = operator;
      await signIn(page, "dev");
      await page.goto("/admin");
      await page.getByRole("button", { name: /Maximilian/ }).waitFor();
      const newAgent = (await page.getByRole("button", { name: "+ New agent" }).boundingBox())!;
      expect(newAgent.x + newAgent.width).toBeLessThanOrEqual(360);
      const name = (await page.getByLabel("Name", { exact: true }).boundingBox())!;
      expect(name.x + name.width).toBeLessThanOrEqual(360);
      const row = page.locator(".admin-list ul");
      expect(await row.evaluate((list) => list.scrollWidth > list.clientWidth)).toBe(true);
      await screenshot(page, "admin-agents-360");
    } finally {
      await operator.close();
    }
  });

  it("archives an agent after asking, shows it archived and read-only, and brings it back", async () => {
    await createAgent(server, "Sigrun");
    const operator = await openBrowser(server.url);
    try {
      const { page } = operator;
      await signIn(page, "dev");
      await page.goto("/admin");
      await page
        .getByRole("navigation", { name: "Agents to edit" })
        .getByRole("button", { name: /Sigrun/ })
        .click();
      await page.getByRole("heading", { level: 2, name: "Sigrun" }).waitFor();
      const asked: string[] = [];
      page.once("dialog", (dialog) => {
        asked.push(dialog.message());
        void dialog.accept();
      });
      await page.getByRole("button", { name: "Archive", exact: true }).click();
      await page.getByText("Archived: takes no new messages.").waitFor({ timeout: 15_000 });
      expect(asked).toEqual(["Archive Sigrun? They take no new messages and no edits until unarchived."]);
      expect(await page.getByRole("button", { name: "Archive", exact: true }).count()).toBe(0);
      // Read-only until unarchived: nothing to save, no field takes input.
      expect(await page.getByRole("button", { name: "Save changes" }).count()).toBe(0);
      expect(await page.getByLabel("Name", { exact: true }).isDisabled()).toBe(true);

      await page.getByRole("button", { name: "Unarchive" }).click();
      await page.getByRole("button", { name: "Archive", exact: true }).waitFor({ timeout: 15_000 });
      await page.getByRole("button", { name: "Save changes" }).waitFor();
      expect(await page.getByLabel("Name", { exact: true }).isDisabled()).toBe(false);
      expect(operator.errors).toEqual([]);
    } finally {
      await operator.close();
    }
  });

  it("clears an error toast when another admin tab is opened", async () => {
    const { page } = browser;
    await page.getByRole("tab", { name: "Agents" }).click();
    await page.getByRole("button", { name: "+ New agent" }).click();
    await page.getByRole("button", { name: "Import a card" }).click();
    await page.getByLabel("Character card (PNG, .charx or JSON)").setInputFiles(card);
    await page.getByLabel("Home city").fill("Lisbon");
    await page.getByLabel("Occupation").fill("Keeper");
    await page.getByLabel("Time zone").fill("Nowhere/Atlantis");
    await page.getByRole("button", { name: "Import card" }).click();
    const notifications = page.getByRole("region", { name: "Notices" });
    const errorToast = notifications.getByRole("alert");
    await errorToast.waitFor();
    await page.getByRole("tab", { name: "Lorebooks" }).click();
    // The toast goes in the same render as the tab change, long before it would time out.
    await page.getByRole("tab", { name: "Lorebooks", selected: true }).waitFor();
    expect(await errorToast.count()).toBe(0);
  });
});
