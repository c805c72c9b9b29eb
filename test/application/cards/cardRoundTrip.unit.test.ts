import { describe, expect, it } from "vitest";
import { exportAgentCard } from "../../../src/application/cards/agentCardExport.ts";
import { encodeJson, readCardFromPng } from "../../../src/application/cards/cardPng.ts";
import { V2Schema, V3Schema } from "../../../src/application/cards/cardWriter.ts";
import {
  encodePngChunks,
  readPngChunks,
  replaceTextChunks,
  textChunk,
} from "../../../src/application/cards/pngChunks.ts";
import { agentDecider } from "../../../src/domain/agent/decider.ts";
import type { AgentEvent } from "../../../src/domain/agent/events.ts";
import type { AgentState } from "../../../src/domain/agent/state.ts";
import { lorebookDecider } from "../../../src/domain/lorebook/decider.ts";
import type { LorebookState } from "../../../src/domain/lorebook/state.ts";
import { created, weeklyScenario } from "../../domain/agent/fixtures.ts";
import { added, created as bookCreated, entry } from "../../domain/lorebook/fixtures.ts";
import { basePng, fixtureBytes } from "../../fixtures/cards/build.ts";
import { importCard, lisbon, now } from "./cardHarness.ts";

/** What "the same agent" means: everything but ids, provenance (the card file's own text) and the moment of creation. */
function comparable(agent: AgentState) {
  const { agentId: _, profile, scenarios, card, ...rest } = agent;
  const { source: __, createdAt: ___, createdBy: ____, ...kept } = profile!;
  const { cardText: _t, ...details } = card.details;
  return {
    ...rest,
    card: { ...card, details },
    profile: kept,
    scenarios: scenarios.map(({ scenarioId: _s, ...s }) => s),
  };
}
function comparableBook(book: LorebookState | null) {
  if (!book) return null;
  const { lorebookId: _, source: __, createdAt: ___, createdBy: ____, ...kept } = book;
  return kept;
}

const agentId = created.data.agentId;
const fullAgent: AgentEvent[] = [
  created,
  weeklyScenario,
  {
    type: "AgentGreetingsUpdated",
    data: { agentId, greetings: ["Bom dia, {{user}}!", "Oh, it's you again."] },
  },
  {
    type: "AgentStyleExamplesUpdated",
    data: { agentId, styleExamples: "<START>\n{{user}}: Coffee?\n{{char}}: Always." },
  },
  {
    type: "AgentPromptPartsUpdated",
    data: {
      agentId,
      promptParts: {
        setting: "A café in Alfama.",
        systemPrompt: "Be brief. {{original}}",
        postHistoryInstructions: "",
      },
    },
  },
  {
    type: "AgentCardDetailsUpdated",
    data: {
      agentId,
      details: {
        nickname: "",
        creatorNotes: "Made in withme.",
        creatorNotesMultilingual: { pt: "Feito no withme." },
        tags: ["cosy"],
        creator: "admin",
        characterVersion: "2",
        sources: ["withme:a1"],
        groupOnlyGreetings: [],
        creationDate: null,
        extensions: { "other/tool": { keep: [1, 2, { deep: true }] }, talkativeness: "0.5" },
      },
    },
  },
  { type: "AgentLorebookAttached", data: { agentId, lorebookId: "b1" } },
  {
    type: "AgentMoodBaselineDrifted",
    data: {
      agentId,
      from: { mood: "content", intensity: 0.5 },
      to: { mood: "curious", intensity: 0.7 },
      reason: "spring",
    },
  },
];
const fold = <S, E>(evolve: (s: S, e: E) => S, initial: S, events: E[]) => events.reduce(evolve, initial);
const agent = fold(agentDecider.evolve, agentDecider.initialState(), fullAgent);
const book = fold(lorebookDecider.evolve, lorebookDecider.initialState(), [
  bookCreated,
  added("1", {
    keys: ["Alfama"],
    secondaryKeys: ["night"],
    selectiveLogic: "notAll",
    extensions: { position: 4, depth: 2 },
  }),
  added("x-2", { keys: ["/tram\\s*28/i"], useRegex: true, priority: 5, caseSensitive: true, scanDepth: 3 }),
  added("3", {
    constant: true,
    keys: [],
    enabled: false,
    comment: "old",
    name: "Old lore",
    position: "afterCharacter",
  }),
]);

