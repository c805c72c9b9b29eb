import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAgent } from "./apiSteps.ts";
import { hasChromium, openBrowser, signIn, type TestBrowser } from "./browser.ts";
import { closeClientInBrowser, startClientInBrowser } from "./clientInBrowser.ts";
import type { ClientServer } from "./clientServer.ts";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium — the browser tests did not run");

let server: ClientServer;
let browser: TestBrowser;
let folder: string;

async function worldInfo(name: string, entries: Record<string, unknown>): Promise<string> {
  const file = path.join(folder, `${name}.json`);
  await writeFile(file, JSON.stringify({ entries }));
  return file;
}

describe.skipIf(!hasChromium)("web client: what an import left out, and new books in the list", () => {
  beforeAll(async () => {
    ({ server, browser } = await startClientInBrowser());
    folder = await mkdtemp(path.join(tmpdir(), "withme-import-warnings-"));
  }, 180_000);
  afterAll(() => closeClientInBrowser(server, browser));

  it("lists a lorebook import's warnings, and shows the new book at once with its entry count", async () => {
    const { page } = browser;
    await signIn(page, "dev");
    await page.goto("/admin");
    await page.getByRole("tab", { name: "Lorebooks" }).click();
    const harbour = await worldInfo("Harbour", {
      "0": { uid: 0, key: ["harbour"], content: "The harbour is calm.", order: 100 },
      "1": { uid: 1, key: [], content: "", comment: "Forgotten draft", order: 100 },
    });
    await page.getByLabel("Import world info (JSON)").setInputFiles(harbour);
    const warnings = page.getByRole("list", { name: "Import warnings" });
    await warnings.waitFor({ timeout: 30_000 });
    expect(await warnings.getByRole("listitem").allTextContents()).toEqual([
      expect.stringMatching(/Skipped 1 blank entry.*Forgotten draft/),
    ]);
    const books = page.getByRole("navigation", { name: "Lorebooks" });
    await books.getByText("Harbour · 1 entry").waitFor({ timeout: 30_000 });

    const lighthouse = await worldInfo("Lighthouse", {
      "0": { uid: 0, key: ["lamp"], content: "The lamp is old.", order: 100 },
      "1": { uid: 1, key: ["keeper"], content: "The keeper is away.", order: 100 },
      "2": { uid: 2, key: ["rocks"], content: "Rocks lie north.", order: 100 },
    });
    await page.getByLabel("Import world info (JSON)").setInputFiles(lighthouse);
    await books.getByText("Lighthouse · 3 entries").waitFor({ timeout: 30_000 });
    // A clean import has nothing to warn about: the earlier list is gone.
    await expect.poll(() => page.getByRole("list", { name: "Import warnings" }).count()).toBe(0);
    expect(browser.errors).toEqual([]);
  });

  it("lists a card import's warnings above the new agent", async () => {
    const { page } = browser;
    const card = path.join(folder, "tess.json");
    await writeFile(
      card,
      JSON.stringify({
        spec: "chara_card_v2",
        spec_version: "2.0",
        data: {
          name: "Tess Marlow",
          description: "Tess bakes bread before dawn and talks to her sourdough.",
          personality: "",
          scenario: "",
          first_mes: "Flour everywhere, sorry. Hi!",
          mes_example: "",
          creator_notes: "",
          system_prompt: "",
          post_history_instructions: "",
          alternate_greetings: [],
          tags: [],
          creator: "",
          character_version: "",
          extensions: {},
        },
      }),
    );
    await page.goto("/admin");
    await page.getByRole("button", { name: "Import a card" }).click();
    await page.getByLabel("Character card (PNG, .charx or JSON)").setInputFiles(card);
    await page.getByText("Tess Marlow", { exact: false }).first().waitFor({ timeout: 30_000 });
    await page.getByLabel("Home city").fill("Bristol");
    await page.getByLabel("Occupation").fill("Baker");
    await page.getByLabel("Time zone").fill("Europe/London");
    await page.getByRole("button", { name: "Import card" }).click();
    await page.getByRole("heading", { level: 2, name: "Tess Marlow" }).waitFor({ timeout: 30_000 });
    const warnings = page.getByRole("list", { name: "Import warnings" });
    await warnings.waitFor({ timeout: 30_000 });
    expect((await warnings.getByRole("listitem").allTextContents()).join(" ")).toMatch(/personality traits/);
    expect(browser.errors).toEqual([]);
  });

  it("lists a chat import's warnings in settings", async () => {
    await createAgent(server, "Wren");
    const person = await openBrowser(server.url);
    try {
      const { page } = person;
      const file = path.join(folder, "chat.jsonl");
      const lines = [
        {
          user_name: "Kit",
          character_name: "Wren",
          create_date: "2024-9-28 @01h 02m 36s 123ms",
          chat_metadata: {},
        },
        {
          name: "Wren",
          is_user: false,
          is_system: false,
          send_date: "2024-09-28T01:02:00.000Z",
          mes: "Hello, Kit.",
        },
        {
          name: "Narrator",
          is_user: false,
          is_system: true,
          send_date: "2024-09-28T01:03:00.000Z",
          mes: "Time passes.",
        },
        {
          name: "Kit",
          is_user: true,
          is_system: false,
          send_date: "2024-09-28T01:04:00.000Z",
          mes: "Hi Wren!",
        },
      ];
      await writeFile(file, lines.map((line) => JSON.stringify(line)).join("\n"));
      await signIn(page, "dev:kit");
      await page.goto("/?view=settings");
      await page.getByRole("heading", { level: 2, name: "Import a chat" }).waitFor();
      await page.getByLabel("Companion").selectOption({ label: "Wren" });
      await page.getByLabel("Chat file (JSONL)").setInputFiles(file);
      await page.getByRole("button", { name: "Import chat" }).click();
      const warnings = page.getByRole("list", { name: "Import warnings" });
      await warnings.waitFor({ timeout: 30_000 });
      expect(await warnings.getByRole("listitem").allTextContents()).toEqual([
        "Skipped 1 system or narrator message.",
      ]);
      expect(person.errors).toEqual([]);
    } finally {
      await person.close();
    }
  });
});
