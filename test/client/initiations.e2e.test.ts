import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conversationDecider } from "../../src/domain/conversation/decider.ts";
import { conversationStreamId } from "../../src/domain/streamIds.ts";
import { createAgent, seedConversation, userIdOf } from "./apiSteps.ts";
import { hasChromium, pickAgent, screenshot, signIn, type TestBrowser } from "./browser.ts";
import { closeClientInBrowser, startClientInBrowser } from "./clientInBrowser.ts";
import type { ClientServer } from "./clientServer.ts";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium — the browser tests did not run");

const LOU = "dev:lou";
let server: ClientServer;
let browser: TestBrowser;
let mia: string;
let noor: string;

describe.skipIf(!hasChromium)("web client: messages an agent starts", () => {
  beforeAll(async () => {
    ({ server, browser } = await startClientInBrowser());
    mia = await createAgent(server, "Mia");
    noor = await createAgent(server, "Noor", "Porto");
  });
  afterAll(() => closeClientInBrowser(server, browser));

  it("shows an initiated message live, as the agent's", async () => {
    const { page } = browser;
    await signIn(page, LOU);
    await seedConversation(server, LOU, mia, ["Hi Mia! Off to the market, talk later."]);
    await pickAgent(page, "Mia");
    await page.locator('.message-list [data-kind="reply"]').first().waitFor();

    const userId = await userIdOf(server, LOU);
    const text = "I just finished a sketch of the harbour and thought of you. How was the market?";
    const now = new Date();
    await server.system.commands.handle(
      conversationDecider,
      conversationStreamId(userId, mia),
      {
        type: "InitiateMessage",
        userId,
        agentId: mia,
        messageId: "init-client-e2e",
        text,
        trigger: "check_in",
        now: now.toISOString(),
      },
      {
        commandId: "initiate:client-e2e",
        actor: "scheduler",
        requestId: null,
        correlationId: "initiate:client-e2e",
        causationId: null,
        now,
      },
    );
    // The greeting that opened the conversation is an initiated message too.
    const bubble = page.locator('.message-list [data-kind="initiated"]').filter({ hasText: text });
    await bubble.getByText(text, { exact: true }).waitFor();
    expect(await bubble.getAttribute("class")).toContain("theirs");
    expect(await bubble.count()).toBe(1);
    const kinds = await page
      .locator(".message-list [data-kind]")
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-kind")));
    expect(kinds.at(-1)).toBe("initiated");
    await screenshot(page, "chat-initiated-desktop");
  });

  it("opens the conversation a notification points at", async () => {
    const { page } = browser;
    await pickAgent(page, "Noor");
    // The service worker turns a push's /chat/<agentId> into /?agent=<agentId>.
    await page.goto(`/?agent=${encodeURIComponent(mia)}`);
    await page.getByRole("heading", { level: 1, name: "Mia" }).waitFor();
    await expect.poll(() => new URL(page.url()).search).toBe("");
    await page.locator('.message-list [data-kind="initiated"]').last().waitFor();
    expect(noor).not.toBe(mia);
  });
});
