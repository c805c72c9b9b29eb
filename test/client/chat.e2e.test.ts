import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conversationStreamId } from "../../src/domain/streamIds.ts";
import { gql } from "../graphql/apiHarness.ts";
import { eventually } from "../support/coreHarness.ts";
import { createAgent, messagesOf, raiseAffinity, seedConversation, userIdOf } from "./apiSteps.ts";
import { hasChromium, openBrowser, pickAgent, screenshot, signIn, type TestBrowser } from "./browser.ts";
import { closeClientInBrowser, startClientInBrowser } from "./clientInBrowser.ts";
import type { ClientServer } from "./clientServer.ts";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium — the browser tests did not run");

const ALEX = "dev:alex";
let server: ClientServer;
let browser: TestBrowser;
let mia: string;
let noor: string;
const graphqlBodies: string[] = [];

const bubbles = (page: Page, kind: string, text?: string) => {
  const all = page.locator(`.message-list [data-kind="${kind}"]`);
  return text ? all.filter({ has: page.locator(".text").getByText(text, { exact: true }) }) : all;
};

describe.skipIf(!hasChromium)("web client: chat", () => {
  beforeAll(async () => {
    ({ server, browser } = await startClientInBrowser());
    mia = await createAgent(server, "Mia");
    noor = await createAgent(server, "Noor", "Porto");
    browser.page.on("request", (request) => {
      if (request.url().endsWith("/graphql") && request.method() === "POST")
        graphqlBodies.push(request.postData() ?? "");
    });
  });
  afterAll(() => closeClientInBrowser(server, browser));

  it("signs in, picks an agent and shows the reply streaming in before it is complete", async () => {
    const { page } = browser;
    server.tokenDelay.ms = 90;
    await signIn(page, ALEX);
    await pickAgent(page, "Mia");
    await page.getByLabel("Message to Mia").fill("Hi Mia! How was your day at the studio?");
    await page.keyboard.press("Enter");
    await expect.poll(() => bubbles(page, "user", "Hi Mia! How was your day at the studio?").count()).toBe(1);

    const streaming = page.getByTestId("streaming-reply").filter({ has: page.locator(".caret") });
    await streaming.waitFor();
    const partial = (await streaming.textContent())!.trim();
    const userId = await userIdOf(server, ALEX);
    const stored = await server.system.eventStore.readStream(conversationStreamId(userId, mia));
    expect(stored.map((e) => e.type)).toContain("AgentReplyStarted");
    expect(stored.map((e) => e.type)).not.toContain("AgentReplyCompleted");
    await screenshot(page, "chat-streaming-desktop");

    await expect.poll(() => page.getByTestId("streaming-reply").count(), { timeout: 30_000 }).toBe(0);
    const reply = (await bubbles(page, "reply").first().locator(".text").textContent())!.trim();
    expect(reply.length).toBeGreaterThan(partial.length);
    expect(reply.startsWith(partial.slice(0, 8))).toBe(true);
    expect(await bubbles(page, "reply").count()).toBe(1);
    expect(await bubbles(page, "user").count()).toBe(1);

    const bodies = graphqlBodies.map(
      (body) =>
        JSON.parse(body) as { query?: string; extensions?: { persistedQuery?: { sha256Hash?: unknown } } },
    );
    expect(bodies.length).toBeGreaterThan(0);
    expect(
      bodies.every((b) => typeof b.extensions?.persistedQuery?.sha256Hash === "string" && !b.query),
    ).toBe(true);
    await screenshot(page, "chat-conversation-desktop");
  });

  it("loads earlier messages", async () => {
    const { page } = browser;
    server.tokenDelay.ms = 0;
    const texts = Array.from({ length: 18 }, (_, i) => `History message ${i + 1}`);
    await seedConversation(server, ALEX, noor, texts);
    await pickAgent(page, "Noor");
    await bubbles(page, "user", "History message 18").waitFor();
    expect(await bubbles(page, "user", "History message 1").count()).toBe(0);
    await page.getByRole("button", { name: "Load earlier messages" }).click();
    await bubbles(page, "user", "History message 1").first().waitFor();
    expect(await bubbles(page, "user", "History message 1").count()).toBe(1);
    const listed = await messagesOf(server, ALEX, noor);
    expect(await page.locator(".message-list > li").count()).toBe(listed.length);
    await expect.poll(() => page.getByRole("button", { name: "Load earlier messages" }).count()).toBe(0);
  });

  it("loads earlier messages when the person scrolls back to the top, keeping the view where it was", async () => {
    const { page } = browser;
    const ines = await createAgent(server, "Ines", "Faro");
    const texts = Array.from({ length: 18 }, (_, i) => `Older message ${i + 1}`);
    await seedConversation(server, ALEX, ines, texts);
    await page.reload();
    await pickAgent(page, "Ines");
    await bubbles(page, "user", "Older message 18").waitFor();
    expect(await bubbles(page, "user", "Older message 1").count()).toBe(0);
    const firstShown = bubbles(page, "user").first();
    const firstText = (await firstShown.locator(".text").textContent())!;
    const list = page.locator(".messages");
    const box = (await list.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -100_000);
    await bubbles(page, "user", "Older message 1").first().waitFor();
    expect(await bubbles(page, "user", "Older message 1").count()).toBe(1);
    // What was at the top before is still in view: the older messages came in above it.
    const before = (await bubbles(page, "user", firstText).boundingBox())!;
    expect(before.y).toBeGreaterThanOrEqual(box.y - before.height);
    expect(before.y).toBeLessThan(box.y + box.height);
    expect(await page.locator(".message-list > li").count()).toBe(
      (await messagesOf(server, ALEX, ines)).length,
    );
  });

  it("lists a companion added while the page was open once the person comes back to the page", async () => {
    const { page } = browser;
    await page.goto("/");
    const companions = page.getByRole("navigation", { name: "Agents" });
    await companions.getByRole("button", { name: /Mia/ }).waitFor();
    await createAgent(server, "Wren", "Galway");
    // Headless Chromium never loses the focus: the window is told it has it again, as on a return.
    await page.evaluate(() => window.dispatchEvent(new Event("focus")));
    await companions.getByRole("button", { name: /Wren/ }).waitFor();
  });

  it("shows a companion's new name in its open conversation once the person comes back to the page", async () => {
    const { page } = browser;
    await page.reload();
    await pickAgent(page, "Wren");
    const wren = (await gql(server.url, "{ agents { id name } }", {}, "dev")).data!.agents.find(
      (a: { name: string }) => a.name === "Wren",
    ).id as string;
    const renamed = await gql(
      server.url,
      "mutation($input: UpdateAgentInput!) { updateAgent(input: $input) { agentId } }",
      { input: { agentId: wren, name: "Wren Byrne" } },
      "dev",
    );
    expect(renamed.errors).toBeUndefined();
    await eventually(async () =>
      (await gql(server.url, "{ agents { name } }", {}, ALEX)).data?.agents.some(
        (a: { name: string }) => a.name === "Wren Byrne",
      ),
    );
    await page.evaluate(() => window.dispatchEvent(new Event("focus")));
    await page.getByRole("heading", { level: 1, name: "Wren Byrne" }).waitFor();
    await page.getByLabel("Message to Wren Byrne").waitFor();
  });

  it("asks for a selfie and shows the picture when it arrives", async () => {
    const { page } = browser;
    await pickAgent(page, "Mia");
    await raiseAffinity(server, await userIdOf(server, ALEX), mia, 40);
    await expect.poll(() => page.getByTestId("affinity-cue").filter({ hasText: "+5" }).count()).toBe(1);
    await expect.poll(() => page.getByTestId("affinity").textContent()).toBe("40");
    await page.getByRole("button", { name: "Ask for a selfie" }).click();
    await bubbles(page, "user", "Send me a selfie?").waitFor();
    const picture = page.getByRole("img", { name: "A picture from Mia" });
    await picture.waitFor({ timeout: 60_000 });
    await expect
      .poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true);
    expect(await picture.getAttribute("src")).toMatch(/^\/media\//);
    await screenshot(page, "chat-selfie-desktop");
    await page.getByRole("button", { name: /A picture from Mia|Open larger/ }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    await screenshot(page, "chat-lightbox-desktop");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
  });

  it("catches up after a dropped connection without losing or repeating anything", async () => {
    const page = await browser.context.newPage();
    const sockets = new Set<{ close(options?: { code?: number; reason?: string }): Promise<void> }>();
    const subscribes: { afterRevision?: number }[] = [];
    const sentByHash: boolean[] = [];
    let blocked = false;
    await page.routeWebSocket(/\/graphql$/, (socket) => {
      if (blocked) return void socket.close({ code: 1012, reason: "test: still down" });
      const upstream = socket.connectToServer();
      sockets.add(socket);
      socket.onMessage((message) => {
        const frame = JSON.parse(String(message)) as {
          type: string;
          payload?: {
            operationName?: string;
            query?: string;
            variables?: { afterRevision?: number };
            extensions?: { persistedQuery?: { sha256Hash?: string } };
          };
        };
        if (frame.type === "subscribe" && frame.payload?.operationName === "ConversationEvents") {
          subscribes.push(frame.payload.variables ?? {});
          sentByHash.push(
            frame.payload.query === "" && Boolean(frame.payload.extensions?.persistedQuery?.sha256Hash),
          );
        }
        upstream.send(message);
      });
    });
    await page.goto("/");
    await pickAgent(page, "Mia");
    await expect.poll(() => subscribes.length).toBeGreaterThan(0);
    const replies = await bubbles(page, "reply").count();
    await page.getByLabel("Message to Mia").fill("Quick question before I go");
    await page.keyboard.press("Enter");
    await expect.poll(() => bubbles(page, "reply").count(), { timeout: 30_000 }).toBe(replies + 1);
    await expect.poll(() => page.getByTestId("streaming-reply").count(), { timeout: 30_000 }).toBe(0);
    const before = replies + 1;

    blocked = true;
    for (const socket of sockets) await socket.close({ code: 1012, reason: "test: connection dropped" });
    await page.getByRole("status").filter({ hasText: "Reconnecting" }).waitFor();
    await page.getByLabel("Message to Mia").fill("Are you still there?");
    await page.keyboard.press("Enter");
    await expect.poll(() => bubbles(page, "user", "Are you still there?").count()).toBe(1);
    await eventually(async () => {
      const messages = await messagesOf(server, ALEX, mia);
      return messages.filter((m) => m.kind === "REPLY" && m.status === "COMPLETED").length > before;
    }, 30_000);
    await screenshot(page, "chat-reconnecting-desktop");

    blocked = false;
    await expect.poll(() => bubbles(page, "reply").count(), { timeout: 30_000 }).toBe(before + 1);
    const resumed = subscribes.at(-1)!.afterRevision ?? -1;
    expect(subscribes.length).toBeGreaterThan(1);
    expect(sentByHash.every(Boolean)).toBe(true);
    expect(resumed).toBeGreaterThan(subscribes[0]!.afterRevision ?? -1);
    expect(await bubbles(page, "user", "Are you still there?").count()).toBe(1);
    const listed = await messagesOf(server, ALEX, mia);
    await expect.poll(() => page.locator(".message-list > li").count()).toBe(listed.length);
    await page.close();
  });

  it("sends five fast Enters one at a time and stores them in the order they were typed", async () => {
    const page = await browser.context.newPage();
    let inFlight = 0;
    let mostInFlight = 0;
    let first = true;
    await page.route(/\/graphql$/, async (route) => {
      const body = route.request().postData() ?? "";
      if (!body.includes('"SendMessage"')) return route.continue();
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      if (first) {
        first = false;
        // The first send is held until every message is on screen, so the others had every chance to overtake it.
        await expect.poll(() => page.locator(".message-list .pending").count(), { timeout: 30_000 }).toBe(5);
      }
      const response = await route.fetch();
      inFlight--;
      await route.fulfill({ response });
    });
    await page.goto("/");
    await pickAgent(page, "Noor");
    const texts = Array.from({ length: 5 }, (_, i) => `rapid ${i + 1}`);
    for (const text of texts) {
      await page.getByLabel("Message to Noor").fill(text);
      await page.keyboard.press("Enter");
    }
    await expect.poll(() => page.locator(".message-list .pending").count(), { timeout: 30_000 }).toBe(0);
    // The list is read from the messages read model, which follows the sends a moment behind.
    await expect
      .poll(
        async () =>
          (await messagesOf(server, ALEX, noor))
            .filter((m) => m.text?.startsWith("rapid "))
            .map((m) => m.text),
        { timeout: 30_000 },
      )
      .toEqual(texts);
    expect(mostInFlight).toBe(1);
    await page.close();
  });

  it("keeps the focus in the message box after a click on Send, and Shift+Enter starts a new line", async () => {
    const { page } = browser;
    await pickAgent(page, "Noor");
    const box = page.getByLabel("Message to Noor");
    await box.fill("first line");
    await box.press("Shift+Enter");
    await box.pressSequentially("second line");
    expect(await box.inputValue()).toBe("first line\nsecond line");
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await bubbles(page, "user", "first line\nsecond line").waitFor();
    expect(await box.inputValue()).toBe("");
    expect(await box.evaluate((element) => element === document.activeElement)).toBe(true);
    await pickAgent(page, "Mia");
  });

  it("shows another person none of it, and fits a phone-sized screen", async () => {
    const other = await openBrowser(server.url, { width: 360, height: 740, colorScheme: "dark" });
    try {
      await signIn(other.page, "dev:sam");
      await other.page.getByRole("navigation", { name: "Agents" }).waitFor();
      await screenshot(other.page, "chat-agents-360-dark");
      await pickAgent(other.page, "Mia");
      // Sam's own conversation opens with Mia's greeting, and nothing of the other person's.
      await other.page.locator('.message-list [data-kind="initiated"]').first().waitFor();
      expect(await other.page.locator(".message-list > li").count()).toBe(1);
      expect(await other.page.getByText("How was your day", { exact: false }).count()).toBe(0);
      // The page may show the greeting from the live stream before the messages read model lists it.
      await expect
        .poll(async () => (await messagesOf(server, "dev:sam", mia)).map((m) => m.kind))
        .toEqual(["INITIATED"]);
      expect(other.errors).toEqual([]);
    } finally {
      await other.close();
    }
    const { page } = browser;
    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByRole("heading", { level: 1, name: "Mia" }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, "chat-conversation-360");
    expect(browser.errors.filter((e) => !/WebSocket/i.test(e))).toEqual([]);
  });
});
