import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, openBrowser, screenshot, type TestBrowser } from "../client/browser.ts";
import { startTestApi, type TestApi } from "../graphql/apiHarness.ts";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium — the GraphiQL browser test did not run");

let api: TestApi;
let browser: TestBrowser;
const elsewhere: string[] = [];

describe.skipIf(!hasChromium)("GraphiQL with no internet", () => {
  beforeAll(async () => {
    api = await startTestApi();
    browser = await openBrowser(api.url);
    // Nothing but this server is reachable, as on a machine without internet.
    await browser.context.route(
      (url) => !["127.0.0.1", "localhost"].includes(url.hostname) && !url.protocol.startsWith("blob"),
      async (route) => {
        elsewhere.push(route.request().url());
        await route.abort("internetdisconnected");
      },
    );
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it("serves its scripts and styles itself: no request leaves the machine", async () => {
    const html = await (await fetch(`${api.url}/graphql`, { headers: { accept: "text/html" } })).text();
    expect(html).not.toMatch(/<script[^>]+src=["']https?:/);
    expect(html).not.toMatch(/<link[^>]+href=["']https?:/);
    expect(html).not.toContain("unpkg.com");
  });

  it("renders, runs a query, and runs a subscription over WebSocket", async () => {
    const { page } = browser;
    const subscription = 'subscription { conversationEvents(agentId: "nobody") { __typename } }';
    await page.goto(`/graphql?query=${encodeURIComponent("{ __typename }")}`);
    await page.locator(".graphiql-container").first().waitFor({ timeout: 60_000 });
    await page.locator(".graphiql-execute-button").first().click();
    await expect
      .poll(() => page.locator(".graphiql-response").first().innerText(), { timeout: 30_000 })
      .toContain('"Query"');
    await page.goto(`/graphql?query=${encodeURIComponent(subscription)}`);
    await page.locator(".graphiql-container").first().waitFor({ timeout: 60_000 });
    const socket = page.waitForEvent("websocket");
    await page.locator(".graphiql-execute-button").first().click();
    expect((await socket).url()).toMatch(/\/graphql$/);
    // No token was given, so the server's own answer comes back over the socket.
    await expect
      .poll(() => page.locator(".graphiql-response").first().innerText(), { timeout: 30_000 })
      .toMatch(/UNAUTHENTICATED|sign in/i);
    await screenshot(page, "graphiql-offline");
    expect(elsewhere).toEqual([]);
  });
});
