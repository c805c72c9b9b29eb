import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../graphql/apiHarness.ts";
import { eventually } from "../support/coreHarness.ts";
import { createAgent, seedConversation, userIdOf } from "./apiSteps.ts";
import { hasChromium, screenshot, signIn, type TestBrowser } from "./browser.ts";
import { closeClientInBrowser, startClientInBrowser } from "./clientInBrowser.ts";
import type { ClientServer } from "./clientServer.ts";
import { pathOf } from "./treeSteps.ts";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium — the browser tests did not run");

const ADMIN = "dev";
const ALEX = "dev:alex";
const SAM = "dev:sam";
let server: ClientServer;
let browser: TestBrowser;

async function pastOf(agentId: string, revision: number) {
  const result = await gql(
    server.url,
    `query($agentId: ID!, $revision: Int!) { conversation(agentId: $agentId, asOf: { revision: $revision }) {
      state { affinity }
      messages(last: 100) { edges { node { text } } }
    } }`,
    { agentId, revision },
    ALEX,
  );
  const conversation = result.data!.conversation;
  return {
    affinity: conversation.state.affinity as number,
    texts: conversation.messages.edges.map((e: { node: { text: string | null } }) => e.node.text),
  };
}

async function slideTo(page: Page, revision: number) {
  const slider = page.getByRole("slider");
  await slider.focus();
  await page.keyboard.press("Home");
  for (let step = -1; step < revision; step++) await page.keyboard.press("ArrowRight");
  await page.getByText(new RegExp(`^Revision ${revision} of \\d+`)).waitFor();
}

const shownTexts = (page: Page) => page.locator(".past-messages .past-text").allInnerTexts();

describe.skipIf(!hasChromium)("web client: admin time travel", () => {
  beforeAll(async () => {
    ({ server, browser } = await startClientInBrowser());
  });
  afterAll(() => closeClientInBrowser(server, browser));

  it("slides over a person's conversation, showing the path, mood and affinity as they were", async () => {
    const agentId = await createAgent(server, "Maya");
    await seedConversation(server, ALEX, agentId, ["Hello Maya, thank you for the lovely sketch!"]);
    const before = await pathOf(server, ALEX, agentId);
    const beforeRevision = (
      await gql(
        server.url,
        `query($a: ID!) { conversation(agentId: $a) { state { revision } } }`,
        { a: agentId },
        ALEX,
      )
    ).data!.conversation.state.revision as number;
    await gql(
      server.url,
      `mutation($input: RegenerateReplyInput!) { regenerateReply(input: $input) { replyId } }`,
      { input: { agentId, replyId: before.messages.at(-1)!.id, clientRequestId: randomUUID() } },
      ALEX,
    );
    await eventually(async () => {
      const last = (await pathOf(server, ALEX, agentId)).messages.at(-1)!;
      return last.status === "COMPLETED" && last.id !== before.messages.at(-1)!.id;
    }, 60_000);

    // Someone who only opened the conversation has the greeting alone.
    const opened = await gql(
      server.url,
      `mutation($a: ID!) { openConversation(agentId: $a) { greetingId } }`,
      { a: agentId },
      SAM,
    );
    expect(opened.data?.openConversation.greetingId).toBeTruthy();

    const { page } = browser;
    await signIn(page, ADMIN);
    await page.getByRole("link", { name: "Admin" }).click();
    await page.getByRole("tab", { name: "Time travel" }).click();
    await page.getByLabel("Agent").selectOption({ label: "Maya" });
    const alex = await userIdOf(server, ALEX);
    const sam = await userIdOf(server, SAM);
    await expect
      .poll(() =>
        page.getByLabel("Conversation", { exact: true }).locator(`option[value="${sam}"]`).textContent(),
      )
      .toMatch(/ — 1 message, since /);
    await page.getByLabel("Conversation", { exact: true }).selectOption(alex);
    await page.getByRole("slider").waitFor();

    const now = await pathOf(server, ALEX, agentId);
    await expect.poll(() => shownTexts(page)).toEqual(now.messages.map((m) => m.text));
    await expect.poll(() => page.getByTestId("past-affinity").textContent()).toBe(String(now.affinity));
    await screenshot(page, "admin-time-travel-latest");

    await slideTo(page, beforeRevision);
    const then = await pastOf(agentId, beforeRevision);
    expect(then.texts).toEqual(before.messages.map((m) => m.text));
    await expect.poll(() => shownTexts(page)).toEqual(then.texts);
    await expect.poll(() => page.getByTestId("past-affinity").textContent()).toBe(String(then.affinity));

    await slideTo(page, 1);
    await expect.poll(() => shownTexts(page)).toEqual([before.messages[0]!.text]);
    expect(browser.errors).toEqual([]);
  });
});