describe("exporting an agent as a card", () => {
  const exported = exportAgentCard(agent, [book], { bytes: basePng(), contentType: "image/png" }, now);

  it("writes V3 and V2 that meet the specs' required fields", () => {
    expect(V3Schema.safeParse(exported.v3).success).toBe(true);
    expect(V2Schema.safeParse(exported.v2).success).toBe(true);
    const data = exported.v2.data as Record<string, unknown>;
    for (const field of [
      "name",
      "description",
      "personality",
      "scenario",
      "first_mes",
      "mes_example",
      "creator_notes",
      "system_prompt",
      "post_history_instructions",
      "creator",
      "character_version",
    ])
      expect(typeof data[field], field).toBe("string");
  });

  it("puts both chunks in the portrait PNG, ccv3 first in reading", () => {
    expect(readCardFromPng(exported.png)).toMatchObject({ chunk: "ccv3", json: exported.v3 });
    const chunks = readPngChunks(exported.png);
    const idat = chunks.filter((c) => c.type === "IDAT");
    expect(idat).toEqual(readPngChunks(basePng()).filter((c) => c.type === "IDAT"));
  });

  it("carries the withme identity, appearance, mood baseline, scenarios and persona, and keeps other extensions", () => {
    const data = exported.v3.data as {
      extensions: Record<string, unknown>;
      first_mes: string;
      alternate_greetings: string[];
      description: string;
      personality: string;
      character_book: { entries: unknown[] };
    };
    expect(data.extensions["other/tool"]).toEqual({ keep: [1, 2, { deep: true }] });
    expect(data.extensions.withme).toMatchObject({
      identity: { homeCity: "Lisbon", timezone: "Europe/Lisbon", occupation: "Barista", country: "Portugal" },
      appearancePrompt: created.data.appearancePrompt,
      moodBaseline: { mood: "curious", intensity: 0.7 },
      scenarios: [{ title: "Morning shift" }],
    });
    expect(data.first_mes).toBe("Bom dia, {{user}}!");
    expect(data.alternate_greetings).toEqual(["Oh, it's you again."]);
    expect(data.description).toContain("A warm barista who loves rainy mornings.");
    expect(data.personality).toContain("warm, curious");
    expect(data.character_book.entries).toHaveLength(3);
  });
});

describe("import(export(agent)) is the same agent", () => {
  it("for an agent made in withme, with its lorebook", () => {
    const exported = exportAgentCard(agent, [book], { bytes: basePng(), contentType: "image/png" }, now);
    const back = importCard(exported.png);
    expect(back.plan.warnings).toEqual([]);
    expect(comparable(back.agent)).toEqual(comparable(agent));
    expect(comparableBook(back.lorebook)).toEqual(comparableBook(book));
    expect(back.file.portrait?.bytes).toEqual(basePng());
  });

  it.each(["realworld-v2.json", "v3.png", "card.charx", "v2.png"])(
    "for an agent imported from %s, exported and imported again",
    (file) => {
      const first = importCard(fixtureBytes(file), { identity: lisbon });
      const exported = exportAgentCard(
        first.agent,
        first.lorebook ? [first.lorebook] : [],
        first.file.portrait,
        now,
      );
      const second = importCard(exported.png);
      expect(comparable(second.agent)).toEqual(comparable(first.agent));
      expect(comparableBook(second.lorebook)).toEqual(comparableBook(first.lorebook));
    },
  );

  it("keeps a portrait that is not a PNG as the card's main icon", () => {
    const jpeg = Uint8Array.of(
      0xff,
      0xd8,
      0xff,
      0xc0,
      0x00,
      0x11,
      0x08,
      0x00,
      0x10,
      0x00,
      0x20,
      0x03,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
    );
    const exported = exportAgentCard(agent, [], { bytes: jpeg, contentType: "image/jpeg" }, now);
    const back = importCard(exported.png);
    expect(back.file.portrait).toEqual({ bytes: jpeg, contentType: "image/jpeg" });
    expect(comparable(back.agent)).toEqual(comparable({ ...agent, lorebookIds: [] }));
  });

  it("a card of an agent without a portrait names its main icon, yet its plain PNG is not taken for one", () => {
    const exported = exportAgentCard(agent, [], null, now);
    expect((exported.v3.data as { assets: unknown[] }).assets).toEqual([
      { type: "icon", uri: "ccdefault:", name: "main", ext: "png" },
    ]);
    expect(importCard(exported.png).file.portrait).toBeNull();
  });

  it("reads the persona from the card's text when another tool has edited it", () => {
    const exported = exportAgentCard(agent, [], null, now);
    const v3 = structuredClone(exported.v3) as { data: Record<string, unknown> };
    v3.data.description = "Noa now runs a bookshop by the river. She hums while she works.";
    const edited = encodePngChunks(
      replaceTextChunks(readPngChunks(exported.png), ["ccv3"], [textChunk("ccv3", encodeJson(v3))]),
    );
    const back = importCard(edited);
    expect(back.agent.profile?.persona.summary).toBe(
      "Noa now runs a bookshop by the river. She hums while she works.",
    );
    expect(back.agent.profile?.identity.homeCity).toBe("Lisbon");
    expect(back.plan.warnings).toContain(
      "The card's description was edited elsewhere; the persona was read from it anew.",
    );
  });

  it("writes several books as one character_book", () => {
    const other = fold(lorebookDecider.evolve, lorebookDecider.initialState(), [
      { ...bookCreated, data: { ...bookCreated.data, lorebookId: "b2", name: "Trams" } },
      { type: "LorebookEntryAdded", data: { lorebookId: "b2", entry: entry("1", { keys: ["tram"] }) } },
    ]);
    const exported = exportAgentCard(agent, [book, other], null, now);
    const back = importCard(exported.png);
    expect(back.lorebook?.name).toBe("Ravenhold + Trams");
    expect(back.lorebook?.entries.map((e) => e.entryId)).toEqual(["1", "x-2", "3", "1-1"]);
  });
});
