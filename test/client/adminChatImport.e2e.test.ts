import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readChatJsonl } from "../../src/application/cards/chatJsonl.ts";
import { fixtureBytes } from "../fixtures/cards/build.ts";
import { gql } from "../graphql/apiHarness.ts";
import { eventually } from "../support/coreHarness.ts";
import { createAgent, userIdOf } from "./apiSteps.ts";
import { hasChromium, signIn, type TestBrowser } from "./browser.ts";
import { closeClientInBrowser, startClientInBrowser } from "./clientInBrowser.ts";
import type { ClientServer } from "./clientServer.ts";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium — the browser tests did not run");

const chatFile = path.resolve(import.meta.dirname, "../fixtures/cards/chat.jsonl");
let server: ClientServer;
let browser: TestBrowser;

describe.skipIf(!hasChromium)("web client: an operator imports a chat for a person", () => {
  beforeAll(async () => {
    ({ server, browser } = await startClientInBrowser());
    await createAgent(server, "Mira");
  }, 180_000);
  afterAll(() => closeClientInBrowser(server, browser));

  it("imports into the chosen person's conversation, shows the result, and says when the person is unknown", async () => {
    const { page } = browser;
    const original = readChatJsonl(fixtureBytes("chat.jsonl"));
    const roId = await userIdOf(server, "dev:ro");
    await signIn(page, "dev");
    await page.getByRole("link", { name: "Admin" }).click();
    await page.getByRole("tab", { name: "Import a chat" }).click();
    await page.getByRole("heading", { level: 2, name: "Import a chat for a person" }).waitFor();

    await page.getByLabel("Person (user id)").fill(roId);
    await page.getByLabel("Agent").selectOption({ label: "Mira" });
    await page.getByLabel("Chat file (JSONL)").setInputFiles(chatFile);
    await page.getByRole("button", { name: "Import chat" }).click();
    await page
      .getByRole("status")
      .getByText(`Imported ${original.messages.length} messages into ${roId}'s conversation with Mira.`)
      .waitFor({ timeout: 30_000 });

    // The conversation is Ro's, not the operator's.
    const agents = await gql(server.url, "{ agents { id name } }", {}, "dev:ro");
    const mira = (agents.data!.agents as { id: string; name: string }[]).find((a) => a.name === "Mira")!;
    const texts = await eventually(async () => {
      const result = await gql(
        server.url,
        `query($id: ID!) { conversation(agentId: $id) { messages(last: 20) { edges { node { text } } } } }`,
        { id: mira.id },
        "dev:ro",
      );
      const edges: { node: { text: string } }[] = result.data?.conversation.messages.edges ?? [];
      return edges.length >= original.messages.length ? edges.map((e) => e.node.text) : undefined;
    }, 30_000);
    expect(texts.slice(0, original.messages.length)).toEqual(original.messages.map((m) => m.text));

    // An unknown person is told at once: there is no agent of theirs to pick, nothing to import.
    await page.getByLabel("Person (user id)").fill("no-such-person");
    await page
      .getByRole("alert")
      .getByText("No such person: they never signed in, or were erased.")
      .waitFor();
    expect(await page.getByRole("button", { name: "Import chat" }).isDisabled()).toBe(true);
    expect(browser.errors).toEqual([]);
  }, 180_000);
});
