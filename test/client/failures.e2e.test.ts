import type { Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAgent, messagesOf, seedConversation } from "./apiSteps.ts";
import { hasChromium, openBrowser, pickAgent, screenshot, signIn, type TestBrowser } from "./browser.ts";
import { closeClientInBrowser, startClientInBrowser } from "./clientInBrowser.ts";
import type { ClientServer } from "./clientServer.ts";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium — the browser tests did not run");

let server: ClientServer;
let browser: TestBrowser;
let agentId: string;
/** While true, what the server sends on the socket waits: the page hears nothing live. */
let holding = false;
let release = () => {};

describe.skipIf(!hasChromium)("web client: failures", () => {
  beforeAll(async () => {
    ({ server, browser } = await startClientInBrowser());
    agentId = await createAgent(server, "Mia");
    await browser.page.routeWebSocket(/\/graphql$/, (socket) => {
      const upstream = socket.connectToServer();
      const held: (string | Buffer)[] = [];
      release = () => {
        for (const frame of held.splice(0)) socket.send(frame);
      };
      upstream.onMessage((frame) => (holding ? held.push(frame) : socket.send(frame)));
    });
    await signIn(browser.page, "dev:kim");
    await pickAgent(browser.page, "Mia");
  });
  afterAll(() => closeClientInBrowser(server, browser));

  it("retries a send whose answer was lost, and the message is stored and shown once", async () => {
    const { page } = browser;
    let lose = true;
    await page.route("**/graphql", async (route) => {
      if (!lose || !(route.request().postData() ?? "").includes('"SendMessage"')) return route.fallback();
      lose = false;
      // The server stores the message, but its answer never reaches the page.
      await route.fetch();
      await route.abort("connectionreset");
    });
    holding = true;
    await page.getByLabel("Message to Mia").fill("Did this arrive?");
    await page.keyboard.press("Enter");
    const toast = page.locator(".toast").filter({ hasText: "Not sent" });
    await toast.waitFor();
    await screenshot(page, "chat-send-failed-desktop");
    await toast.getByRole("button", { name: "Retry" }).click();
    const sent = page.locator('.message-list [data-kind="user"]').filter({ hasText: "Did this arrive?" });
    await expect.poll(() => page.getByText("Sending…").count()).toBe(0);
    expect(await sent.count()).toBe(1);
    holding = false;
    release();
    await expect
      .poll(() => page.locator('.message-list [data-kind="reply"]').count(), { timeout: 30_000 })
      .toBe(1);
    expect(await sent.count()).toBe(1);
    const stored = (await messagesOf(server, "dev:kim", agentId)).filter(
      (m) => m.text === "Did this arrive?",
    );
    expect(stored).toHaveLength(1);
    await page.unroute("**/graphql");
  });

  it("shows a failed reply with a retry button that answers it", async () => {
    const { page } = browser;
    await expect
      .poll(() => page.locator('.message-list [data-kind="reply"]').count(), { timeout: 30_000 })
      .toBe(1);
    server.replyFailures.count = 1;
    await page.getByLabel("Message to Mia").fill("Tell me something nice");
    await page.keyboard.press("Enter");
    const toast = page.locator(".toast").filter({ hasText: "could not reply" });
    await toast.waitFor({ timeout: 30_000 });
    await page.locator(".bubble.failed").waitFor();
    await screenshot(page, "chat-reply-failed-desktop");
    await toast.getByRole("button", { name: "Retry" }).click();
    await expect.poll(() => page.locator(".bubble.failed").count(), { timeout: 30_000 }).toBe(0);
    await expect
      .poll(() => page.locator('.message-list [data-kind="reply"] .text').last().textContent(), {
        timeout: 30_000,
      })
      .not.toMatch(/could not reply/);
    expect(await page.locator('.message-list [data-kind="reply"]').count()).toBe(2);
    expect(browser.errors.filter((e) => !/Failed to load resource|ERR_CONNECTION_RESET/.test(e))).toEqual([]);
  });

  it("keeps a failed reply in view above its toast on a phone, the conversation long enough to scroll", async () => {
    await seedConversation(server, "dev:lee", agentId, ["Hi Mia", "How was work?", "Any plans?", "Nice!"]);
    const phone = await openBrowser(server.url, { width: 360, height: 640 });
    try {
      const { page } = phone;
      await signIn(page, "dev:lee");
      await pickAgent(page, "Mia");
      server.replyFailures.count = 1;
      await page
        .getByLabel("Message to Mia")
        .fill("Tell me about your day, all of it, from the first coffee on");
      await page.keyboard.press("Enter");
      const toast = page.locator(".toast").filter({ hasText: "could not reply" });
      await toast.waitFor({ timeout: 30_000 });
      const failed = page.locator(".bubble.failed");
      await failed.waitFor();
      // The toast stays until used, so it must not sit over the reply it is about.
      const room = async () => {
        const [over, under] = await Promise.all([toast.boundingBox(), failed.boundingBox()]);
        return over!.y - (under!.y + under!.height);
      };
      await expect.poll(room).toBeGreaterThanOrEqual(0);
      await screenshot(page, "chat-reply-failed-phone");
    } finally {
      await phone.close();
    }
  });
  it("says in a message that was not sent why, once its notice is closed: too many, or no server", async () => {
    const { page } = browser;
    const refuse = async (route: Route) => {
      const sending = (route.request().postData() ?? "").includes('"SendMessage"');
      if (!sending) return route.fallback();
      if (route.request().postData()?.includes("Are you there?"))
        return route.fulfill({
          status: 429,
          contentType: "application/graphql-response+json",
          body: JSON.stringify({
            errors: [
              {
                message: "Too many changes at once; wait 7 s and try again.",
                extensions: { code: "RATE_LIMITED" },
              },
            ],
          }),
        });
      return route.abort("connectionrefused");
    };
    await page.route("**/graphql", refuse);
    const unsent = (text: string) => page.locator(".bubble.failed").filter({ hasText: text });
    for (const [text, reason] of [
      ["Are you there?", "Too many changes at once; wait 7 s and try again."],
      ["Hello again", "The server could not be reached; try again."],
    ] as const) {
      await page.getByLabel("Message to Mia").fill(text);
      await page.keyboard.press("Enter");
      const toast = page.locator(".toast").filter({ hasText: `Not sent: ${reason}` });
      await toast.waitFor();
      await toast.getByRole("button", { name: "Dismiss" }).click();
      await toast.waitFor({ state: "detached" });
      expect(await unsent(text).textContent()).toContain(reason);
    }
    await screenshot(page, "chat-unsent-reasons-desktop");
    await page.unroute("**/graphql", refuse);
    for (const text of ["Are you there?", "Hello again"])
      await unsent(text).getByRole("button", { name: "Discard" }).click();
    await expect.poll(() => page.locator(".bubble.pending").count()).toBe(0);
  });
});
