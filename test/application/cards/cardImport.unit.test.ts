import { strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { parseCardJson } from "../../../src/application/cards/cardJson.ts";
import { cardToV2 } from "../../../src/application/cards/cardWriter.ts";
import { guessIdentity } from "../../../src/application/cards/identityGuess.ts";
import { previewCardFile } from "../../../src/application/cards/importCardFile.ts";
import { catalogue } from "../../../src/domain/catalogue.ts";
import { DomainError } from "../../../src/domain/shared/decider.ts";
import { fixtureBytes, fixtureJson } from "../../fixtures/cards/build.ts";
import { importCard, lisbon } from "./cardHarness.ts";

describe("importing a card as an agent", () => {
  it("maps every V2 field", () => {
    const { agent, agentEvents, lorebook } = importCard(fixtureBytes("v2.json"), { identity: lisbon });
    for (const event of agentEvents) expect(catalogue.validate(event)).toEqual(event.data);
    expect(agent.profile).toMatchObject({ name: "Elowen", source: "card", identity: { homeCity: "Lisbon" } });
    expect(agent.profile?.persona).toMatchObject({
      summary: expect.stringMatching(/^Elowen is a lighthouse keeper/),
      traits: ["patient", "dry-humoured", "observant", "stubborn"],
      backstory: expect.stringContaining("keeps a logbook"),
    });
    expect(agent.profile?.appearancePrompt).toMatch(/auburn hair, grey eyes/);
    expect(agent.card.greetings).toHaveLength(3);
    expect(agent.card.greetings[0]).toMatch(/^\*The door creaks open/);
    expect(agent.card.greetings[0]).toContain("{{user}}");
    expect(agent.card.styleExamples).toMatch(/^<START>\n\{\{user\}\}: Do you ever get lonely/);
    expect(agent.card.promptParts.setting).toContain("{{user}} arrives on the island");
    expect(agent.card.details).toMatchObject({
      creatorNotes: "A slow-burn, cosy character. Works best with a patient user.",
      tags: ["cosy", "slow burn", "original character"],
      creator: "spec-fixture",
      characterVersion: "1.0",
    });
    expect(lorebook).toBeNull();
    expect(agent.lorebookIds).toEqual([]);
  });

  it("maps V3: nickname, prompts, multilingual notes, sources, group greetings, dates, extensions, the book", () => {
    const { agent, lorebook, agentEvents } = importCard(fixtureBytes("v3.png"), {
      identity: { ...lisbon, timezone: "Asia/Tokyo" },
    });
    expect(agent.card.promptParts).toEqual({
      setting: "Late night; {{user}} is the last customer before closing.",
      systemPrompt: "Keep replies short, like talk over a counter. {{original}}",
      postHistoryInstructions: "Stay warm, never cruel.",
    });
    expect(agent.card.details).toMatchObject({
      nickname: "Kai",
      creatorNotesMultilingual: { ja: "夜の癒し系キャラクター。" },
      sources: ["https://example.org/cards/kaito"],
      groupOnlyGreetings: ["Table for how many? I only have four stools."],
      creationDate: 1717200000,
      extensions: { "example/voice": { pitch: 0.9 } },
    });
    expect(agent.profile?.persona.summary).toMatch(/^Kai runs a tiny ramen stall/);
    expect(lorebook?.entries.map((e) => e.keys)).toEqual([["grandmother", "obaachan"], ["/\\bbroth\\b/i"]]);
    expect(lorebook?.source).toBe("characterBook");
    expect(agentEvents.at(-1)).toEqual({
      type: "AgentLorebookAttached",
      data: { agentId: "a1", lorebookId: "b1" },
    });
  });

  it("imports the real-world card with its 13-entry lorebook", () => {
    const { agent, lorebook, plan } = importCard(fixtureBytes("realworld-v2.json"), { identity: lisbon });
    expect(lorebook?.entries).toHaveLength(13);
    expect(lorebook?.name).toBe("Ravenhold");
    expect(agent.profile?.persona.traits).toEqual([
      "sardonic",
      "loyal",
      "curious",
      "reckless when angry",
      "soft-hearted underneath",
    ]);
    expect(agent.profile?.persona.interests).toEqual([
      "clockwork",
      "black rye bread",
      "rain on tin roofs",
      "old maps",
    ]);
    expect(agent.card.promptParts.postHistoryInstructions).toMatch(/^\[Write Mira's next reply/);
    expect(agent.card.details.extensions).toMatchObject({
      depth_prompt: { prompt: "Mira distrusts anyone in a uniform." },
    });
    expect(plan.warnings).toEqual([]);
  });

  it("imports a V1 card and a .charx", () => {
    expect(importCard(fixtureBytes("v1.json"), { identity: lisbon }).agent.card.greetings).toEqual([
      "Sit down, sit down. Did I ever tell you about the one that got away?",
    ]);
    const fromCharx = importCard(fixtureBytes("card.charx"), { identity: lisbon });
    expect(fromCharx.agent.profile?.name).toBe("Kaito Arakawa");
    expect(fromCharx.file.portrait?.contentType).toBe("image/png");
  });

  it("asks the operator for an identity when the card has none", () => {
    try {
      importCard(fixtureBytes("v2.json"));
      throw new Error("expected a refusal");
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).reason).toBe("CardIdentityRequired");
      expect((error as DomainError).code).toBe("BAD_USER_INPUT");
    }
  });

  it("guesses an identity from the card's text for the operator to confirm", () => {
    expect(guessIdentity(parseCardJson(fixtureJson("v3.json")))).toMatchObject({
      homeCity: "Tokyo",
      timezone: "Asia/Tokyo",
    });
    const card = parseCardJson({
      name: "Ana",
      description: "Ana works as a nurse in Buenos Aires.",
      first_mes: "Hi",
    });
    expect(guessIdentity(card)).toEqual({
      homeCity: "Buenos Aires",
      timezone: expect.stringMatching(/Buenos_Aires$/),
      occupation: "nurse",
    });
    const kyiv = parseCardJson({ name: "Olha", description: "Olha is a teacher in Kyiv.", first_mes: "" });
    expect(guessIdentity(kyiv)).toMatchObject({ homeCity: "Kyiv", timezone: "Europe/Kyiv" });
    const calcutta = parseCardJson({
      name: "Ravi",
      description: "Ravi is a poet in Calcutta.",
      first_mes: "",
    });
    expect(guessIdentity(calcutta)).toMatchObject({ timezone: "Asia/Kolkata" });
    const porto = parseCardJson({ name: "Sofia", description: "Sofia is a baker in Porto.", first_mes: "" });
    expect(guessIdentity(porto)).toEqual({
      homeCity: "Porto",
      timezone: "Europe/Lisbon",
      occupation: "baker",
    });
    const sailor = parseCardJson({ name: "Cy", description: "A sailor from Dún Laoghaire.", first_mes: "" });
    expect(guessIdentity(sailor)).toMatchObject({ homeCity: "Dún Laoghaire", timezone: "Europe/Dublin" });
    expect(guessIdentity(parseCardJson({ name: "X", description: "Nobody knows.", first_mes: "" }))).toEqual({
      homeCity: null,
      timezone: null,
      occupation: null,
    });
  });

  it("writes {{char}} into the persona as the name, keeps {{user}}, and keeps greetings as the card wrote them", () => {
    const card = {
      name: "Ivy",
      description: "<BOT> tends a garden for <USER>.",
      personality: "calm",
      first_mes: "Hello <USER>",
    };
    const { agent } = importCard(strToU8(JSON.stringify(card)), { identity: lisbon });
    expect(agent.profile?.persona.summary).toBe("Ivy tends a garden for {{user}}.");
    // <USER> is resolved where the greeting is used, as {{user}} is.
    expect(agent.card.greetings).toEqual(["Hello <USER>"]);
  });

  it("fills what a bare card leaves out, with warnings the operator sees", () => {
    const bare = { spec: "chara_card_v2", data: { name: "N".repeat(70), description: "D".repeat(5000) } };
    const { agent, plan } = importCard(strToU8(JSON.stringify(bare)), { identity: lisbon });
    expect(agent.profile?.name).toHaveLength(60);
    expect(agent.profile?.persona.traits).toEqual(["true to the card"]);
    expect(agent.profile?.persona.backstory.length).toBeLessThanOrEqual(4000);
    expect(plan.warnings).toEqual([
      "The name was shortened to 60 characters.",
      "The card lists no short personality traits; edit the agent's traits.",
      expect.stringMatching(/^The description was shortened from 5000 to \d+ characters/),
    ]);
  });

  it("says which of the card's lorebook entries were blank and left out", () => {
    const card = {
      spec: "chara_card_v2",
      data: {
        name: "Ivo",
        description: "A ferryman.",
        character_book: {
          entries: [
            { keys: ["river"], content: "Cold." },
            { keys: [""], content: "" },
          ],
        },
      },
    };
    const { plan } = importCard(strToU8(JSON.stringify(card)), { identity: lisbon });
    expect(plan.lorebook?.entries).toHaveLength(1);
    expect(plan.lorebook).not.toHaveProperty("warnings");
    expect(plan.warnings).toContain("Skipped 1 blank entry (neither keys nor content): #2.");
  });

  it("imports a card whose book has an entry over the lorebook's limits, leaving that entry out", () => {
    const card = {
      spec: "chara_card_v2",
      data: {
        name: "Ivo",
        description: "A ferryman.",
        character_book: {
          entries: [
            { keys: ["river"], content: "Cold." },
            { keys: ["ferry"], content: "x".repeat(20_001), comment: "Ferry" },
          ],
        },
      },
    };
    const { plan, lorebook } = importCard(strToU8(JSON.stringify(card)), { identity: lisbon });
    expect(lorebook?.entries.map((e) => e.content)).toEqual(["Cold."]);
    expect(plan.warnings).toContain(
      "Left out 1 entry over the lorebook's limits: #2 \"Ferry\" (Shorten the entry's content to 20000 characters or fewer).",
    );
  });

  it("takes the V2 backfill notice out of the creator notes", () => {
    const card = parseCardJson(fixtureJson("v2.json"));
    const backfilled = cardToV2({ ...card, characterBook: null });
    expect(parseCardJson(backfilled).creatorNotes).toBe(card.creatorNotes);
  });

  it("reads a card's text when its withme persona or appearance breaks withme's limits", () => {
    const json = fixtureJson("v2.json") as { data: Record<string, unknown> };
    json.data.extensions = {
      withme: {
        persona: { summary: "", traits: [], speakingStyle: "", backstory: "", interests: [] },
        appearancePrompt: "a".repeat(2000),
      },
    };
    const { agent, plan } = importCard(strToU8(JSON.stringify(json)), { identity: lisbon });
    expect(agent.profile?.persona.traits).toEqual(["patient", "dry-humoured", "observant", "stubborn"]);
    expect(agent.profile?.appearancePrompt).toMatch(/auburn hair/);
    expect(plan.warnings.some((w) => w.includes("persona"))).toBe(true);
  });

  it("a card whose extensions nest too deep or weigh too much is refused with what is wrong and the limit", () => {
    const withExtensions = (extensions: unknown) => {
      const json = fixtureJson("v2.json") as { data: Record<string, unknown> };
      json.data.extensions = extensions;
      return strToU8(JSON.stringify(json));
    };
    let deep: unknown = { bottom: true };
    for (let level = 0; level < 40; level++) deep = { deeper: deep };
    expect(() => importCard(withExtensions({ "other/tool": deep }), { identity: lisbon })).toThrow(
      /extensions nest deeper than 32 levels/,
    );
    expect(() =>
      importCard(withExtensions({ "other/tool": "x".repeat(300_000) }), { identity: lisbon }),
    ).toThrow(/extensions are 301 kB; the limit is 256 kB/);
  });

  it("reads a V2 card whose fields sit at the top level", () => {
    const flat = {
      spec: "chara_card_v2",
      spec_version: "2.0",
      name: "Flat",
      description: "Flat lives in Oslo.",
      first_mes: "Hei!",
    };
    expect(importCard(strToU8(JSON.stringify(flat)), { identity: lisbon }).agent.card.greetings).toEqual([
      "Hei!",
    ]);
  });

  it("keeps the operator's appearance prompt and identity over the card's", () => {
    const { agent } = importCard(fixtureBytes("v2.json"), {
      identity: lisbon,
      appearancePrompt: "Oil painting, storm light.",
    });
    expect(agent.profile?.appearancePrompt).toBe("Oil painting, storm light.");
  });
});

describe("previewCardFile", () => {
  const cardWith = (data: Record<string, unknown>) => {
    const card = fixtureJson("v2.json") as { data: Record<string, unknown> };
    return strToU8(JSON.stringify({ ...card, data: { ...card.data, ...data } }));
  };

  it("warns of what the import changes, and names the agent as the import will", () => {
    const preview = previewCardFile(cardWith({ name: `Seraphina ${"x".repeat(10_000)}` }));
    expect([...preview.name]).toHaveLength(60);
    expect(preview.warnings).toContain("The name was shortened to 60 characters.");
  });

  it("refuses what the import refuses, before anything is chosen", () => {
    const greetings = Array.from({ length: 65 }, (_, i) => `Hello ${i}`);
    const refusal = (() => {
      try {
        importCard(cardWith({ alternate_greetings: greetings }), { identity: lisbon });
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(DomainError);
    expect(() => previewCardFile(cardWith({ alternate_greetings: greetings }))).toThrow(
      (refusal as Error).message,
    );
  });
});
