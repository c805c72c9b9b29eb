import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql, type Loose } from "../graphql/apiHarness.ts";
import { upload } from "../graphql/uploads.ts";
import { eventually } from "../support/coreHarness.ts";
import { hasChromium, openBrowser, pickAgent, screenshot, signIn, type TestBrowser } from "./browser.ts";
import { closeClientInBrowser, startClientInBrowser } from "./clientInBrowser.ts";
import type { ClientServer } from "./clientServer.ts";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium — the browser tests did not run");

const card = path.resolve(import.meta.dirname, "../fixtures/cards/v3.png");
const GREETINGS = [
  "Last bowl of the night, Ana. Shio or shoyu?",
  "*He flips the sign to CLOSED, then back to OPEN when he sees you.* Alright, one more.",
];
const AGENT = `query($id: ID!) { agent(id: $id) {
  name greetings appearancePrompt identity { homeCity occupation timezone } persona { summary traits interests speakingStyle backstory } } }`;

const LORE_ENTRIES = `query($id: ID!) { lorebook(id: $id) { entries {
  id comment keys secondaryKeys selectiveLogic content enabled constant insertionOrder position } } }`;

let server: ClientServer;
let browser: TestBrowser;

describe.skipIf(!hasChromium)("web client: character cards", () => {
  beforeAll(async () => {
    ({ server, browser } = await startClientInBrowser());
  });
  afterAll(() => closeClientInBrowser(server, browser));

  it("imports a PNG card with a confirmed identity, shows portrait and greeting, greets a person, and exports the same agent", async () => {
    const { page } = browser;
    await signIn(page, "dev");
    await page.getByRole("link", { name: "Admin" }).click();
    await page.getByRole("button", { name: "Import a card" }).click();
    await page.getByLabel("Character card (PNG, .charx or JSON)").setInputFiles(card);
    await page.getByText("Kaito Arakawa", { exact: false }).first().waitFor({ timeout: 30_000 });
    await page.getByLabel("Home city").fill("Lisbon");
    await page.getByLabel("Occupation").fill("Ramen cook");
    await page.getByLabel("Time zone").fill("Europe/Lisbon");
    await page.getByRole("button", { name: "Import card" }).click();
    await page.getByRole("heading", { level: 2, name: "Kaito Arakawa" }).waitFor({ timeout: 30_000 });
    const portrait = page.getByTestId("base-portrait");
    await portrait.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => portrait.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true);
    const greetings = page.getByRole("list", { name: "Greetings" });
    await greetings.getByText("Last bowl of the night, {{user}}. Shio or shoyu?").waitFor();
    await screenshot(page, "admin-card-imported");

    const person = await openBrowser(server.url);
    try {
      await signIn(person.page, "dev:ana");
      await pickAgent(person.page, "Kaito Arakawa");
      const greeting = person.page.locator('.message-list [data-kind="initiated"]').first();
      await greeting.waitFor({ timeout: 30_000 });
      expect(GREETINGS).toContain((await greeting.locator(".text").textContent())?.trim());
      await screenshot(person.page, "chat-card-greeting");
      expect(person.errors).toEqual([]);
    } finally {
      await person.close();
    }

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export card (PNG)" }).click(),
    ]);
    const exported = new Uint8Array(await readFile((await download.path())!));
    const agentId = (await gql(server.url, "{ agents { id name } }", {}, "dev")).data!.agents.find(
      (a: Loose) => a.name === "Kaito Arakawa",
    ).id;
    const again = await upload(
      server.url,
      `mutation($input: ImportCardInput!) { importCard(input: $input) { agentId } }`,
      { input: { file: null } },
      { at: "input.file", bytes: exported, name: download.suggestedFilename() },
    );
    expect(again.errors).toBeUndefined();
    const read = (id: string) =>
      eventually(async () => (await gql(server.url, AGENT, { id }, "dev")).data?.agent ?? undefined, 30_000);
    // The same agent again, named apart from the one its card came from.
    const original = await read(agentId);
    expect(await read(again.data!.importCard.agentId)).toEqual({ ...original, name: `${original.name} (2)` });
  });
  it("imports world info in the lorebook editor, adds an entry and attaches the book to an agent", async () => {
    const { page } = browser;
    await page.goto("/admin");
    await page.getByRole("tab", { name: "Lorebooks" }).click();
    await page
      .getByLabel("Import world info (JSON)")
      .setInputFiles(path.resolve(import.meta.dirname, "../fixtures/cards/worldinfo.json"));
    await page
      .getByRole("heading", { level: 2, name: "Worldinfo", exact: true })
      .waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator(".lore-entries > li").count(), { timeout: 30_000 }).toBe(6);
    // The entries are cards under the book's name, not a bulleted list indented beside it.
    const entry = page.locator(".lore-entries > li").first();
    expect(await entry.evaluate((li) => getComputedStyle(li).listStyleType)).toBe("none");
    const heading = (await page
      .getByRole("heading", { level: 2, name: "Worldinfo", exact: true })
      .boundingBox())!;
    expect((await entry.boundingBox())!.x).toBe(heading.x);
    // An entry shows the title its file gave it.
    await page.locator(".lore-entries").getByRole("heading", { level: 3, name: "Ravenhold" }).waitFor();
    // The title can be edited; a save keeps what the editor does not show.
    const bookId = (await gql(server.url, "{ lorebooks { id name } }", {}, "dev")).data!.lorebooks.find(
      (b: Loose) => b.name === "Worldinfo",
    ).id;
    const entriesNow = async () =>
      (await gql(server.url, LORE_ENTRIES, { id: bookId }, "dev")).data?.lorebook?.entries ?? [];
    const before = (await entriesNow()).find((e: Loose) => e.comment === "Ravenhold");
    const ravenhold = page
      .locator(".lore-entries > li")
      .filter({ has: page.getByRole("heading", { level: 3, name: "Ravenhold", exact: true }) });
    await ravenhold.getByLabel("Title").fill("Ravenhold, the river city");
    await ravenhold.getByRole("button", { name: "Save entry" }).click();
    const retitled = await eventually(
      async () => (await entriesNow()).find((e: Loose) => e.comment === "Ravenhold, the river city"),
      30_000,
    );
    expect(retitled).toEqual({ ...before, comment: "Ravenhold, the river city" });
    // "Attach to agent" stays on one line beside the agent list.
    const attach = page.getByRole("button", { name: "Attach to agent" });
    const lines = await attach.evaluate((button) => {
      const range = document.createRange();
      range.selectNodeContents(button);
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    });
    expect(lines).toBe(1);
    const form = page.locator("form").last();
    await form.getByLabel("Title").fill("The lighthouse");
    await form.getByLabel("Keys (comma separated)").fill("lighthouse, beacon");
    await form.getByLabel("Content").fill("<b>The lighthouse</b> has been dark since spring.");
    await form.getByRole("button", { name: "Add entry" }).click();
    await expect.poll(() => page.locator(".lore-entries > li").count(), { timeout: 30_000 }).toBe(7);
    expect((await entriesNow()).find((e: Loose) => e.keys.includes("beacon"))?.comment).toBe(
      "The lighthouse",
    );
    // Entry text is shown as text, never as markup.
    expect(await page.locator(".lore-entries b").count()).toBe(0);
    await page.getByLabel("Agent").selectOption({ index: 1 });
    await page.getByRole("button", { name: "Attach to agent" }).click();
    await page.getByRole("button", { name: "Detach from agent" }).waitFor({ timeout: 30_000 });
    await screenshot(page, "admin-lorebook-editor");
  });
});
