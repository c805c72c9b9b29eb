import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { InMemoryEventStore } from "../../src/adapters/memory/inMemoryEventStore.ts";
import { readCardFromPng } from "../../src/application/cards/cardPng.ts";
import { previewCardFile } from "../../src/application/cards/importCardFile.ts";
import { CommandHandler } from "../../src/application/commandHandler.ts";
import { EventLog } from "../../src/application/eventLog.ts";
import { identityFromOptions } from "../../src/cli/cardCommands.ts";
import { buildCli, type CliSystem } from "../../src/cli/program.ts";
import { catalogue } from "../../src/domain/catalogue.ts";
import { DomainError } from "../../src/domain/shared/decider.ts";
import { createLogger } from "../../src/observability/logger.ts";
import { Lifecycle } from "../../src/runtime/lifecycle.ts";
import { fixtureBytes } from "../fixtures/cards/build.ts";
import { MemoryMediaStorage } from "../support/memoryMediaStorage.ts";

const fixtures = path.join(import.meta.dirname, "../fixtures/cards");
const out = mkdtempSync(path.join(tmpdir(), "withme-cards-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const store = new InMemoryEventStore();
const commands = new CommandHandler(new EventLog(store, catalogue));
const media = new MemoryMediaStorage();
const system = (): CliSystem => ({
  eventStore: store,
  lifecycle: new Lifecycle(createLogger({ level: "silent" })),
  projector: {} as CliSystem["projector"],
  commands,
  media: async () => media,
});

async function run(...args: string[]): Promise<string> {
  const lines: string[] = [];
  vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
  const cli = buildCli({ serve: async () => {}, open: async () => system(), adapters: () => [] });
  await cli.parseAsync(["node", "withme", ...args]);
  return lines.join("\n");
}

describe("withme import-card and export-card", () => {
  it("imports a card with the identity given, keeps its image, and exports it as a card again", async () => {
    const printed = await run(
      "import-card",
      path.join(fixtures, "v2.png"),
      "--city",
      "Brest",
      "--tz",
      "Europe/Paris",
      "--occupation",
      "Lighthouse keeper",
    );
    const agentId = /as agent (\S+)/.exec(printed)![1]!;
    expect(printed).toContain("lives in Brest (Europe/Paris), Lighthouse keeper");
    expect(media.files.size).toBe(1);
    const file = path.join(out, "elowen.png");
    expect(await run("export-card", agentId, file)).toContain(`wrote ${file}`);
    const card = readCardFromPng(new Uint8Array(readFileSync(file))).json as { data: { name: string } };
    expect(card.data.name).toBe("Elowen");
    const again = await run("import-card", file);
    expect(again).toContain("lives in Brest (Europe/Paris), Lighthouse keeper");
  });

  it("refuses a card whose identity is neither given nor guessable", async () => {
    await expect(run("import-card", path.join(fixtures, "v2.json"))).rejects.toBeInstanceOf(DomainError);
  });

  it("refuses to export an agent that does not exist", async () => {
    await expect(run("export-card", "nobody", path.join(out, "x.png"))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("completes the identity from the card's guess, and keeps a card's own identity", () => {
    const preview = previewCardFile(fixtureBytes("v2.json"));
    expect(identityFromOptions(preview, { city: "Tokyo", tz: "Asia/Tokyo", occupation: "Cook" })).toEqual({
      homeCity: "Tokyo",
      timezone: "Asia/Tokyo",
      occupation: "Cook",
    });
    const carried = {
      ...preview,
      identity: { homeCity: "Lisbon", occupation: "Cook", timezone: "Europe/Lisbon" },
    };
    expect(identityFromOptions(carried, {})).toBeNull();
    expect(identityFromOptions(carried, { city: "Porto" })).toMatchObject({ homeCity: "Porto" });
    // The card's opening names its occupation; a card that does not needs --occupation.
    expect(identityFromOptions(preview, { city: "Tokyo", tz: "Asia/Tokyo" })).toMatchObject({
      occupation: "lighthouse keeper",
    });
    const unguessed = { ...preview, guess: { ...preview.guess, occupation: null } };
    expect(() => identityFromOptions(unguessed, { city: "Tokyo", tz: "Asia/Tokyo" })).toThrow(
      /add --occupation\.$/,
    );
  });
});
