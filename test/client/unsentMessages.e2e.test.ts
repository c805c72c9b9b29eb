import type { Locator, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAgent, messagesOf } from "./apiSteps.ts";
import { hasChromium, pickAgent, signIn, type TestBrowser } from "./browser.ts";
import { closeClientInBrowser, startClientInBrowser } from "./clientInBrowser.ts";
import type { ClientServer } from "./clientServer.ts";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium — the browser tests did not run");

const ANA = "dev:ana";
let server: ClientServer;
let browser: TestBrowser;
let mia: string;

describe.skipIf(!hasChromium)("web client: messages written offline", () => {
  beforeAll(async () => {
    ({ server, browser } = await startClientInBrowser());
    mia = await createAgent(server, "Mia");
    await signIn(browser.page, ANA);
    await pickAgent(browser.page, "Mia");
  });
  afterAll(() => closeClientInBrowser(server, browser));

  const unsentBubble = (text: string) => browser.page.locator(".bubble.pending").filter({ hasText: text });
  const storedTexts = async () => (await messagesOf(server, ANA, mia)).map((m) => m.text);

  async function sendOffline(text: string) {
    const { page } = browser;
    await page.context().setOffline(true);
    await page.getByLabel("Message to Mia").fill(text);
    await page.keyboard.press("Enter");
    await unsentBubble(text).getByText("Not sent").waitFor();
  }

  it("keeps a message the server did not get across a reload, and sends it once the page is back", async () => {
    const { page } = browser;
    // The sends fail as if the network dropped them, while the page itself never goes offline: so
    // nothing but the reload sends the message again.
    const dropSends = (route: Route) =>
      route.request().postData()?.includes("SendMessage")
        ? route.abort("internetdisconnected")
        : route.continue();
    await page.route("**/graphql", dropSends);
    await page.getByLabel("Message to Mia").fill("Written on the train");
    await page.keyboard.press("Enter");
    await unsentBubble("Written on the train").getByText("Not sent").waitFor();
    await page.unroute("**/graphql", dropSends);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Mia" }).waitFor();
    const sent = page.locator('.message-list [data-kind="user"]').filter({ hasText: "Written on the train" });
    await expect.poll(() => storedTexts(), { timeout: 30_000 }).toContain("Written on the train");
    await expect.poll(() => page.locator(".bubble.pending").count()).toBe(0);
    await sent.first().waitFor();
    expect(await sent.count()).toBe(1);
    // Reloading again sends nothing twice.
    await page.reload();
    await sent.first().waitFor();
    expect((await storedTexts()).filter((t) => t === "Written on the train")).toHaveLength(1);
  });

  it("sends a message that failed for want of a connection again by itself once the page is back online", async () => {
    const { page } = browser;
    await sendOffline("Sent when the tunnel ends");
    await page.context().setOffline(false);
    const sent = page
      .locator('.message-list [data-kind="user"]')
      .filter({ hasText: "Sent when the tunnel ends" });
    await expect.poll(() => storedTexts(), { timeout: 30_000 }).toContain("Sent when the tunnel ends");
    await expect.poll(() => unsentBubble("Sent when the tunnel ends").count()).toBe(0);
    await sent.first().waitFor();
    expect(await sent.count()).toBe(1);
    expect((await storedTexts()).filter((t) => t === "Sent when the tunnel ends")).toHaveLength(1);
  });

  it("leaves a message the server refused to the person, with Retry and Discard, when the page is back online", async () => {
    const { page } = browser;
    const refuse = (route: Route) =>
      route.request().postData()?.includes("Refused by the server")
        ? route.fulfill({
            contentType: "application/json",
            body: JSON.stringify({
              errors: [
                { message: "Too many messages; wait a minute.", extensions: { code: "RATE_LIMITED" } },
              ],
            }),
          })
        : route.continue();
    await page.route("**/graphql", refuse);
    await page.getByLabel("Message to Mia").fill("Refused by the server");
    await page.keyboard.press("Enter");
    await unsentBubble("Refused by the server").getByText("Not sent").waitFor();
    await page.unroute("**/graphql", refuse);
    // A message written offline and sent by itself on the way back shows the page did reconnect.
    await sendOffline("Written in the lift");
    await page.context().setOffline(false);
    await expect.poll(() => storedTexts(), { timeout: 30_000 }).toContain("Written in the lift");
    await expect.poll(() => unsentBubble("Written in the lift").count()).toBe(0);
    const refused = unsentBubble("Refused by the server");
    await refused.getByText("Not sent").waitFor();
    await refused.getByRole("button", { name: "Retry" }).waitFor();
    expect(await storedTexts()).not.toContain("Refused by the server");
    await refused.getByRole("button", { name: "Discard" }).click();
    await expect.poll(() => refused.count()).toBe(0);
  });

  async function contrastOf(label: Locator): Promise<number> {
    return label.evaluate((element) => {
      const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
      const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
        const [lr = 0, lg = 0, lb = 0] = [r, g, b].map((c) => {
          const s = c / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * lr + 0.7152 * lg + 0.0722 * lb;
      };
      let opacity = 1;
      for (let node: Element | null = element; node; node = node.parentElement)
        opacity *= Number(getComputedStyle(node).opacity);
      const style = getComputedStyle(element);
      const background = rgb(style.backgroundColor);
      // A faded or see-through label shows the pink behind it: count that as failing.
      if (opacity < 1 || (background[3] ?? 1) < 1) return 0;
      const [light, dark] = [luminance(rgb(style.color)), luminance(background)].sort((a, b) => b - a);
      return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
    });
  }

  it("forgets a message the person discards, so a reload does not send it", async () => {
    const { page } = browser;
    await sendOffline("Never mind this one");
    const label = unsentBubble("Never mind this one").getByText("Not sent");
    // WCAG AA for text: 4.5:1 between the label and what is behind it, with nothing fading it.
    expect(await contrastOf(label)).toBeGreaterThanOrEqual(4.5);
    await unsentBubble("Never mind this one").getByRole("button", { name: "Discard" }).click();
    await expect.poll(() => unsentBubble("Never mind this one").count()).toBe(0);
    await page.context().setOffline(false);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Mia" }).waitFor();
    await page.locator('.message-list [data-kind="user"]').first().waitFor();
    expect(await page.getByText("Never mind this one").count()).toBe(0);
    expect(await storedTexts()).not.toContain("Never mind this one");
  });

  it("keeps what two tabs left unsent, each tab's own, and sends both after a reload", async () => {
    const { page, context } = browser;
    const second = await context.newPage();
    await second.goto("/");
    await pickAgent(second, "Mia");
    await context.setOffline(true);
    for (const [tab, text] of [
      [page, "Written in the first tab"],
      [second, "Written in the second tab"],
    ] as const) {
      await tab.getByLabel("Message to Mia").fill(text);
      await tab.keyboard.press("Enter");
      await tab.locator(".bubble.pending").filter({ hasText: text }).getByText("Not sent").waitFor();
    }
    await second.close();
    await context.setOffline(false);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Mia" }).waitFor();
    await expect
      .poll(() => storedTexts(), { timeout: 30_000 })
      .toEqual(expect.arrayContaining(["Written in the first tab", "Written in the second tab"]));
  });

  it("keeps one person's unsent messages from another who signs in on the same browser, and not past a sign-out", async () => {
    const { page } = browser;
    await sendOffline("Only for Ana's eyes");
    const unsentKeys = () =>
      page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("withme.unsent")));
    expect(await unsentKeys()).not.toEqual([]);
    await page.getByRole("button", { name: /sign out/i }).click();
    await page.getByLabel("Dev token").waitFor();
    expect(await unsentKeys()).toEqual([]);
    await page.context().setOffline(false);
    // Nor is Ana's "Not sent … Retry" notice left on the sign-in screen for whoever comes next.
    expect(await page.getByRole("region", { name: "Notices" }).getByRole("button").count()).toBe(0);
    await signIn(page, "dev:ben");
    // Ben starts at the companion list, not in the conversation Ana had open.
    await page.getByRole("navigation", { name: "Agents" }).getByRole("button", { name: /Mia/ }).waitFor();
    expect(await page.locator(".chat-layout.has-agent").count()).toBe(0);
    await pickAgent(page, "Mia");
    await page.getByLabel("Message to Mia").waitFor();
    expect(await page.getByText("Only for Ana's eyes").count()).toBe(0);
    expect((await messagesOf(server, "dev:ben", mia)).map((m) => m.text)).not.toContain(
      "Only for Ana's eyes",
    );
  });
});
